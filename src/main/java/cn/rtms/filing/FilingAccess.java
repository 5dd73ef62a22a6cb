package cn.rtms.filing;

import java.util.Optional;
import java.util.function.Function;

import cn.rtms.filing.domain.Caller;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.FilingAction;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.FilingTransitions;
import cn.rtms.filing.domain.Party;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.institutions.InstitutionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who may read a filing, and whether the current user is the party that
 * {@link FilingTransitions} names for an action (checked before the aggregate checks
 * state and condition from the same row).
 */
@Component
class FilingAccess {

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	FilingAccess(AccessPolicy access, InstitutionManagement institutions) {
		this.access = access;
		this.institutions = institutions;
	}

	Caller caller(CurrentUser user) {
		return new Caller(user.id(), user.role(), user.institutionId(), user.regionCode(),
				region -> this.access.coversRegion(user, region));
	}

	void requireRead(CurrentUser user, FilingData data) {
		if (!canRead(user, data)) {
			throw new AccessDenied("无权查看或办理该备案（不在当前账号的数据范围内）");
		}
	}

	private static final java.util.Set<FilingState> UNSUBMITTED = java.util.EnumSet.of(FilingState.DRAFT,
			FilingState.SELF_ASSESSED);

	boolean canRead(CurrentUser user, FilingData data) {
		return switch (user.role()) {
			case SYSTEM_ADMIN -> true;
			case HOSPITAL_CLERK, HOSPITAL_ADMIN, PHYSICIAN, TRAINING_BASE_ADMIN ->
				data.institution().id().equals(user.institutionId());
			// the hospital's own work until it is submitted, as in the lists and
			// statistics
			case COUNTY_AUTHORITY, CITY_AUTHORITY,
					PROVINCE_AUTHORITY ->
				user.regionCode() != null && !UNSUBMITTED.contains(data.state())
						&& (data.route().path().contains(user.regionCode())
								|| this.access.coversRegion(user, data.institution().regionCode()));
			case EXPERT -> data.experts().stream().anyMatch(e -> e.userId().equals(user.id()));
		};
	}

	/**
	 * @throws AccessDenied when the user is not the action's party
	 */
	void authorize(FilingAction action, CurrentUser user, Filing filing) {
		Optional<String> refused = refusal(action, caller(user), filing, this::regionLabel);
		if (refused.isPresent()) {
			throw new AccessDenied(refused.get());
		}
	}

	/**
	 * Whether the caller is the party of the action's row, and if not, why not (in
	 * Chinese). An authority acting on a filing no authority holds (with the hospital, or
	 * final) passes here: the aggregate then refuses the state and names it.
	 * @return empty when the caller may go on
	 */
	static Optional<String> refusal(FilingAction action, Caller caller, Filing filing,
			Function<@Nullable String, String> regionLabel) {
		FilingTransitions.Transition row = FilingTransitions.of(action);
		if (row.party().includes(caller, filing)) {
			return Optional.empty();
		}
		String institution = filing.data().institution().name();
		return Optional.ofNullable(switch (row.party()) {
			case HOSPITAL -> "只有 " + institution + " 的医务科或医院管理员可以办理此操作";
			case HOLDER -> !caller.isAuthority() ? "只有卫生健康行政部门可以办理此操作"
					: filing.holder() == null ? null : "该备案当前由" + regionLabel.apply(filing.holder()) + "办理，不在本级（"
							+ regionLabel.apply(caller.regionCode()) + "）；本次操作未生效";
			case ASSIGNED_EXPERT, EXPERT_AWAITED -> "只有指派给该备案的评审专家才能" + action.label();
			case COMPETENT_AUTHORITY, RECEIVING_AUTHORITY ->
				"只有受理机关（" + regionLabel.apply(filing.receivingRegionCode()) + "）或其上级卫生健康行政部门可以中止、恢复或撤销该备案";
			case SUSPENDING_AUTHORITY -> !Party.COMPETENT_AUTHORITY.includes(caller, filing)
					? "只有受理机关（" + regionLabel.apply(filing.receivingRegionCode()) + "）或其上级卫生健康行政部门可以恢复该备案"
					: "该备案由" + regionLabel.apply(filing.suspendedByRegionCode()) + "中止，只能由该机关或其上级恢复（谁审批、谁负责）；本次操作未生效";
			case SYSTEM -> "该操作只由系统自动检查执行";
		});
	}

	/**
	 * Registering a prior filing (存量备案) is for the authority that decides filings on the
	 * route: its review authority ({@code reviewRegionCode}), which takes {@code decide}.
	 * @throws AccessDenied for anybody else
	 */
	void requirePriorRegistrar(CurrentUser user, Filing.Route route, String institution, String technology) {
		if (!user.role().isAuthority() || user.regionCode() == null
				|| !user.regionCode().equals(route.reviewRegionCode())) {
			throw new AccessDenied(institution + " 的 " + technology + " 备案由" + regionLabel(route.reviewRegionCode())
					+ "审查决定，存量备案只能由该机关登记；当前账号（" + regionLabel(user.regionCode()) + "）无权登记");
		}
	}

	String regionLabel(@Nullable String code) {
		if (code == null) {
			return "—";
		}
		String name = this.institutions.regionName(code);
		return name == null ? code : name + "（" + code + "）";
	}

}
