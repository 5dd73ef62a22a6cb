package cn.rtms.indicators.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.rtms.indicators.DrillDownQuery;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCasePage;
import cn.rtms.indicators.IndicatorCaseRow;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import cn.rtms.indicators.fhir.IndicatorFhirWriter.Subject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;

/**
 * The indicator dictionary and computed results as FHIR R4 (docs/indicators.md, "FHIR"):
 * Measures of a set, and MeasureReports of a query. Results and the cases behind them
 * come from {@link IndicatorManagement#compute} and
 * {@link IndicatorManagement#drillDown}, so the data scope is exactly that of the
 * indicator results (a hospital sees its own institution, an authority its region,
 * experts nothing).
 */
@Service
public class IndicatorFhir {

	/** At most this many cases behind the numbers of one subject-list request. */
	static final int MAX_SUBJECTS = 20_000;

	/** The engine's largest drill-down page. */
	private static final int PAGE = 200;

	private final IndicatorManagement indicators;

	IndicatorFhir(IndicatorManagement indicators) {
		this.indicators = indicators;
	}

	/**
	 * @param setKey the set
	 * @return a collection Bundle of its Measures
	 */
	public ObjectNode measures(String setKey) {
		return IndicatorFhirWriter.measureBundle(this.indicators.set(setKey));
	}

	/**
	 * @param setKey the set
	 * @param id a Measure id of it ({@code <set>-<code>}, see
	 * {@link IndicatorFhirWriter#measureId})
	 * @return its Measure
	 */
	public ObjectNode measure(String setKey, String id) {
		IndicatorSetView set = this.indicators.set(setKey);
		IndicatorView indicator = set.indicators()
			.stream()
			.filter(i -> IndicatorFhirWriter.measureId(set.key(), i.code()).equals(id))
			.findFirst()
			.orElseThrow(() -> IndicatorFhirProblems.indicatorNotFound(set.key(), id));
		return IndicatorFhirWriter.measure(set, indicator);
	}

	/**
	 * @param query what to compute (scoped to the caller by the engine)
	 * @param code one indicator, or null for all of the set (summary only)
	 * @param subjectList whether the populations list the cases behind them
	 * @return a collection Bundle with one MeasureReport per indicator, group and period
	 */
	public ObjectNode reports(IndicatorQuery query, @Nullable String code, boolean subjectList) {
		IndicatorSetView set = this.indicators.set(query.setKey());
		if (subjectList && code == null) {
			throw IndicatorFhirProblems.invalid("indicator", "subject-list 类型的报告须指定一个指标（indicator）");
		}
		List<IndicatorView> chosen = code == null ? set.indicators() : List.of(indicator(set, code));
		IndicatorResults results = this.indicators.compute(query);
		List<ObjectNode> reports = new ArrayList<>();
		for (IndicatorView indicator : chosen) {
			Map<String, List<IndicatorCell>> strata = new LinkedHashMap<>();
			List<IndicatorCell> totals = new ArrayList<>();
			for (IndicatorCell cell : results.cells()) {
				if (!cell.indicatorCode().equals(indicator.code())) {
					continue;
				}
				if (cell.stratum() == null) {
					totals.add(cell);
				}
				else {
					strata.computeIfAbsent(cell.groupKey() + "|" + cell.period(), k -> new ArrayList<>()).add(cell);
				}
			}
			if (subjectList) {
				long subjects = totals.stream().mapToLong(c -> c.denominator().longValue()).sum();
				if (subjects > MAX_SUBJECTS) {
					throw IndicatorFhirProblems.tooLarge(subjects, MAX_SUBJECTS);
				}
			}
			for (IndicatorCell cell : totals) {
				List<Subject> numerator = subjectList ? subjects(query, indicator, cell, "NUMERATOR") : null;
				List<Subject> denominator = subjectList ? subjects(query, indicator, cell, "DENOMINATOR") : null;
				reports.add(IndicatorFhirWriter.measureReport(set, indicator, cell,
						strata.getOrDefault(cell.groupKey() + "|" + cell.period(), List.of()),
						IndicatorFhirWriter.period(cell.period(), query.from(), query.to()), results.asOf(),
						reference(query.grouping(), cell), numerator, denominator));
			}
		}
		return IndicatorFhirWriter.reportBundle(String.join("|", query.toString(), String.valueOf(code),
				String.valueOf(subjectList), results.asOf().toString()), reports);
	}

	private List<Subject> subjects(IndicatorQuery query, IndicatorView indicator, IndicatorCell cell, String part) {
		boolean patients = "PATIENT".equals(indicator.unit());
		Set<Subject> subjects = new LinkedHashSet<>();
		for (int page = 0;; page++) {
			IndicatorCasePage rows = this.indicators.drillDown(new DrillDownQuery(query, indicator.code(), part,
					cell.groupKey(), cell.period(), null, page, PAGE));
			for (IndicatorCaseRow row : rows.rows()) {
				subjects.add(
						patients ? new Subject(IndicatorFhirWriter.PATIENT_PSEUDONYM, row.patientPseudonym(), "Patient")
								: new Subject(IndicatorFhirWriter.CASE_ID, row.caseId().toString(), "Procedure"));
			}
			if (rows.rows().isEmpty() || (long) (page + 1) * PAGE >= rows.total()) {
				return new ArrayList<>(subjects);
			}
		}
	}

	private static @Nullable ObjectNode reference(Grouping grouping, IndicatorCell cell) {
		String[] kind = switch (grouping) {
			case INSTITUTION -> new String[] { "Organization", IndicatorFhirWriter.INSTITUTION_ID };
			case OPERATOR -> new String[] { "Practitioner", IndicatorFhirWriter.PERSON_ID };
			case REGION -> new String[] { "Location", IndicatorFhirWriter.REGION };
			case DEPARTMENT -> new String[] { "Organization", null };
			default -> null;
		};
		if (kind == null || "ALL".equals(cell.groupKey())) {
			return null;
		}
		ObjectNode reference = JsonNodeFactory.instance.objectNode();
		reference.put("type", kind[0]);
		if (kind[1] != null) {
			reference.putObject("identifier").put("system", kind[1]).put("value", cell.groupKey());
		}
		reference.put("display", cell.groupName());
		return reference;
	}

	private static IndicatorView indicator(IndicatorSetView set, String code) {
		return set.indicators()
			.stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElseThrow(() -> IndicatorFhirProblems.indicatorNotFound(set.key(), code));
	}

	static LocalDate orDefault(@Nullable LocalDate day, LocalDate fallback) {
		return day == null ? fallback : day;
	}

}
