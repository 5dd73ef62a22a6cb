package cn.rtms.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.rtms.catalog.RestrictedTechnology.HistoryEntry;
import cn.rtms.catalog.RestrictedTechnology.TechnologyLevel;
import cn.rtms.catalog.RestrictedTechnology.TechnologyStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's use cases: list the restricted technologies and look one up. The
 * catalogue is reference data: the national catalogue and Jilin's by migration, another
 * province's from {@code reference/catalogues/<province>.yaml}
 * ({@link ProvincialCatalogues}). Only the national catalogue and the deployment
 * province's ({@code rtms.deployment.province}) are listed or found; another province's
 * technologies are unknown here.
 */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

	private final JdbcClient jdbc;

	private final String province;

	CatalogManagement(JdbcClient jdbc, @Value("${rtms.deployment.province:220000}") String province) {
		this.jdbc = jdbc;
		this.province = province;
	}

	/**
	 * @return every technology of the national catalogue and of the deployment
	 * province's, national first, in catalogue order
	 */
	public List<RestrictedTechnology> technologies() {
		Map<String, List<HistoryEntry>> history = new LinkedHashMap<>();
		this.jdbc.sql("select code, occurred_on, event from catalog.technology_history order by occurred_on, event")
			.query((rs, n) -> {
				history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new HistoryEntry(rs.getObject(2, LocalDate.class), rs.getString(3)));
				return null;
			})
			.list();
		return this.jdbc.sql("""
				select code, name, level, jurisdiction, catalogue_edition, status from catalog.technology
				where level = 'NATIONAL' or jurisdiction = ? order by sort_order, code""")
			.param(this.province)
			.query((rs, n) -> new RestrictedTechnology(rs.getString(1), rs.getString(2),
					TechnologyLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
					TechnologyStatus.valueOf(rs.getString(6)),
					List.copyOf(history.getOrDefault(rs.getString(1), List.of()))))
			.list();
	}

	/**
	 * @param code a catalogue code such as {@code G08}
	 * @return the technology, if catalogued
	 */
	public Optional<RestrictedTechnology> find(String code) {
		return technologies().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	/**
	 * @param code a catalogue code
	 * @return the technology
	 * @throws UnknownTechnology when the code is not catalogued
	 */
	public RestrictedTechnology get(String code) {
		return find(code).orElseThrow(() -> new UnknownTechnology(code));
	}

	/**
	 * @return the codes of the national catalogue and of the deployment province's, for
	 * validating references from other modules
	 */
	public Set<String> codes() {
		return Set
			.copyOf(this.jdbc.sql("select code from catalog.technology where level = 'NATIONAL' or jurisdiction = ?")
				.param(this.province)
				.query(String.class)
				.list());
	}

}
