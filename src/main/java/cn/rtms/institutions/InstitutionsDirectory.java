package cn.rtms.institutions;

import java.util.Optional;
import java.util.UUID;

import cn.rtms.identity.InstitutionDirectory;
import cn.rtms.institutions.Regions.RegionRow;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * identity's view of institutions and region names (no scope check: identity decides
 * scope with it).
 */
@Component
class InstitutionsDirectory implements InstitutionDirectory {

	private final Institutions institutions;

	private final Regions regions;

	InstitutionsDirectory(Institutions institutions, Regions regions) {
		this.institutions = institutions;
		this.regions = regions;
	}

	@Override
	public Optional<InstitutionRef> institution(UUID institutionId) {
		return this.institutions.findReference(institutionId)
			.map(r -> new InstitutionRef(institutionId, r.name(), r.regionCode()));
	}

	@Override
	public @Nullable String regionName(String regionCode) {
		RegionRow row = this.regions.all().get(regionCode);
		return row == null ? null : row.name();
	}

}
