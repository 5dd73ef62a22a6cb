package cn.rtms.filing.domain;

import java.util.EnumSet;
import java.util.Set;

import cn.rtms.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may take a step of a filing: a role and that user's relation to the filing. A party
 * {@link #within()} another is a narrower audience of it (used for the inbox: the
 * receiving authority among the competent ones, an expert whose opinion is still missing
 * among the assigned ones).
 */
public enum Party {

	/** The filing institution's 医务科 or 医院管理员. */
	HOSPITAL("本机构医务科或医院管理员", "the filing institution's user", null, Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN),

	/** The authority holding the filing at its current level. */
	HOLDER("当前办理机关", "the authority whose region is the filing's holder (`holderRegionCode`)", null,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY),

	/** An expert assigned to the filing's review. */
	ASSIGNED_EXPERT("被指派的评审专家", "assigned to this filing's review", null, Role.EXPERT),

	/** An assigned expert who has not given an opinion yet. */
	EXPERT_AWAITED("尚未提交意见的评审专家", "assigned, own opinion not given yet", ASSIGNED_EXPERT, Role.EXPERT),

	/** The receiving authority or an authority above it. */
	COMPETENT_AUTHORITY("受理机关或其上级卫生健康行政部门",
			"jurisdiction covers the receiving authority (`receivingRegionCode`): it or an authority above it", null,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY),

	/**
	 * The authority that suspended the filing or one above it: a suspension is lifted by
	 * who decided it, never by an authority below it (吉卫医发〔2022〕12号 一 "谁审批、谁负责"). A
	 * suspension with no recorded region falls back to the competent authority.
	 */
	SUSPENDING_AUTHORITY("中止该备案的卫生健康行政部门或其上级",
			"jurisdiction covers the authority that suspended the filing (`ending.by.regionCode`)", null,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY),

	/** The receiving authority itself. */
	RECEIVING_AUTHORITY("受理机关", "the receiving authority itself (`receivingRegionCode`)", COMPETENT_AUTHORITY,
			Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY),

	/** The automatic revocation check; no user. */
	SYSTEM("系统自动检查", "the daily revocation check, no user", null);

	private final String label;

	private final String relation;

	private final @Nullable Party within;

	private final EnumSet<Role> roles;

	Party(String label, String relation, @Nullable Party within, Role... roles) {
		this.label = label;
		this.relation = relation;
		this.within = within;
		this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
	}

	/**
	 * @param caller who asks
	 * @param filing the filing
	 * @return whether the caller has a role of this party and stands in its relation to
	 * the filing
	 */
	public boolean includes(Caller caller, Filing filing) {
		if (!this.roles.contains(caller.role())) {
			return false;
		}
		return switch (this) {
			case HOSPITAL -> filing.institutionId().equals(caller.institutionId());
			case HOLDER ->
				caller.isAuthority() && filing.holder() != null && filing.holder().equals(caller.regionCode());
			case ASSIGNED_EXPERT -> filing.isAssignedExpert(caller.userId());
			case EXPERT_AWAITED -> filing.awaitsOpinionOf(caller.userId());
			case COMPETENT_AUTHORITY ->
				caller.isAuthority() && caller.jurisdiction().test(filing.receivingRegionCode());
			case SUSPENDING_AUTHORITY -> {
				String suspendedBy = filing.suspendedByRegionCode();
				yield COMPETENT_AUTHORITY.includes(caller, filing)
						&& (suspendedBy == null || caller.jurisdiction().test(suspendedBy));
			}
			case RECEIVING_AUTHORITY -> COMPETENT_AUTHORITY.includes(caller, filing)
					&& filing.receivingRegionCode().equals(caller.regionCode());
			case SYSTEM -> false;
		};
	}

	/**
	 * @return the Chinese name
	 */
	public String label() {
		return this.label;
	}

	/**
	 * @return the relation to the filing, in English (for docs/filing.md)
	 */
	public String relation() {
		return this.relation;
	}

	/**
	 * @return the roles a member of this party has
	 */
	public Set<Role> roles() {
		return EnumSet.copyOf(this.roles);
	}

	/**
	 * @return the wider party this one narrows, or null
	 */
	public @Nullable Party within() {
		return this.within;
	}

	/**
	 * @param other a party
	 * @return whether every member of this party is a member of the other
	 */
	public boolean isWithin(Party other) {
		return this == other || (this.within != null && this.within.isWithin(other));
	}

}
