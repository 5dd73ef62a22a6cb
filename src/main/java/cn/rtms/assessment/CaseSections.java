package cn.rtms.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import cn.rtms.assessment.AssessmentReport.CaseFigure;
import cn.rtms.assessment.AssessmentReport.CaseRef;
import cn.rtms.assessment.CaseFacts.CaseRow;
import cn.rtms.assessment.CaseFacts.ComplicationRow;
import cn.rtms.assessment.CaseFacts.FollowUpRow;
import cn.rtms.cases.CaseField;
import cn.rtms.cases.CaseForm;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The case-data part of each section, computed in plain Java from the subject's cases of
 * the period and their follow-ups: violations flagged by the registry, complications
 * marked serious, deaths, discharge, follow-up per horizon, completeness and amendments
 * of the records. No Spring, no database: {@code CaseSectionsTests} builds the rows by
 * hand.
 */
final class CaseSections {

	/** Flags that are violations (医疗不良事件); the others are informative. */
	static final List<String> VIOLATIONS = List.of("UNFILED", "UNAUTHORIZED", "OUT_OF_SCOPE", "DEVICE_EXPIRED",
			"NO_CONSENT");

	private static final Set<String> BLOCKING = Set.of("UNFILED", "UNAUTHORIZED", "OUT_OF_SCOPE", "DEVICE_EXPIRED",
			"NO_CONSENT", "NO_PREOP_PATHOLOGY");

	private static final Set<String> SEVERE_GRADES = Set.of("III", "IIIa", "IIIb", "IV", "IVa", "IVb", "V");

	/** A death within this many days after the operation is a 30-day death. */
	static final int EARLY_DEATH_DAYS = 30;

	private final List<CaseRow> cases;

	private final List<FollowUpRow> followUps;

	private final Function<String, @Nullable CaseForm> forms;

	private final Function<String, String> flagLabels;

	private final Function<String, String> dischargeLabels;

	private final LocalDate asOf;

	private final Map<AssessmentSection, Part> parts = new EnumMap<>(AssessmentSection.class);

	/**
	 * @param cases the subject's submitted cases of the period
	 * @param followUps their follow-ups
	 * @param forms case-form definition by key (null when unknown)
	 * @param flagLabels label of a flag code
	 * @param dischargeLabels label of a discharge status code
	 * @param asOf the day of the computation (follow-ups due up to it)
	 */
	CaseSections(List<CaseRow> cases, List<FollowUpRow> followUps, Function<String, @Nullable CaseForm> forms,
			Function<String, String> flagLabels, Function<String, String> dischargeLabels, LocalDate asOf) {
		this.cases = cases;
		this.followUps = followUps;
		this.forms = forms;
		this.flagLabels = flagLabels;
		this.dischargeLabels = dischargeLabels;
		this.asOf = asOf;
		for (AssessmentSection s : AssessmentSection.values()) {
			this.parts.put(s, new Part());
		}
		caseSelection();
		effectiveness();
		complications();
		deaths();
		adverseEvents();
		postOperative();
		followUp();
		recordQuality();
	}

	/**
	 * @param section a section
	 * @return its case figures, listed cases and how many more cases there were
	 */
	Part part(AssessmentSection section) {
		return this.parts.get(section);
	}

	private void caseSelection() {
		Part p = this.parts.get(AssessmentSection.CASE_SELECTION);
		p.count("cases", "评估期内病例（例次）", this.cases.size(), null);
		flagged(p, "NO_PREOP_PATHOLOGY");
		flagged(p, "CODE_NOT_IN_SPEC");
	}

	private void effectiveness() {
		Part p = this.parts.get(AssessmentSection.EFFECTIVENESS);
		p.count("cases", "评估期内病例（例次）", this.cases.size(), null);
	}

	private void complications() {
		Part p = this.parts.get(AssessmentSection.SERIOUS_COMPLICATIONS);
		long any = this.cases.stream().filter(c -> !c.complications().isEmpty()).count();
		p.count("withComplication", "发生并发症的病例", any, (long) this.cases.size());
		List<CaseRow> serious = this.cases.stream()
			.filter(c -> c.complications().stream().anyMatch(x -> Boolean.TRUE.equals(x.serious())))
			.toList();
		p.count("serious", "发生严重并发症的病例（填报时标记为严重）", serious.size(), (long) this.cases.size());
		long graded = this.cases.stream()
			.filter(c -> c.complications()
				.stream()
				.anyMatch(x -> x.grade() != null && SEVERE_GRADES.contains(x.grade())))
			.count();
		p.count("gradeIII", "Clavien-Dindo Ⅲ级及以上并发症的病例", graded, (long) this.cases.size());
		for (CaseRow c : serious) {
			List<String> names = c.complications()
				.stream()
				.filter(x -> Boolean.TRUE.equals(x.serious()))
				.map(CaseSections::describe)
				.toList();
			p.list(c, "严重并发症：" + String.join("、", names));
		}
	}

