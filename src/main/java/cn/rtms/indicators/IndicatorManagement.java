package cn.rtms.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.identity.Role;
import cn.rtms.indicators.definition.Indicator;
import cn.rtms.indicators.definition.IndicatorSet;
import cn.rtms.indicators.engine.IndicatorEngine;
import cn.rtms.institutions.InstitutionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The indicators module's API: the dictionary, computed results and drill-downs.
 * {@link #compute} and {@link #drillDown} scope the query from the session: hospital
 * roles see their own institution, authorities their region, physicians their own
 * operator cells, experts nothing. {@link #computeUnscoped} is for jobs without a
 * session. Every parameter is bounded (span at most 10 years, page size 1–200, known set,
 * indicator, part and period label); results are computed on request, in the database, as
 * of the injected clock's today.
 */
@Service
public class IndicatorManagement {

	/** Longest span of one query, in years. */
	public static final int MAX_SPAN_YEARS = 10;

	/** Largest drill-down page. */
	public static final int MAX_PAGE_SIZE = 200;

	/**
	 * A hospital sees its region's aggregate for a cell only when at least this many
	 * institutions of the region contribute to it (a denominator above 0): with fewer,
	 * the aggregate minus its own figures would give away a neighbour's.
	 */
	public static final int MIN_INSTITUTIONS_FOR_REGION_AGGREGATE = 3;

	private static final Set<Role> INSTITUTIONAL = Set.of(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN,
			Role.TRAINING_BASE_ADMIN);

	private final IndicatorDictionary dictionary;

	private final IndicatorEngine engine;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final Clock clock;

	private final RegionHierarchy regions;

	IndicatorManagement(IndicatorDictionary dictionary, IndicatorEngine engine, IdentityManagement identity,
			AccessPolicy access, InstitutionManagement institutions, Clock clock, RegionHierarchy regions) {
		this.regions = regions;
		this.dictionary = dictionary;
		this.engine = engine;
		this.identity = identity;
		this.access = access;
		this.institutions = institutions;
		this.clock = clock;
	}

	/**
	 * @return all indicator sets
	 */
	public List<IndicatorSetView> sets() {
		return this.dictionary.all().stream().map(IndicatorSet::view).toList();
	}

	/**
	 * @param key set key
	 * @return the set
	 * @throws IndicatorSetNotFound when there is none
	 */
	public IndicatorSetView set(String key) {
		return definition(key).view();
	}

	/**
	 * @param query what to compute; narrowed to the caller's scope
	 * @return the cells
	 * @throws AccessDenied for experts and for filters outside the caller's scope
	 */
	public IndicatorResults compute(IndicatorQuery query) {
		CurrentUser user = this.identity.currentUser();
		if (INSTITUTIONAL.contains(user.role()) && query.regionCode() != null) {
			return regionAggregate(user, query);
		}
		return computeUnscoped(scoped(query));
	}

	/**
	 * What a hospital may see of its region, to compare itself with (issue 10 item 6):
	 * the region's aggregate only (no grouping, no institution or operator), for a region
	 * that contains the hospital, and only the cells to which at least
	 * {@link #MIN_INSTITUTIONS_FOR_REGION_AGGREGATE} institutions contribute; the other
	 * cells are left out. No drill-down (the cases would be other hospitals').
	 */
	private IndicatorResults regionAggregate(CurrentUser user, IndicatorQuery q) {
		if (q.grouping() != Grouping.NONE || q.institutionId() != null || q.operatorId() != null) {
			throw new AccessDenied("医疗机构账号只能查看所在辖区的汇总值（不分组、不指定机构或术者），不能查看其他医疗机构的明细");
		}
		String own = user.regionCode();
		String region = q.regionCode();
		if (own == null || region == null || !this.regions.ancestry(own).contains(region)) {
			throw new AccessDenied("医疗机构账号只能查看本机构所在辖区的汇总值（行政区划 " + region + " 不含本机构）");
		}
		return regionAggregateUnscoped(q);
	}

	/**
	 * A region's aggregate (no grouping) with only the cells to which at least
	 * {@link #MIN_INSTITUTIONS_FOR_REGION_AGGREGATE} institutions contribute, for a
	 * comparison shown to one of them (a hospital could otherwise subtract its own
	 * figures and read another hospital's). Not scoped: the caller checks access.
	 * @param q set, period, range and region ({@code regionCode} required)
	 * @return the cells shown and the number left out
	 */
	public IndicatorResults regionAggregateUnscoped(IndicatorQuery q) {
		String region = java.util.Objects.requireNonNull(q.regionCode());
		IndicatorQuery perInstitution = new IndicatorQuery(q.setKey(), Grouping.INSTITUTION, q.period(), q.from(),
				q.to(), null, region, null);
		java.util.Map<String, java.util.Set<String>> contributors = new java.util.HashMap<>();
		for (IndicatorCell cell : computeUnscoped(perInstitution).cells()) {
			if (cell.denominator().signum() > 0) {
				contributors.computeIfAbsent(cellKey(cell), (k) -> new java.util.HashSet<>()).add(cell.groupKey());
			}
		}
		IndicatorResults total = computeUnscoped(
				new IndicatorQuery(q.setKey(), Grouping.NONE, q.period(), q.from(), q.to(), null, region, null));
		List<IndicatorCell> shown = total.cells()
			.stream()
			.filter((cell) -> contributors.getOrDefault(cellKey(cell), Set.of())
				.size() >= MIN_INSTITUTIONS_FOR_REGION_AGGREGATE)
			.toList();
		return new IndicatorResults(q, total.asOf(), shown, total.cells().size() - shown.size());
	}

	private static String cellKey(IndicatorCell cell) {
		return cell.indicatorCode() + "|" + cell.period() + "|" + cell.stratum();
	}

	/**
	 * @param query what to compute, not scoped (jobs, benchmark)
	 * @return the cells
	 */
	public IndicatorResults computeUnscoped(IndicatorQuery query) {
		IndicatorSet set = definition(query.setKey());
		check(query);
		LocalDate asOf = LocalDate.now(this.clock);
		return new IndicatorResults(query, asOf, this.engine.compute(set, query, asOf));
	}

	/**
	 * @param query the number to drill into; narrowed to the caller's scope
	 * @return a page of the cases behind it
	 */
	public IndicatorCasePage drillDown(DrillDownQuery query) {
		IndicatorQuery scoped = scoped(query.query());
		IndicatorSet set = definition(scoped.setKey());
		check(scoped);
		Indicator indicator = set.indicators()
			.stream()
			.filter(i -> i.code().equals(query.indicatorCode()))
			.findFirst()
			.orElseThrow(() -> new InvalidIndicatorQuery("indicator",
					"指标集 " + set.key() + " 中没有指标 " + query.indicatorCode()));
		if (!"NUMERATOR".equals(query.part()) && !"DENOMINATOR".equals(query.part())) {
			throw new InvalidIndicatorQuery("part", "part 只能是 NUMERATOR（分子）或 DENOMINATOR（分母）");
		}
		if (query.page() < 0 || query.page() > 100_000) {
			throw new InvalidIndicatorQuery("page", "页码应在 0 到 100000 之间");
		}
		if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
			throw new InvalidIndicatorQuery("size", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
		}
		try {
			IndicatorEngine.parsePeriod(scoped.period(), query.period());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIndicatorQuery("period", "统计期间 " + query.period() + " 与期间单位 " + scoped.period() + " 不符");
		}
		if (query.groupKey().length() > 100) {
			throw new InvalidIndicatorQuery("groupKey", "分组键过长");
		}
		if (query.stratum() != null && query.stratum().length() > 200) {
			throw new InvalidIndicatorQuery("stratum", "分层值过长");
		}
		if ("PRACTICE".equals(indicator.source())) {
			throw new InvalidIndicatorQuery("indicator",
					"指标 " + indicator.code() + "（" + indicator.view().name() + "）按“机构 × 技术”计数，没有病例明细可查看");
		}
		DrillDownQuery effective = new DrillDownQuery(scoped, query.indicatorCode(), query.part(), query.groupKey(),
				query.period(), query.stratum(), query.page(), query.size());
		return this.engine.drillDown(set, indicator, effective, LocalDate.now(this.clock));
	}

	private IndicatorSet definition(String key) {
		return this.dictionary.find(key).orElseThrow(() -> new IndicatorSetNotFound(key));
	}

	private static void check(IndicatorQuery q) {
		if (q.to().isBefore(q.from())) {
			throw new InvalidIndicatorQuery("to", "截止日期不能早于开始日期");
		}
		// the years first: plusYears near LocalDate's own limits throws
		if (q.from().getYear() < 2000 || q.to().getYear() > 2100) {
			throw new InvalidIndicatorQuery("from", "统计期间应在 2000 年至 2100 年之间");
		}
		if (ChronoUnit.DAYS.between(q.from(), q.to()) > ChronoUnit.DAYS.between(q.from(),
				q.from().plusYears(MAX_SPAN_YEARS))) {
			throw new InvalidIndicatorQuery("to", "统计期间不能超过 " + MAX_SPAN_YEARS + " 年");
		}
		if (q.regionCode() != null && !q.regionCode().matches("[0-9]{6}")) {
			throw new InvalidIndicatorQuery("regionCode", "行政区划代码应为 6 位数字");
		}
	}

	/**
	 * Narrows a query to the session's scope.
	 */
	private IndicatorQuery scoped(IndicatorQuery q) {
		CurrentUser user = this.identity.currentUser();
		UUID institution = q.institutionId();
		String region = q.regionCode();
		UUID operator = q.operatorId();
		if (user.role() == Role.SYSTEM_ADMIN) {
			return q;
		}
		if (INSTITUTIONAL.contains(user.role()) || user.role() == Role.PHYSICIAN) {
			UUID own = user.institutionId();
			if (own == null || (institution != null && !institution.equals(own))) {
				throw new AccessDenied("无权查看其他医疗机构的质控指标（仅限本机构）");
			}
			if (region != null) {
				throw new AccessDenied("医疗机构账号不能按行政区划查询质控指标");
			}
			if (user.role() == Role.PHYSICIAN) {
				if (user.personId() == null || (operator != null && !operator.equals(user.personId()))) {
					throw new AccessDenied("医师只能查看本人作为术者的质控指标");
				}
				operator = user.personId();
			}
			return with(q, own, null, operator);
		}
		if (user.role().isAuthority() && user.regionCode() != null) {
			if (region != null && !this.access.coversRegion(user, region)) {
				throw new AccessDenied("无权查看辖区以外的质控指标（行政区划 " + region + "）");
			}
			if (institution != null) {
				this.access.checkInstitution(institution, regionOf(institution));
			}
			return with(q, institution, (region != null) ? region : user.regionCode(), operator);
		}
		throw new AccessDenied("当前角色（" + user.role().label() + "）无权查看质控指标");
	}

	private String regionOf(UUID institutionId) {
		String region = this.institutions.regionCodeOf(institutionId);
		return (region == null) ? "" : region;
	}

	private static IndicatorQuery with(IndicatorQuery q, @Nullable UUID institution, @Nullable String region,
			@Nullable UUID operator) {
		return new IndicatorQuery(q.setKey(), q.grouping(), q.period(), q.from(), q.to(), institution, region,
				operator);
	}

}
