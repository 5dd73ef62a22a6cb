package cn.rtms.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.rtms.cases.CaseFlag;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseQuery;
import cn.rtms.cases.discharge.DischargeScan;
import cn.rtms.cases.discharge.ScanCategory;
import cn.rtms.cases.discharge.ScanReport;
import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.cases.followup.FollowUpPage;
import cn.rtms.cases.followup.FollowUpStatus;
import cn.rtms.catalog.CatalogManagement;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.catalog.RestrictedTechnology;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingSummary;
import cn.rtms.filing.RevocationCheck;
import cn.rtms.identity.RegionHierarchy;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.NoSpecInForce;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The checks behind the alerts, one method per kind, each reading the owning module's API
 * as the system user (the caller runs them so) and returning what it found for the
 * institutions the predicate accepts. None re-derives another module's rule: inactivity
 * is the filing module's revocation check, conformity the rules engine's verdict, flags
 * the case registry's, the discharge categories the scan's, overdue the follow-up
 * module's.
 */
@Component
class AlertScan {

	/** Days a follow-up may be overdue before its alert is 中 rather than 低. */
	static final int LONG_OVERDUE_DAYS = 90;

	private final RevocationCheck revocations;

	private final FilingQueries filings;

	private final EligibilityManagement eligibility;

	private final CaseManagement cases;

	private final DischargeScan discharge;

	private final FollowUpManagement followUps;

	private final CatalogManagement catalog;

	private final IndicatorManagement indicators;

	private final CodeDictionary dictionary = CodeDictionary.standard();

	private final RegionHierarchy regions;

	AlertScan(RevocationCheck revocations, FilingQueries filings, EligibilityManagement eligibility,
			CaseManagement cases, DischargeScan discharge, FollowUpManagement followUps, CatalogManagement catalog,
			IndicatorManagement indicators, RegionHierarchy regions) {
		this.indicators = indicators;
		this.regions = regions;
		this.revocations = revocations;
		this.filings = filings;
		this.eligibility = eligibility;
		this.cases = cases;
		this.discharge = discharge;
		this.followUps = followUps;
		this.catalog = catalog;
	}

	/**
	 * (1) Active filings not performed for 2 years or more, as the revocation check finds
	 * them.
	 */
	List<Finding> inactiveFilings(Predicate<UUID> scope) {
		List<Finding> found = new ArrayList<>();
		for (RevocationCheck.InactiveFiling inactive : this.revocations.inactiveFilings()) {
			FilingSummary filing = inactive.filing();
			if (!scope.test(filing.institutionId())) {
				continue;
			}
			LocalDate last = inactive.lastCase();
			found.add(new Finding(AlertKind.INACTIVE_FILING, "INACTIVE_FILING:" + filing.id(), AlertSeverity.HIGH,
					filing.institutionId(), filing.technology(), filing.technologyName(),
					filing.institutionName() + "「" + filing.technologyName() + "」备案2年以上未开展", inactive.detail(),
					new Evidence(
							List.of(fact("备案状态", filing.stateLabel()),
									fact("病例登记中最后一例", (last != null) ? last.toString() : "无"),
									fact("依据", "吉卫医发〔2022〕12号 一“2年以上未开展相关技术”")),
							List.of(), "/filings/" + filing.id(), "查看备案")));
		}
		return found;
	}