	private static String describe(ComplicationRow x) {
		String name = x.name() == null ? "未注明" : x.name();
		return x.grade() == null ? name : name + "（" + x.grade() + "级）";
	}

	private void deaths() {
		Part p = this.parts.get(AssessmentSection.DEATHS);
		Map<UUID, LocalDate> deathDates = new LinkedHashMap<>();
		for (CaseRow c : this.cases) {
			if (c.deathDate() != null) {
				deathDates.put(c.id(), c.deathDate());
			}
		}
		Set<UUID> diedAtFollowUp = new LinkedHashSet<>();
		for (FollowUpRow f : this.followUps) {
			if ("DEAD".equals(f.vitalStatus())) {
				diedAtFollowUp.add(f.caseId());
				if (f.deathDate() != null) {
					deathDates.merge(f.caseId(), f.deathDate(), (a, b) -> a.isBefore(b) ? a : b);
				}
			}
		}
		long inHospital = this.cases.stream().filter(c -> "DEATH".equals(c.dischargeStatus())).count();
		List<CaseRow> dead = this.cases.stream()
			.filter(c -> deathDates.containsKey(c.id()) || "DEATH".equals(c.dischargeStatus())
					|| diedAtFollowUp.contains(c.id()))
			.toList();
		long early = dead.stream().filter(c -> {
			LocalDate d = deathDates.get(c.id());
			return d != null && ChronoUnit.DAYS.between(c.operationDate(), d) <= EARLY_DEATH_DAYS;
		}).count();
		long size = this.cases.size();
		p.count("deaths", "死亡病例（住院期间或随访中）", dead.size(), size);
		p.count("inHospital", "住院期间死亡（离院方式为死亡）", inHospital, size);
		p.count("within30Days", "术后30天内死亡", early, size);
		p.count("atFollowUp", "随访中记录死亡", diedAtFollowUp.size(), size);
		for (CaseRow c : dead) {
			LocalDate d = deathDates.get(c.id());
			String note = d == null ? "离院方式：死亡"
					: "死亡日期 " + d + "（术后第 " + ChronoUnit.DAYS.between(c.operationDate(), d) + " 天）";
			p.list(c, note);
		}
	}

	private void adverseEvents() {
		Part p = this.parts.get(AssessmentSection.ADVERSE_EVENTS);
		for (String code : VIOLATIONS) {
			flagged(p, code);
		}
		flagged(p, "FILING_PENDING");
		for (CaseRow c : this.cases) {
			List<String> violations = c.flags().stream().filter(VIOLATIONS::contains).map(this.flagLabels).toList();
			if (!violations.isEmpty()) {
				p.list(c, String.join("、", violations));
			}
		}
	}

	private void postOperative() {
		Part p = this.parts.get(AssessmentSection.POST_OPERATIVE);
		long size = this.cases.size();
		long discharged = this.cases.stream().filter(c -> c.dischargeDate() != null).count();
		p.count("discharged", "已出院病例", discharged, size);
		p.count("notDischarged", "未记录出院日期的病例", size - discharged, size);
		Map<String, Long> byStatus = new LinkedHashMap<>();
		for (CaseRow c : this.cases) {
			if (c.dischargeStatus() != null) {
				byStatus.merge(c.dischargeStatus(), 1L, Long::sum);
			}
		}
		byStatus
			.forEach((code, n) -> p.count("discharge." + code, "离院方式：" + this.dischargeLabels.apply(code), n, size));
	}

	private void followUp() {
		Part p = this.parts.get(AssessmentSection.FOLLOW_UP);
		Map<String, List<FollowUpRow>> byPeriod = new LinkedHashMap<>();
		this.followUps.stream()
			.sorted(Comparator.comparing((FollowUpRow f) -> months(f.period())).thenComparing(FollowUpRow::dueDate))
			.forEach(f -> byPeriod.computeIfAbsent(f.period(), k -> new ArrayList<>()).add(f));
		Map<UUID, CaseRow> byId = new LinkedHashMap<>();
		this.cases.forEach(c -> byId.put(c.id(), c));
		long totalDue = 0;
		long totalDone = 0;
		long totalOverdue = 0;
		for (List<FollowUpRow> rows : byPeriod.values()) {
			String label = rows.get(0).label();
			String key = rows.get(0).period();
			List<FollowUpRow> due = rows.stream()
				.filter(f -> f.cancelledOn() == null && !f.dueDate().isAfter(this.asOf))
				.toList();
			long done = due.stream().filter(f -> f.performedOn() != null).count();
			List<FollowUpRow> overdue = due.stream()
				.filter(f -> f.performedOn() == null && f.dueDate().isBefore(this.asOf))
				.toList();
			long lost = due.stream().filter(f -> "LOST".equals(f.vitalStatus())).count();
			long upcoming = rows.stream()
				.filter(f -> f.cancelledOn() == null && f.dueDate().isAfter(this.asOf))
				.count();
			long cancelled = rows.stream().filter(f -> f.cancelledOn() != null).count();
			p.count("done." + key, label + "：已随访 / 已到期", done, (long) due.size());
			p.count("overdue." + key, label + "：逾期未随访", overdue.size(), (long) due.size());
			p.count("lost." + key, label + "：失访", lost, (long) due.size());
			p.count("upcoming." + key, label + "：未到期（不计入随访率）", upcoming, null);
			if (cancelled > 0) {
				p.count("cancelled." + key, label + "：因死亡取消", cancelled, null);
			}
			totalDue += due.size();
			totalDone += done;
			totalOverdue += overdue.size();
			for (FollowUpRow f : overdue) {
				CaseRow c = byId.get(f.caseId());
				if (c != null) {
					p.list(c, label + "随访逾期（应于 " + f.dueDate() + " 前完成）");
				}
			}
		}
		p.figures.addFirst(figure("overdue", "逾期未随访（合计）", totalOverdue, totalDue));
		p.figures.addFirst(figure("done", "已随访 / 已到期（合计）", totalDone, totalDue));
	}

