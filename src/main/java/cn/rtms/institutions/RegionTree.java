package cn.rtms.institutions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.identity.RegionHierarchy;
import cn.rtms.institutions.Regions.RegionRow;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * identity's view of the region tree: a region and its ancestors up to the province. A
 * directly administered unit (direct_admin: 梅河口市, 长白山管委会) reports to the province,
 * skipping its nominal parent city.
 */
@Component
class RegionTree implements RegionHierarchy {

	private static final String PROVINCE = "PROVINCE";

	private final Regions regions;

	private final Deployment deployment;

	RegionTree(Regions regions, Deployment deployment) {
		this.regions = regions;
		this.deployment = deployment;
	}

	@Override
	public boolean inDeployment(String regionCode) {
		return this.deployment.covers(regionCode, this.regions.all());
	}

	@Override
	public List<String> ancestry(String regionCode) {
		Map<String, RegionRow> all = this.regions.all();
		List<String> ancestry = new ArrayList<>();
		@Nullable RegionRow current = all.get(regionCode);
		while (current != null && !ancestry.contains(current.code())) {
			ancestry.add(current.code());
			String parent = current.parentCode();
			if (parent == null) {
				break;
			}
			current = current.directAdmin() ? province(all, parent) : all.get(parent);
		}
		return List.copyOf(ancestry);
	}

	private static @Nullable RegionRow province(Map<String, RegionRow> all, String parentCode) {
		RegionRow row = all.get(parentCode);
		while (row != null && !PROVINCE.equals(row.level()) && row.parentCode() != null) {
			row = all.get(row.parentCode());
		}
		return row;
	}

}