	/**
	 * (2) Active filings whose institution the rules engine no longer finds eligible
	 * (verdict NOT_MET with the edition in force today); the failing clauses with actual
	 * and required values are the evidence. No edition in force is not an alert.
	 */
	List<Finding> conditionsNotMet(Predicate<UUID> scope, LocalDate today) {
		List<Finding> found = new ArrayList<>();
		for (FilingSummary filing : this.filings.list("ACTIVE", null, null)) {
			if (!scope.test(filing.institutionId())) {
				continue;
			}
			EligibilityReport report;
			try {
				report = this.eligibility.institutionReport(filing.institutionId(), filing.technology(), false, today);
			}
			catch (NoSpecInForce ex) {
				continue;
			}
			if (!"NOT_MET".equals(report.status())) {
				continue;
			}
			List<EligibilityReport.ClauseResult> failing = report.clauses()
				.stream()
				.filter(c -> "NOT_MET".equals(c.status()))
				.toList();
			List<Evidence.EvidenceItem> items = failing.stream()
				.map(c -> new Evidence.EvidenceItem(c.citation(), c.explanation(), c.actual(), c.required()))
				.toList();
			String message = "按" + report.specTitle() + "（" + report.specKey() + "）于 " + today + " 重新评估，"
					+ failing.size() + " 项条款不符合："
					+ failing.stream().map(EligibilityReport.ClauseResult::citation).collect(Collectors.joining("、"))
					+ "。备案所依据的条件已不再满足。";
			found.add(new Finding(AlertKind.CONDITIONS_NOT_MET, "CONDITIONS_NOT_MET:" + filing.id(), AlertSeverity.HIGH,
					filing.institutionId(), filing.technology(), filing.technologyName(),
					filing.institutionName() + "「" + filing.technologyName() + "」不再符合管理规范", message,
					new Evidence(
							List.of(fact("评估结论", report.statusLabel()), fact("适用规范", report.specKey()),
									fact("不符合条款数", String.valueOf(failing.size()))),
							items, "/institutions/" + filing.institutionId() + "/eligibility/" + filing.technology(),
							"查看评估报告")));
		}
		return found;
	}

	/**
	 * (3) Expired: the practice licence, another licence of which no copy is valid today,
	 * devices past their expiry used in the last 12 months (case flag DEVICE_EXPIRED),
	 * and cases of the last 12 months whose operator held no effective authorization on
	 * the day (case flag UNAUTHORIZED, which includes an authorization that had expired).
	 */
	List<Finding> expired(List<InstitutionDetails> institutions, LocalDate today) {
		List<Finding> found = new ArrayList<>();
		LocalDate from = today.minusYears(1).plusDays(1);
		for (InstitutionDetails institution : institutions) {
			UUID id = Objects.requireNonNull(institution.id());
			PracticeLicence practice = institution.licence();
			if (practice != null && practice.validUntil() != null && practice.validUntil().isBefore(today)) {
				found.add(new Finding(AlertKind.EXPIRED, "EXPIRED:PRACTICE_LICENCE:" + id, AlertSeverity.HIGH, id, null,
						null, institution.name() + "医疗机构执业许可证已过期",
						institution.name() + "的医疗机构执业许可证（" + practice.number() + "）有效期至 " + practice.validUntil()
								+ "，已过期 " + ChronoUnit.DAYS.between(practice.validUntil(), today)
								+ " 天。许可证过期后不得继续执业，请核实是否已延续并更新机构信息。",
						new Evidence(
								List.of(fact("证照", "医疗机构执业许可证"), fact("编号", practice.number()),
										fact("有效期至", practice.validUntil().toString())),
								List.of(), "/institutions/" + id, "查看机构信息")));
			}
			Map<String, List<OtherLicence>> byKind = new LinkedHashMap<>();
			for (OtherLicence licence : (institution.licences() == null) ? List.<OtherLicence>of()
					: institution.licences()) {
				byKind.computeIfAbsent(licence.kind(), k -> new ArrayList<>()).add(licence);
			}
			byKind.forEach((kind, licences) -> {
				boolean allExpired = licences.stream()
					.allMatch(l -> l.validUntil() != null && l.validUntil().isBefore(today));
				if (!allExpired) {
					return;
				}
				OtherLicence latest = licences.stream()
					.max((a, b) -> Objects.requireNonNull(a.validUntil())
						.compareTo(Objects.requireNonNull(b.validUntil())))
					.orElseThrow();
				String label = this.dictionary.label("licence", kind);
				LocalDate until = Objects.requireNonNull(latest.validUntil());
				found
					.add(new Finding(AlertKind.EXPIRED, "EXPIRED:LICENCE:" + id + ":" + kind, AlertSeverity.MEDIUM, id,
							null, null, institution.name() + label + "已过期",
							institution.name() + "的" + label
									+ ((latest.number() == null) ? "" : "（" + latest.number() + "）") + "有效期至 " + until
									+ "，已过期 " + ChronoUnit.DAYS.between(until, today) + " 天，未登记有效的新证。",
							new Evidence(
									List.of(fact("证照", label), fact("编号", Objects.toString(latest.number(), "未登记")),
											fact("有效期至", until.toString())),
									List.of(), "/institutions/" + id, "查看机构信息")));
			});
			flagged(found, AlertKind.EXPIRED, institution, CaseFlag.DEVICE_EXPIRED, "EXPIRED:DEVICE_USED:", "使用过期器械",
					"近 12 个月（" + from + " 至 " + today + "）已提交病例中 %d 例使用了手术日已过有效期的器械", from, today);
			flagged(found, AlertKind.EXPIRED, institution, CaseFlag.UNAUTHORIZED, "EXPIRED:AUTHORIZATION_USED:",
					"术者无有效授权（含授权过期）仍开展", "近 12 个月（" + from + " 至 " + today + "）已提交病例中 %d 例的术者在手术日无有效授权（授权未批准或已过期）",
					from, today);
		}
		return found;
	}