	private static long months(String period) {
		try {
			return Period.parse(period).toTotalMonths();
		}
		catch (RuntimeException ex) {
			return Long.MAX_VALUE;
		}
	}

	private void recordQuality() {
		Part p = this.parts.get(AssessmentSection.RECORD_QUALITY);
		long size = this.cases.size();
		long missingRequiredCases = 0;
		long missingOptionalCases = 0;
		long missingOptionalItems = 0;
		long amended = 0;
		long amendments = 0;
		long flagged = 0;
		long imported = 0;
		for (CaseRow c : this.cases) {
			CaseForm form = this.forms.apply(c.formKey());
			if (form != null) {
				List<String> required = new ArrayList<>();
				long optional = 0;
				for (CaseField f : form.fields()) {
					if (present(c.fields().get(f.key()))) {
						continue;
					}
					if (required(f, c.fields())) {
						required.add(f.label());
					}
					else if (f.requiredWhen() == null) {
						optional++;
					}
				}
				if (!required.isEmpty()) {
					missingRequiredCases++;
					p.list(c, "必填项缺失：" + String.join("、", required));
				}
				if (optional > 0) {
					missingOptionalCases++;
					missingOptionalItems += optional;
				}
			}
			if (c.amendments() > 0) {
				amended++;
				amendments += c.amendments();
			}
			if (c.flags().stream().anyMatch(BLOCKING::contains)) {
				flagged++;
			}
			if ("IMPORT".equals(c.source())) {
				imported++;
			}
		}
		p.count("missingRequired", "必填项缺失的病例", missingRequiredCases, size);
		p.figures.add(new CaseFigure("missingOptional", "选填项未填写的病例", missingOptionalCases, size,
				ratio(missingOptionalCases, size) + "，共 " + missingOptionalItems + " 项"));
		p.figures.add(new CaseFigure("amended", "提交后经更正的病例", amended, size,
				ratio(amended, size) + "，共更正 " + amendments + " 次"));
		p.count("flagged", "带违规标记的病例", flagged, size);
		p.count("imported", "经 Excel 导入的病例", imported, size);
	}

	private static boolean required(CaseField f, Map<String, JsonNode> fields) {
		if (f.requiredWhen() != null) {
			JsonNode other = fields.get(f.requiredWhen().field());
			return other != null && !other.isNull() && f.requiredWhen().equals().equals(other.asString());
		}
		return f.required();
	}

	private static boolean present(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return false;
		}
		if (value.isString()) {
			return !value.asString().isBlank();
		}
		if (value.isArray()) {
			return !value.isEmpty();
		}
		return true;
	}

	private void flagged(Part p, String code) {
		long n = this.cases.stream().filter(c -> c.flags().contains(code)).count();
		p.count("flag." + code, this.flagLabels.apply(code), n, (long) this.cases.size());
	}

	static CaseFigure figure(String key, String label, long count, @Nullable Long of) {
		return new CaseFigure(key, label, count, of, of == null ? Long.toString(count) : ratio(count, of));
	}

	/**
	 * @param count a count
	 * @param of what it is counted out of
	 * @return e.g. {@code 2 / 10（20.00%）}, without the percentage when {@code of} is 0
	 */
	static String ratio(long count, long of) {
		if (of == 0) {
			return count + " / 0";
		}
		BigDecimal pct = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
		return count + " / " + of + "（" + pct.toPlainString() + "%）";
	}

	/** The case part of one section. */
	static final class Part {

		final List<CaseFigure> figures = new ArrayList<>();

		final List<CaseRef> cases = new ArrayList<>();

		long more;

		void count(String key, String label, long count, @Nullable Long of) {
			this.figures.add(figure(key, label, count, of));
		}

		void list(CaseRow c, String note) {
			if (this.cases.size() < AssessmentReport.Section.MAX_CASES) {
				this.cases.add(new CaseRef(c.id(), c.medicalRecordNo(), c.pseudonym(), c.operationDate(), note));
			}
			else {
				this.more++;
			}
		}

	}

}
