package cn.rtms.filing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.domain.Filing.Route;
import org.jspecify.annotations.Nullable;

/**
 * Where a filing goes under 吉卫医发〔2022〕12号: received by the licence issuer, passed up
 * level by level to the province for national technologies, or to the city/prefecture
 * level for provincial ones. 梅河口市 and 长白山管委会 (directly administered) act at city level
 * and pass straight to the province.
 */
public final class AuthorityRouting {

	private final Map<String, Area> areas;

	/**
	 * @param areas every region by code
	 */
	public AuthorityRouting(Map<String, Area> areas) {
		this.areas = Map.copyOf(areas);
	}

	/**
	 * @param receivingRegionCode the licence issuer's region
	 * @param national whether the technology is on the national catalogue
	 * @return receiving region, review region and the path between
	 */
	public Route route(String receivingRegionCode, boolean national) {
		Area area = this.areas.get(receivingRegionCode);
		if (area == null) {
			throw new InvalidFilingRequest("执业许可证发证机关所在行政区划 " + receivingRegionCode + " 不存在，无法确定受理机关");
		}
		List<String> chain = new ArrayList<>();
		Area current = area;
		while (current != null) {
			chain.add(current.code());
			current = up(current);
		}
		String review = null;
		if (national) {
			review = chain.get(chain.size() - 1);
		}
		else {
			for (String code : chain) {
				Area a = this.areas.get(code);
				if (a != null && actsAtCityLevelOrAbove(a)) {
					review = code;
					break;
				}
			}
		}
		if (review == null) {
			throw new InvalidFilingRequest("无法确定 " + receivingRegionCode + " 的审查机关");
		}
		List<String> path = new ArrayList<>(chain.subList(0, chain.indexOf(review) + 1));
		return new Route(receivingRegionCode, review, List.copyOf(path));
	}

	private @Nullable Area up(Area area) {
		if (area.parentCode() == null) {
			return null;
		}
		if (area.directAdmin()) {
			Area parent = this.areas.get(area.parentCode());
			while (parent != null && !"PROVINCE".equals(parent.level())) {
				parent = parent.parentCode() == null ? null : this.areas.get(parent.parentCode());
			}
			return parent;
		}
		return this.areas.get(area.parentCode());
	}

	private static boolean actsAtCityLevelOrAbove(Area area) {
		return "CITY".equals(area.level()) || "PROVINCE".equals(area.level()) || area.directAdmin();
	}

	/**
	 * A region as routing needs it.
	 *
	 * @param code code
	 * @param level PROVINCE, CITY or COUNTY
	 * @param parentCode parent, null for the province
	 * @param directAdmin directly administered by the province
	 */
	public record Area(String code, String level, @Nullable String parentCode, boolean directAdmin) {
	}

}
