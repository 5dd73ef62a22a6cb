package cn.rtms.filing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

/**
 * When an active filing should be proposed for revocation (吉卫医发〔2022〕12号 一: "2
 * 年以上未开展相关技术、人员出现变动、 设备无法使用等情况的应及时清理，撤销医疗机构相关资质"), decided from dated facts only:
 * <ul>
 * <li><b>Not performed for 2 years or more</b>: the institution's yearly case volumes
 * date the last case no later than 31 December of the last year with cases. The two years
 * count from the latest of that day, the filing's activation and its first case date, and
 * must lie within the recorded years (a year missing between recorded years counts as 0;
 * nothing is known after the last recorded year). No volume recorded for the technology
 * is unknown, not zero: no proposal, reported as undetermined. With the case registry
 * ({@link Registry}) the registry decides from its start on: a submitted case in the 2
 * years before today means performed; none, with the registry covering those 2 years and
 * the filing in effect before them, means 2 years or more not performed, exactly; a
 * registry younger than 2 years is joined to the yearly figures before its start, which
 * must reach it.</li>
 * <li><b>Conditions no longer met</b>: the reason follows the rules that failed: staff
 * rules (qualifiedStaff, instructors, person rules) → staff no longer qualify; equipment,
 * facility, operating room, beds → equipment; anything else (level, type, subjects,
 * licences, volumes) → conditions no longer met.</li>
 * </ul>
 * Pure: no clock, no repository.
 */
public final class RevocationPolicy {

	private static final Set<String> STAFF_KINDS = Set.of("qualifiedStaff", "instructors", "staffRole",
			"physicianLicence", "title", "titleTenure", "clinicalExperience", "personCases", "trainingRecord",
			"traineeQualified", "noSeriousAdverseEvent");

	private static final Set<String> EQUIPMENT_KINDS = Set.of("equipment", "facility", "operatingRoom", "beds");

	private RevocationPolicy() {
	}

	/**
	 * A revocation to propose.
	 *
	 * @param reason the reason
	 * @param detail what was found, in Chinese
	 */
	public record Proposal(EndingReason reason, String detail) {
	}

	/**
	 * The finding on "not performed for 2 years or more".
	 *
	 * @param proposal the proposal when established, else {@code null}
	 * @param undetermined why it cannot be decided (no volumes recorded, recorded years
	 * too short), else {@code null}
	 */
	public record Inactivity(@Nullable Proposal proposal, @Nullable String undetermined) {

		static Inactivity none() {
			return new Inactivity(null, null);
		}

	}

	/**
	 * One year's recorded cases of the technology (all sub-techniques).
	 *
	 * @param year the year
	 * @param cases the cases
	 */
	public record YearCases(int year, int cases) {
	}

	/** The clause the inactivity rule applies. */
	static final String CLAUSE = "吉卫医发〔2022〕12号 一“2年以上未开展相关技术”";

	/**
	 * What the case registry knows of the technology at the institution.
	 *
	 * @param start the day from which the registry covers the technology at the
	 * institution (every case from that day on is in it)
	 * @param lastCase the last operation day of a submitted case on or before today since
	 * the start, {@code null} when none
	 */
	public record Registry(LocalDate start, @Nullable LocalDate lastCase) {
	}

