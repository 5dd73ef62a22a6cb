package cn.rtms.indicators.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.identity.RegionHierarchy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link RegionScope} from the region table and identity's {@link RegionHierarchy} (the
 * ancestry every other data scope of the platform follows).
 */
@Component
class TreeRegionScope implements RegionScope {

	private final JdbcClient jdbc;

	private final RegionHierarchy hierarchy;

	TreeRegionScope(JdbcClient jdbc, RegionHierarchy hierarchy) {
		this.jdbc = jdbc;
		this.hierarchy = hierarchy;
	}

	@Override
	public List<String> outside(String regionCode) {
		String prefix = IndicatorEngine.regionPrefix(regionCode);
		if (prefix.length() <= 2 || prefix.length() == 6) {
			// a province covers every unit of its own; a county is matched exactly
			return List.of();
		}
		return codesUnder(prefix).stream().filter(code -> !this.hierarchy.ancestry(code).contains(regionCode)).toList();
	}

	@Override
	public Map<String, String> cityExceptions(String prefix) {
		Map<String, String> exceptions = new LinkedHashMap<>();
		for (String code : codesUnder(prefix)) {
			List<String> ancestry = this.hierarchy.ancestry(code);
			String city = (ancestry.size() >= 2) ? ancestry.get(ancestry.size() - 2) : code;
			if (!city.equals(code.substring(0, 4) + "00")) {
				exceptions.put(code, city);
			}
		}
		return exceptions;
	}

	private List<String> codesUnder(String prefix) {
		return this.jdbc.sql("select code from institutions.indicator_region where code like ? order by code")
			.param(prefix + "%")
			.query(String.class)
			.list();
	}

}
