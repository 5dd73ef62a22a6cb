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

	/**
	 * What a confirmation by the current user of a clause of this institution (or of one
	 * of its people) is worth: {@link ConfirmationKind#REVIEW} for the system
	 * administrator and an authority whose jurisdiction covers the institution,
	 * {@link ConfirmationKind#SELF_DECLARATION} for the institution's own clerk or
	 * hospital admin. Experts record their opinion in the filing's expert review; the
	 * authority then confirms.
	 * @param institutionId the institution
	 * @param institutionRegionCode its region
	 * @return the kind of confirmation the current user makes
	 * @throws AccessDenied for everybody else
	 */
	public ConfirmationKind confirmationKind(UUID institutionId, @Nullable String institutionRegionCode) {
		CurrentUser user = this.identity.currentUser();
		if (mayReview(user, institutionRegionCode)) {
			return ConfirmationKind.REVIEW;
		}
		if (user.hasRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN) && institutionId.equals(user.institutionId())) {
			return ConfirmationKind.SELF_DECLARATION;
		}
		throw new AccessDenied("无权确认条款（医院自评承诺限本机构医务科、医院管理员；审核确认限辖区卫生健康行政部门或系统管理员）");
	}

	/**
	 * Withdrawing a confirmation: a review by those who may review (see
	 * {@link #confirmationKind}); a hospital declaration also by the institution's clerk
	 * or hospital admin.
	 * @param kind the confirmation's kind
	 * @param institutionId the institution it belongs to (or whose person it belongs to)
	 * @param institutionRegionCode its region
	 * @throws AccessDenied when the current user may not withdraw it
	 */
	public void checkWithdrawConfirmation(ConfirmationKind kind, UUID institutionId,
			@Nullable String institutionRegionCode) {
		ConfirmationKind own = confirmationKind(institutionId, institutionRegionCode);
		if (kind == ConfirmationKind.REVIEW && own != ConfirmationKind.REVIEW) {
			throw new AccessDenied("无权撤回审核确认（限辖区卫生健康行政部门或系统管理员）");
		}
	}

	/**
	 * Changing an institution's region, level, type or practice licence: the system
	 * administrator, or an authority whose jurisdiction covers both the institution's
	 * current region and the region it moves to (the licence-issuing side, never the
	 * hospital itself).
	 * @param currentRegionCode the institution's region now
	 * @param newRegionCode its region after the change
	 * @throws AccessDenied for everybody else
	 */
	public void checkChangeJurisdiction(String currentRegionCode, String newRegionCode) {
		CurrentUser user = this.identity.currentUser();
		if (!mayReview(user, currentRegionCode) || !mayReview(user, newRegionCode)) {
			throw new AccessDenied("无权变更医疗机构的行政区划、级别、类别或执业许可证（限辖区卫生健康行政部门或系统管理员）");
		}
	}

	private boolean mayReview(CurrentUser user, @Nullable String regionCode) {
		return user.role() == Role.SYSTEM_ADMIN
				|| (user.role().isAuthority() && regionCode != null && coversRegion(user, regionCode));
	}

}