	/**
	 * Decides whether the technology has not been performed for 2 years or more, from the
	 * case registry where it covers the period and from the yearly figures before its
	 * start.
	 * @param technology technology code
	 * @param volumes the institution's recorded volumes of this technology, or
	 * {@code null} when the institution records no volumes at all
	 * @param activatedOn the day the filing took effect, if known
	 * @param firstCaseDate the first case of the filing, if known
	 * @param today the day of the check
	 * @param registry the case registry, {@code null} without one
	 * @return the finding
	 */
	public static Inactivity inactivity(String technology, @Nullable List<YearCases> volumes,
			@Nullable LocalDate activatedOn, @Nullable LocalDate firstCaseDate, LocalDate today,
			@Nullable Registry registry) {
		if (registry == null || registry.start().isAfter(today)) {
			return inactivity(technology, volumes, activatedOn, firstCaseDate, today);
		}
		LocalDate windowStart = today.minusYears(2);
		LocalDate lastCase = registry.lastCase();
		if (lastCase != null && lastCase.isAfter(windowStart)) {
			return Inactivity.none();
		}
		if (!registry.start().isAfter(windowStart.plusDays(1))) {
			List<String> since = new ArrayList<>();
			since.add((lastCase != null) ? "最后一例于 " + lastCase
					: "病例登记自 " + registry.start() + " 起无 " + technology + " 病例");
			if (activatedOn != null && activatedOn.isAfter(windowStart)) {
				return Inactivity.none();
			}
			if (firstCaseDate != null && firstCaseDate.isAfter(windowStart)) {
				return Inactivity.none();
			}
			if (activatedOn != null) {
				since.add("备案生效于 " + activatedOn);
			}
			return new Inactivity(new Proposal(EndingReason.NOT_PERFORMED_2_YEARS,
					"病例登记（自 " + registry.start() + " 起收录全部已提交病例）：" + windowStart.plusDays(1) + " 至 " + today + " 无 "
							+ technology + " 已提交病例（" + String.join("；", since) + "），已满 2 年未开展，符合" + CLAUSE + "的撤销情形"),
					null);
		}
		List<YearCases> before = (volumes == null) ? List.of()
				: volumes.stream().filter(v -> v.year() < registry.start().getYear()).toList();
		if (before.isEmpty()) {
			return new Inactivity(null, "病例登记自 " + registry.start() + " 起无 " + technology + " 病例，但登记不足 2 年，且机构未记录登记前的 "
					+ technology + " 年度病例数（未记录不等于 0 例），无法判断是否 2 年以上未开展");
		}
		int lastRecorded = before.stream().mapToInt(YearCases::year).max().orElseThrow();
		if (LocalDate.of(lastRecorded, 12, 31).plusDays(1).isBefore(registry.start())) {
			return new Inactivity(null, technology + " 年度病例数仅记录至 " + lastRecorded + " 年，病例登记自 " + registry.start()
					+ " 起，其间的病例数未知，无法判断是否 2 年以上未开展");
		}
		Integer lastWithCases = before.stream()
			.filter(v -> v.cases() > 0)
			.map(YearCases::year)
			.max(Integer::compare)
			.orElse(null);
		List<String> since = new ArrayList<>();
		LocalDate start = null;
		if (lastWithCases != null) {
			start = LocalDate.of(lastWithCases, 12, 31);
			since.add("按填报的年度例数最后病例不晚于 " + start + "（" + lastWithCases + " 年有病例）");
		}
		if (activatedOn != null && (start == null || activatedOn.isAfter(start))) {
			start = activatedOn;
			since.add("备案生效于 " + activatedOn);
		}
		if (firstCaseDate != null && (start == null || firstCaseDate.isAfter(start))) {
			start = firstCaseDate;
			since.add("首例于 " + firstCaseDate);
		}
		if (start == null) {
			return new Inactivity(null, "无法确定 " + technology + " 最后一次开展的日期（无病例记录、备案生效日期与首例日期），无法判断是否 2 年以上未开展");
		}
		if (start.plusYears(2).isAfter(today)) {
			return Inactivity.none();
		}
		return new Inactivity(new Proposal(EndingReason.NOT_PERFORMED_2_YEARS,
				String.join("；", since) + "；病例登记自 " + registry.start() + " 起至 " + today + " 无 " + technology
						+ " 已提交病例，自 " + start + " 起已满 2 年未开展，符合" + CLAUSE + "的撤销情形"),
				null);
	}