	/**
	 * (4a) Unfiled practice the hospitals reported themselves: submitted cases of the
	 * last 12 months flagged 未备案开展 (no active filing for the technology on the operation
	 * day), per institution. The discharge scan finds the same practice from the
	 * discharge abstracts; this one needs no abstracts, only the case registry.
	 */
	List<Finding> unfiledCases(List<InstitutionDetails> institutions, LocalDate today) {
		List<Finding> found = new ArrayList<>();
		LocalDate from = today.minusYears(1).plusDays(1);
		for (InstitutionDetails institution : institutions) {
			flagged(found, AlertKind.DISCHARGE_SCAN, institution, CaseFlag.UNFILED, "CASES:UNFILED:",
					"未备案开展限制类技术（病例登记）", "近 12 个月（" + from + " 至 " + today + "）已提交病例中 %d 例在手术日没有该技术的有效备案（未备案开展）", from,
					today);
		}
		return found;
	}

	private void flagged(List<Finding> found, AlertKind kind, InstitutionDetails institution, String flag,
			String keyPrefix, String what, String template, LocalDate from, LocalDate today) {
		UUID id = Objects.requireNonNull(institution.id());
		// counted per technology in SQL: all the cases, not the first page of them
		Map<String, Long> byTechnology = new java.util.TreeMap<>(
				this.cases.countByTechnology(new CaseQuery(id, null, "SUBMITTED", flag, from, today, 0, 1)));
		long total = byTechnology.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return;
		}
		List<Evidence.EvidenceItem> items = new ArrayList<>();
		byTechnology.forEach((technology, count) -> items
			.add(new Evidence.EvidenceItem(technologyName(technology), count + " 例", String.valueOf(count), null)));
		found.add(new Finding(kind, keyPrefix + id, AlertSeverity.HIGH, id, null, null, institution.name() + what,
				template.replace("%d", String.valueOf(total)) + "。",
				new Evidence(List.of(fact("病例数", String.valueOf(total)), fact("期间", from + " 至 " + today)), items,
						"/cases?institutionId=" + id + "&status=SUBMITTED&flag=" + flag + "&from=" + from + "&to="
								+ today,
						"查看病例")));
	}

	/**
	 * (4) The discharge scan of the last 12 months: restricted procedures performed
	 * without an active filing, by an operator without authorization or outside its
	 * scope, and restricted procedures without a case report.
	 */
	List<Finding> dischargeScan(Predicate<UUID> scope, LocalDate today) {
		LocalDate from = today.minusYears(1).plusDays(1);
		ScanReport report = this.discharge.report(null, from, today);
		List<Finding> found = new ArrayList<>();
		for (ScanReport.HospitalScan hospital : report.hospitals()) {
			UUID id = hospital.institutionId();
			if (!scope.test(id)) {
				continue;
			}
			String name = Objects.toString(hospital.institutionName(), "");
			String period = from + " 至 " + today;
			String window = "&from=" + from + "&to=" + today;
			discharge(found, hospital, List.of(ScanCategory.UNFILED), "DISCHARGE:UNFILED:" + id, AlertSeverity.HIGH,
					name + "未备案开展限制类技术", "出院病案首页筛查（手术日期 " + period + "）：%d 例限制类技术手术在手术日无有效备案（未备案开展）。", period, window);
			discharge(found, hospital, List.of(ScanCategory.UNAUTHORIZED, ScanCategory.OUT_OF_SCOPE),
					"DISCHARGE:UNAUTHORIZED:" + id, AlertSeverity.HIGH, name + "术者未授权或超范围开展",
					"出院病案首页筛查（手术日期 " + period + "）：%d 例限制类技术手术的术者无有效授权或超出授权范围。", period, window);
			String rate = (hospital.reportingRate() == null) ? "—"
					: String.format("%.1f%%", hospital.reportingRate() * 100);
			discharge(found, hospital, List.of(ScanCategory.NOT_REPORTED), "DISCHARGE:NOT_REPORTED:" + id,
					AlertSeverity.MEDIUM, name + "限制类技术病例未填报",
					"出院病案首页筛查（手术日期 " + period + "）：%d 例限制类技术手术没有对应的病例登记，系统填报率 " + rate + "。", period, window);
		}
		return found;
	}

	/**
	 * One discharge-scan alert of a hospital for some categories; its link opens the scan
	 * of the same window on the hospital's cases of the first category that has any (the
	 * page lists one category at a time; the others are a click away there).
	 */
	private void discharge(List<Finding> found, ScanReport.HospitalScan hospital, List<ScanCategory> categories,
			String key, AlertSeverity severity, String title, String template, String period, String window) {
		int count = categories.stream().mapToInt(c -> hospital.counts().getOrDefault(c.name(), 0)).sum();
		if (count == 0) {
			return;
		}
		List<Evidence.EvidenceItem> items = new ArrayList<>();
		for (ScanReport.TechnologyScan technology : hospital.technologies()) {
			int n = categories.stream().mapToInt(c -> technology.counts().getOrDefault(c.name(), 0)).sum();
			if (n > 0) {
				items.add(new Evidence.EvidenceItem(technologyName(technology.technology()),
						n + " 例（共 " + technology.restricted() + " 例限制类技术手术）", String.valueOf(n), null));
			}
		}
		String category = categories.stream()
			.map(Enum::name)
			.filter(c -> hospital.counts().getOrDefault(c, 0) > 0)
			.findFirst()
			.orElseThrow();
		found.add(
				new Finding(AlertKind.DISCHARGE_SCAN, key, severity, hospital.institutionId(), null, null, title,
						template.replace("%d", String.valueOf(count)),
						new Evidence(List.of(fact("例数", String.valueOf(count)),
								fact("限制类技术手术", String.valueOf(hospital.restricted())),
								fact("已填报", String.valueOf(hospital.reported())), fact("期间", period)), items,
								"/discharge-scan?institutionId=" + hospital.institutionId() + "&category=" + category
										+ window,
								"查看病案首页筛查")));
	}

	/**
	 * (6) Overdue follow-ups per hospital: how many and the oldest due date.
	 */
	List<Finding> overdueFollowUps(List<InstitutionDetails> institutions, LocalDate today) {
		List<Finding> found = new ArrayList<>();
		for (InstitutionDetails institution : institutions) {
			UUID id = Objects.requireNonNull(institution.id());
			FollowUpPage page = this.followUps.list(FollowUpStatus.OVERDUE, id, 0, 1);
			if (page.total() == 0 || page.items().isEmpty()) {
				continue;
			}
			LocalDate oldest = page.items().getFirst().dueDate();
			long days = ChronoUnit.DAYS.between(oldest, today);
			AlertSeverity severity = (days > LONG_OVERDUE_DAYS) ? AlertSeverity.MEDIUM : AlertSeverity.LOW;
			found.add(new Finding(AlertKind.FOLLOW_UP_OVERDUE, "FOLLOW_UP_OVERDUE:" + id, severity, id, null, null,
					institution.name() + "随访逾期 " + page.total() + " 例",
					institution.name() + "有 " + page.total() + " 个随访已过应随访日期未登记，最早应于 " + oldest + " 随访（已逾期 " + days
							+ " 天）。",
					new Evidence(
							List.of(fact("逾期随访", String.valueOf(page.total())), fact("最早应随访日期", oldest.toString()),
									fact("最长逾期天数", String.valueOf(days))),
							List.of(), "/follow-ups?status=OVERDUE&institutionId=" + id, "查看逾期随访")));
		}
		return found;
	}

	/**
	 * (5) Indicators of the last complete quarter per institution: a value that misses
	 * the regulation's threshold, or lies beyond the city's distribution
	 * ({@link IndicatorOutliers}). Sub-strata are not judged, only whole cells.
	 */
	/**
	 * The city an institution's region belongs to as authorities see it: 梅河口市 220581
	 * reports to the province and is compared as a city of its own, not with 通化市's
	 * hospitals.
	 */
	private String cityOf(String region) {
		List<String> ancestry = this.regions.ancestry(region);
		return (ancestry.size() >= 2) ? ancestry.get(ancestry.size() - 2) : region.substring(0, 4) + "00";
	}

	List<Finding> indicators(Predicate<UUID> scope, Map<UUID, String> regionOf, LocalDate today) {
		LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
		LocalDate from = quarterStart.minusMonths(3);
		LocalDate to = quarterStart.minusDays(1);
		String quarter = from.getYear() + " 年第 " + ((from.getMonthValue() - 1) / 3 + 1) + " 季度";
		List<Finding> found = new ArrayList<>();
		for (IndicatorSetView set : this.indicators.sets()) {
			IndicatorResults results = this.indicators.computeUnscoped(
					new IndicatorQuery(set.key(), Grouping.INSTITUTION, PeriodUnit.ALL, from, to, null, null, null));
			Map<String, IndicatorView> byCode = set.indicators()
				.stream()
				.collect(Collectors.toMap(IndicatorView::code, v -> v, (a, b) -> a));
			Map<String, Map<String, List<IndicatorCell>>> byIndicatorAndCity = new LinkedHashMap<>();
			for (IndicatorCell cell : results.cells()) {
				IndicatorView indicator = byCode.get(cell.indicatorCode());
				UUID institution = uuid(cell.groupKey());
				if (indicator == null || institution == null || cell.stratum() != null || cell.value() == null) {
					continue;
				}
				if (Boolean.FALSE.equals(cell.meetsThreshold()) && scope.test(institution)
						&& indicator.threshold() != null) {
					found.add(indicatorFinding(set, indicator, cell, institution, "THRESHOLD", from, to, quarter,
							"未达到规范要求（" + comparator(indicator.threshold().comparator()) + " "
									+ indicator.threshold().value().stripTrailingZeros().toPlainString() + "，"
									+ indicator.threshold().clause() + "）",
							List.of(new Evidence.EvidenceFact("规范要求", comparator(indicator.threshold().comparator())
									+ " " + indicator.threshold().value().stripTrailingZeros().toPlainString()))));
				}
				String region = regionOf.get(institution);
				if (region != null) {
					byIndicatorAndCity.computeIfAbsent(cell.indicatorCode(), k -> new LinkedHashMap<>())
						.computeIfAbsent(cityOf(region), k -> new ArrayList<>())
						.add(cell);
				}
			}
			byIndicatorAndCity.forEach((code, cities) -> cities.forEach((city, cells) -> {
				IndicatorView indicator = byCode.get(code);
				List<IndicatorOutliers.Point> points = cells.stream()
					.map(c -> new IndicatorOutliers.Point(c.groupKey(), Objects.requireNonNull(c.value()),
							c.denominator()))
					.toList();
				for (IndicatorOutliers.Outlier outlier : IndicatorOutliers.outliers(points,
						Objects.requireNonNull(indicator).direction())) {
					UUID institution = Objects.requireNonNull(uuid(outlier.point().key()));
					if (!scope.test(institution)) {
						continue;
					}
					IndicatorCell cell = cells.stream()
						.filter(c -> c.groupKey().equals(outlier.point().key()))
						.findFirst()
						.orElseThrow();
					found.add(indicatorFinding(set, indicator, cell, institution, "OUTLIER", from, to, quarter,
							"偏离本市 " + outlier.hospitals() + " 家医疗机构的分布（四分位数 " + outlier.q1() + "–" + outlier.q3()
									+ "，界值 " + outlier.bound() + "）",
							List.of(new Evidence.EvidenceFact("本市第一四分位数", outlier.q1().toPlainString()),
									new Evidence.EvidenceFact("本市第三四分位数", outlier.q3().toPlainString()),
									new Evidence.EvidenceFact("界值（1.5 倍四分位距）", outlier.bound().toPlainString()),
									new Evidence.EvidenceFact("参与比较的医疗机构", String.valueOf(outlier.hospitals())))));
				}
			}));
		}
		return found;
	}

	private Finding indicatorFinding(IndicatorSetView set, IndicatorView indicator, IndicatorCell cell,
			UUID institution, String rule, LocalDate from, LocalDate to, String quarter, String why,
			List<Evidence.EvidenceFact> extra) {
		String value = Objects.requireNonNull(cell.value()).toPlainString()
				+ ("RATE".equals(indicator.kind()) ? "%" : "");
		List<Evidence.EvidenceFact> facts = new ArrayList<>();
		facts.add(fact("指标", indicator.name()));
		facts.add(fact("期间", quarter));
		facts.add(fact("分子", cell.numerator().toPlainString()));
		facts.add(fact("分母", cell.denominator().toPlainString()));
		facts.add(fact("指标值", value));
		facts.addAll(extra);
		String technology = set.technology();
		return new Finding(AlertKind.INDICATOR, "INDICATOR:" + rule + ":" + institution + ":" + indicator.code(),
				AlertSeverity.MEDIUM, institution, technology, (technology == null) ? null : technologyName(technology),
				cell.groupName() + "「" + indicator.name() + "」" + ("THRESHOLD".equals(rule) ? "未达标" : "偏离本市分布"),
				cell.groupName() + " " + quarter + "「" + indicator.name() + "」为 " + value + "（"
						+ cell.numerator().toPlainString() + "/" + cell.denominator().toPlainString() + "），" + why
						+ "。",
				new Evidence(facts, List.of(), "/indicators?set=" + set.key() + "&indicator=" + indicator.code()
						+ "&institutionId=" + institution + "&from=" + from + "&to=" + to, "查看指标明细"));
	}

	private static String comparator(String code) {
		return switch (code) {
			case "GT" -> "＞";
			case "GE" -> "≥";
			case "LT" -> "＜";
			case "LE" -> "≤";
			default -> code;
		};
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String technologyName(String code) {
		return this.catalog.find(code).map(RestrictedTechnology::name).orElse(code);
	}

	private static Evidence.EvidenceFact fact(String label, String value) {
		return new Evidence.EvidenceFact(label, value);
	}

}
