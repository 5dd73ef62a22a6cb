package cn.rtms.identity;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Data scope and role checks for application services. Every
 * {@code check…}/{@code require…} method returns normally or throws {@link AccessDenied}
 * (403 {@code FORBIDDEN}); ids outside the caller's scope are refused with 403, never
 * hidden as 404. Nobody logged in is {@link NotAuthenticated} (401).
 */
@Service
public class AccessPolicy {

	private final IdentityManagement identity;

	private final RegionHierarchy regions;

	AccessPolicy(IdentityManagement identity, RegionHierarchy regions) {
		this.identity = identity;
		this.regions = regions;
	}

	/**
	 * @param roles the roles allowed
	 * @return the current user, who has one of them
	 * @throws AccessDenied when the current user has none of them
	 */
	public CurrentUser requireRole(Role... roles) {
		CurrentUser user = this.identity.currentUser();
		if (!user.hasRole(roles)) {
			throw new AccessDenied("当前角色（" + user.role().label() + "）无权执行此操作，需要："
					+ Arrays.stream(roles).map(Role::label).collect(Collectors.joining("、")));
		}
		return user;
	}

	/**
	 * @param user a user
	 * @param regionCode a region code
	 * @return whether the user is an authority (or system admin) whose jurisdiction
	 * contains the region, following {@link RegionHierarchy#ancestry}; false for
	 * everybody else
	 */
	public boolean coversRegion(CurrentUser user, String regionCode) {
		if (user.role() == Role.SYSTEM_ADMIN) {
			return true;
		}
		if (!user.role().isAuthority() || user.regionCode() == null) {
			return false;
		}
		return this.regions.ancestry(regionCode).contains(user.regionCode());
	}

	/**
	 * Reading an institution: hospital users and physicians their own institution only,
	 * authorities institutions in their region, system admin all, experts none.
	 * @param institutionId the institution
	 * @param institutionRegionCode its region
	 * @throws AccessDenied when the current user may not see it
	 */
	public void checkInstitution(UUID institutionId, String institutionRegionCode) {
		if (!canSeeInstitution(this.identity.currentUser(), institutionId, institutionRegionCode)) {
			throw new AccessDenied("无权访问该医疗机构的数据（不在当前账号的数据范围内）");
		}
	}

	/**
	 * @param user a user
	 * @param institutionId an institution
	 * @param institutionRegionCode its region
	 * @return whether the user may read the institution (the non-throwing form of
	 * {@link #checkInstitution})
	 */
	public boolean canSeeInstitution(CurrentUser user, UUID institutionId, @Nullable String institutionRegionCode) {
		if (user.role() == Role.SYSTEM_ADMIN) {
			return true;
		}
		if (user.role().isInstitutional()) {
			return institutionId.equals(user.institutionId());
		}
		if (user.role().isAuthority()) {
			return institutionRegionCode != null && coversRegion(user, institutionRegionCode);
		}
		return false;
	}

	/**
	 * Reading a person: physicians only themselves; everybody else as
	 * {@link #checkInstitution} for the person's institution (a person without
	 * institution is visible to system admin only).
	 * @param personId the person
	 * @param institutionId the person's institution
	 * @param institutionRegionCode that institution's region
	 * @throws AccessDenied when the current user may not see the person
	 */
	public void checkPerson(UUID personId, @Nullable UUID institutionId, @Nullable String institutionRegionCode) {
		if (!canSeePerson(this.identity.currentUser(), personId, institutionId, institutionRegionCode)) {
			throw new AccessDenied("无权访问该人员的数据（不在当前账号的数据范围内）");
		}
	}

	/**
	 * @param user a user
	 * @param personId a person
	 * @param institutionId the person's institution
	 * @param institutionRegionCode that institution's region
	 * @return whether the user may read the person (the non-throwing form of
	 * {@link #checkPerson})
	 */
	public boolean canSeePerson(CurrentUser user, UUID personId, @Nullable UUID institutionId,
			@Nullable String institutionRegionCode) {
		if (user.role() == Role.SYSTEM_ADMIN) {
			return true;
		}
		if (user.role() == Role.PHYSICIAN) {
			return personId.equals(user.personId());
		}
		return institutionId != null && canSeeInstitution(user, institutionId, institutionRegionCode);
	}

	/**
	 * @param institutionId an institution
	 * @return whether the current user may change the institution's data (and its
	 * people): its hospital clerk or hospital admin, or the system admin
	 */
	public boolean canWriteInstitution(UUID institutionId) {
		return canWriteInstitution(this.identity.currentUser(), institutionId);
	}

	/**
	 * @param user a user
	 * @param institutionId an institution
	 * @return whether the user may change the institution's data, see
	 * {@link #canWriteInstitution(UUID)}
	 */
	public boolean canWriteInstitution(CurrentUser user, UUID institutionId) {
		if (user.role() == Role.SYSTEM_ADMIN) {
			return true;
		}
		return user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN) && institutionId.equals(user.institutionId());
	}

	/**
	 * @param institutionId an institution
	 * @throws AccessDenied unless {@link #canWriteInstitution(UUID)}
	 */
	public void checkWriteInstitution(UUID institutionId) {
		if (!canWriteInstitution(institutionId)) {
			throw new AccessDenied("无权修改该医疗机构的数据（仅本机构医务科、医院管理员或系统管理员可修改）");
		}
	}

}