	/**
	 * Decides whether the technology has not been performed for 2 years or more.
	 * @param technology technology code
	 * @param volumes the institution's recorded volumes of this technology, or
	 * {@code null} when the institution records no volumes at all
	 * @param activatedOn the day the filing took effect, if known
	 * @param firstCaseDate the first case of the filing, if known
	 * @param today the day of the check
	 * @return the finding
	 */
	public static Inactivity inactivity(String technology, @Nullable List<YearCases> volumes,
			@Nullable LocalDate activatedOn, @Nullable LocalDate firstCaseDate, LocalDate today) {
		if (volumes == null || volumes.isEmpty()) {
			return new Inactivity(null, "机构未记录 " + technology + " 病例数（未记录不等于 0 例），无法判断是否 2 年以上未开展");
		}
		Map<Integer, Integer> byYear = new TreeMap<>();
		for (YearCases volume : volumes) {
			if (volume.year() <= today.getYear()) {
				byYear.merge(volume.year(), volume.cases(), (a, b) -> (int) Math.min(Integer.MAX_VALUE, (long) a + b));
			}
		}
		if (byYear.isEmpty()) {
			return new Inactivity(null, "机构未记录 " + technology + " 截至 " + today.getYear() + " 年的病例数，无法判断是否 2 年以上未开展");
		}
		int firstRecorded = byYear.keySet().iterator().next();
		int lastRecorded = ((TreeMap<Integer, Integer>) byYear).lastKey();
		Integer lastWithCases = null;
		for (Map.Entry<Integer, Integer> entry : byYear.entrySet()) {
			if (entry.getValue() > 0) {
				lastWithCases = entry.getKey();
			}
		}
		List<String> since = new ArrayList<>();
		LocalDate start = null;
		if (lastWithCases != null) {
			start = LocalDate.of(lastWithCases, 12, 31);
			since.add("最后病例不晚于 " + start + "（" + lastWithCases + " 年有病例记录）");
		}
		if (activatedOn != null && (start == null || activatedOn.isAfter(start))) {
			start = activatedOn;
			since.add("备案生效于 " + activatedOn);
		}
		if (firstCaseDate != null && (start == null || firstCaseDate.isAfter(start))) {
			start = firstCaseDate;
			since.add("首例于 " + firstCaseDate);
		}
		if (start == null) {
			return new Inactivity(null, "无法确定 " + technology + " 最后一次开展的日期（无病例记录、备案生效日期与首例日期），无法判断是否 2 年以上未开展");
		}
		LocalDate twoYears = start.plusYears(2);
		if (twoYears.isAfter(today)) {
			return Inactivity.none();
		}
		LocalDate recordedUntil = LocalDate.of(lastRecorded, 12, 31);
		if (twoYears.isAfter(recordedUntil)) {
			return new Inactivity(null, technology + " 病例数仅记录至 " + lastRecorded + " 年，自 " + start + " 起是否已满 2 年未开展无法确认（"
					+ String.join("；", since) + "）");
		}
		String range = (lastWithCases != null) ? (lastWithCases + 1) + "–" + lastRecorded + " 年病例数均为 0"
				: "已记录的 " + firstRecorded + "–" + lastRecorded + " 年均无病例";
		return new Inactivity(new Proposal(EndingReason.NOT_PERFORMED_2_YEARS, "机构病例数据：" + technology + " " + range
				+ "；" + String.join("；", since) + "，至 " + recordedUntil + " 已满 2 年未开展（2年以上未开展）"), null);
	}

	/**
	 * Decides the reason to propose from a re-evaluation whose overall status is NOT_MET:
	 * the category of the first NOT_MET clause (spec order) by the kinds of the rules
	 * that failed; the detail lists every NOT_MET clause.
	 * @param report the re-evaluation
	 * @return the proposal, or {@code null} when the report is not NOT_MET
	 */
	public static @Nullable Proposal conditions(EligibilityReport report) {
		if (!"NOT_MET".equals(report.status())) {
			return null;
		}
		List<EligibilityReport.ClauseResult> failing = report.clauses()
			.stream()
			.filter(c -> "NOT_MET".equals(c.status()))
			.toList();
		if (failing.isEmpty()) {
			return null;
		}
		EndingReason reason = reason(failing.get(0).failedRuleKinds());
		StringBuilder detail = new StringBuilder("按 " + report.specKey() + " 重新评估，机构不再符合管理规范：");
		detail.append(String.join("；",
				failing.stream()
					.map(c -> c.citation() + "（" + reason(c.failedRuleKinds()).label() + "）" + c.explanation())
					.toList()));
		return new Proposal(reason, detail.toString());
	}

	/**
	 * The reason a failing clause stands for, by the kinds of its rules that failed:
	 * staff before equipment before other conditions.
	 * @param kinds rule kinds, e.g. {@code [facility]}
	 * @return the reason
	 */
	public static EndingReason reason(List<String> kinds) {
		if (kinds.stream().anyMatch(STAFF_KINDS::contains)) {
			return EndingReason.STAFF_NO_LONGER_QUALIFIED;
		}
		if (kinds.stream().anyMatch(EQUIPMENT_KINDS::contains)) {
			return EndingReason.EQUIPMENT_UNUSABLE;
		}
		return EndingReason.CONDITIONS_NO_LONGER_MET;
	}

}
