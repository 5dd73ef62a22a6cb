package cn.rtms.indicators.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Indicators as FHIR R4 resources, hand-written with Jackson like the case export's
 * bundle (ADR 0018: no HAPI at runtime; the HAPI validator checks the output in tests):
 * <ul>
 * <li>each indicator of a set as a {@code Measure}: id, canonical URL and identifier from
 * the set and the code, Chinese title and description (the definition), scoring
 * {@code proportion} for rates and {@code continuous-variable} for averages, one group
 * whose populations carry the definition as criteria ({@code text/plain}),
 * {@code improvementNotation} from the direction (none for MONITOR), the
 * stratifiers;</li>
 * <li>each computed cell (group × period) as a {@code MeasureReport} of type
 * {@code summary} (counts per population, {@code measureScore}, strata) or
 * {@code subject-list}, whose populations also reference a contained {@code List} of the
 * cases (by case id) or patients (by pseudonym) behind them — never names or ID
 * numbers.</li>
 * </ul>
 */
public final class IndicatorFhirWriter {

	/** Base of the canonical URLs, code systems and identifier systems RTMS defines. */
	static final String BASE = "https://rtms.cn/fhir/";

	static final String INDICATOR_ID = BASE + "sid/indicator";

	static final String CASE_ID = BASE + "sid/case";

	static final String PATIENT_PSEUDONYM = BASE + "sid/patient-pseudonym";

	static final String INSTITUTION_ID = BASE + "sid/institution";

	static final String PERSON_ID = BASE + "sid/person";

	static final String REGION = BASE + "sid/region";

	static final String STRATIFIER = BASE + "CodeSystem/indicator-stratifier";

	static final String SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";

	static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";

	static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

	static final String UCUM = "http://unitsofmeasure.org";

	/**
	 * The language of the population criteria: the dictionary's Chinese definition text.
	 */
	static final String CRITERIA_LANGUAGE = "text/plain";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IndicatorFhirWriter() {
	}

	/** A subject behind a population: a case (by id) or a patient (by pseudonym). */
	record Subject(String system, String value, String type) {
	}

	/**
	 * @param setKey the set, e.g. {@code G08-2023}
	 * @param code the indicator code
	 * @return the Measure's logical id: set and code, characters FHIR ids do not allow as
	 * {@code -}, at most 64
	 */
	static String measureId(String setKey, String code) {
		String id = (setKey + "-" + code).replaceAll("[^A-Za-z0-9.\\-]", "-");
		return id.length() <= 64 ? id : id.substring(0, 64);
	}

	static String measureUrl(String setKey, String code) {
		return BASE + "Measure/" + measureId(setKey, code);
	}

	static boolean average(IndicatorView indicator) {
		return "AVERAGE".equals(indicator.kind());
	}

	/**
	 * @return the Measure of one indicator
	 */
	static ObjectNode measure(IndicatorSetView set, IndicatorView indicator) {
		ObjectNode m = resource("Measure");
		m.put("id", measureId(set.key(), indicator.code()));
		m.put("url", measureUrl(set.key(), indicator.code()));
		ObjectNode identifier = m.putArray("identifier").addObject();
		identifier.put("use", "official");
		identifier.put("system", INDICATOR_ID);
		identifier.put("value", indicator.code());
		m.put("version", set.key());
		m.put("name", indicator.code().replaceAll("[^A-Za-z0-9_]", "_"));
		m.put("title", indicator.name());
		m.put("status", "active");
		m.put("experimental", false);
		m.put("publisher", "RTMS 限制类技术管理系统");
		m.put("description", indicator.definition());
		m.put("purpose", set.title() + "（" + set.source() + "，" + indicator.clause() + "）");
		if (!indicator.notes().isEmpty()) {
			m.put("usage", String.join("\n\n", indicator.notes()));
		}
		m.putObject("scoring")
			.putArray("coding")
			.addObject()
			.put("system", SCORING)
			.put("code", average(indicator) ? "continuous-variable" : "proportion");
		String improvement = improvement(indicator.direction());
		if (improvement != null) {
			m.putObject("improvementNotation")
				.putArray("coding")
				.addObject()
				.put("system", IMPROVEMENT)
				.put("code", improvement);
		}
		m.put("rationale", rationale(indicator));
		ObjectNode group = m.putArray("group").addObject();
		group.putObject("code").put("text", indicator.name());
		group.put("description", indicator.definition());
		ArrayNode populations = group.putArray("population");
		if (average(indicator)) {
			population(populations, "initial-population", "纳入病例", indicator.definition());
			population(populations, "measure-population", "分母（" + unitName(indicator.unit(), true) + "）",
					indicator.definition());
			population(populations, "measure-observation", "观测值（" + unitName(indicator.unit(), false) + "）",
					indicator.definition());
		}
		else {
			population(populations, "numerator", "分子（" + unitName(indicator.unit(), false) + "）",
					indicator.definition());
			population(populations, "denominator", "分母（" + unitName(indicator.unit(), true) + "）",
					indicator.definition());
		}
		if (!indicator.stratifiers().isEmpty()) {
			ArrayNode stratifiers = group.putArray("stratifier");
			for (String stratifier : indicator.stratifiers()) {
				ObjectNode s = stratifiers.addObject();
				s.putObject("code")
					.put("text", stratifier)
					.putArray("coding")
					.addObject()
					.put("system", STRATIFIER)
					.put("code", stratifier);
				s.put("description", "按 " + stratifier + " 分层");
			}
		}
		return m;
	}

	/**
	 * @return a collection Bundle of the set's Measures
	 */
	static ObjectNode measureBundle(IndicatorSetView set) {
		ObjectNode bundle = bundle(uuid("measures", set.key()));
		ArrayNode entries = bundle.putArray("entry");
		for (IndicatorView indicator : set.indicators()) {
			ObjectNode entry = entries.addObject();
			entry.put("fullUrl", measureUrl(set.key(), indicator.code()));
			entry.set("resource", measure(set, indicator));
		}
		return bundle;
	}

	/**
	 * One computed cell as a MeasureReport.
	 * @param set the set
	 * @param indicator the indicator
	 * @param cell the cell (no stratum)
	 * @param strata the cells of the same group and period with a stratum
	 * @param period the cell's period as dates
	 * @param asOf the day the results were computed for
	 * @param groupReference who the group is (Organization, Practitioner, Location), or
	 * null for ALL
	 * @param numerator subjects behind the numerator, null for a summary report
	 * @param denominator subjects behind the denominator, null for a summary report
	 */
	static ObjectNode measureReport(IndicatorSetView set, IndicatorView indicator, IndicatorCell cell,
			List<IndicatorCell> strata, LocalDate[] period, LocalDate asOf, @Nullable ObjectNode groupReference,
			@Nullable List<Subject> numerator, @Nullable List<Subject> denominator) {
		boolean subjectList = numerator != null && denominator != null;
		ObjectNode r = resource("MeasureReport");
		r.put("id", uuid("report", set.key(), indicator.code(), cell.groupKey(), cell.period(),
				subjectList ? "subject-list" : "summary")
			.toString());
		if (subjectList) {
			ArrayNode contained = r.putArray("contained");
			contained.add(list("numerator",
					"分子：" + indicator.name() + "（" + cell.groupName() + "，" + cell.period() + "）", numerator));
			contained.add(list("denominator",
					"分母：" + indicator.name() + "（" + cell.groupName() + "，" + cell.period() + "）", denominator));
		}
		r.put("status", "complete");
		r.put("type", subjectList ? "subject-list" : "summary");
		r.put("measure", measureUrl(set.key(), indicator.code()));
		r.put("date", asOf.toString());
		if (groupReference != null) {
			r.set("reporter", groupReference);
		}
		ObjectNode p = r.putObject("period");
		p.put("start", period[0].toString());
		p.put("end", period[1].toString());
		String improvement = improvement(indicator.direction());
		if (improvement != null) {
			r.putObject("improvementNotation")
				.putArray("coding")
				.addObject()
				.put("system", IMPROVEMENT)
				.put("code", improvement);
		}
		ObjectNode group = r.putArray("group").addObject();
		group.putObject("code").put("text", indicator.name());
		ArrayNode populations = group.putArray("population");
		counts(populations, indicator, cell, subjectList);
		score(group, indicator, cell.value());
		if (!strata.isEmpty() && !indicator.stratifiers().isEmpty()) {
			Map<String, List<IndicatorCell>> byStratifier = new LinkedHashMap<>();
			for (IndicatorCell stratum : strata) {
				byStratifier.computeIfAbsent(stratifierOf(indicator, stratum.stratum()), k -> new ArrayList<>())
					.add(stratum);
			}
			ArrayNode stratifiers = group.putArray("stratifier");
			byStratifier.forEach((stratifier, cells) -> {
				ObjectNode s = stratifiers.addObject();
				s.putArray("code")
					.addObject()
					.put("text", stratifier)
					.putArray("coding")
					.addObject()
					.put("system", STRATIFIER)
					.put("code", stratifier);
				ArrayNode stratumNodes = s.putArray("stratum");
				for (IndicatorCell c : cells) {
					ObjectNode stratum = stratumNodes.addObject();
					stratum.putObject("value").put("text", stratumValue(c.stratum()));
					counts(stratum.putArray("population"), indicator, c, false);
					score(stratum, indicator, c.value());
				}
			});
		}
		return r;
	}

	/**
	 * @return a collection Bundle of MeasureReports
	 */
	static ObjectNode reportBundle(String id, List<ObjectNode> reports) {
		ObjectNode bundle = bundle(uuid("reports", id));
		ArrayNode entries = bundle.putArray("entry");
		for (ObjectNode report : reports) {
			ObjectNode entry = entries.addObject();
			entry.put("fullUrl", "urn:uuid:" + report.get("id").asString());
			entry.set("resource", report);
		}
		return bundle;
	}

	public static byte[] bytes(ObjectNode resource) {
		return JSON.writeValueAsString(resource).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * @return the period of a cell label ({@code 2026}, {@code 2026-H1}, {@code 2026-Q3},
	 * {@code 2026-07})
	 */
	static LocalDate[] period(String label, LocalDate from, LocalDate to) {
		LocalDate start;
		LocalDate end;
		if (label.matches("\\d{4}")) {
			start = LocalDate.of(Integer.parseInt(label), 1, 1);
			end = start.plusYears(1).minusDays(1);
		}
		else if (label.matches("\\d{4}-H[12]")) {
			start = LocalDate.of(Integer.parseInt(label.substring(0, 4)), label.endsWith("1") ? 1 : 7, 1);
			end = start.plusMonths(6).minusDays(1);
		}
		else if (label.matches("\\d{4}-Q[1-4]")) {
			start = LocalDate.of(Integer.parseInt(label.substring(0, 4)), 3 * (label.charAt(6) - '1') + 1, 1);
			end = start.plusMonths(3).minusDays(1);
		}
		else if (label.matches("\\d{4}-\\d{2}")) {
			YearMonth month = YearMonth.parse(label);
			start = month.atDay(1);
			end = month.atEndOfMonth();
		}
		else {
			return new LocalDate[] { from, to };
		}
		return new LocalDate[] { start.isBefore(from) ? from : start, end.isAfter(to) ? to : end };
	}

	private static void counts(ArrayNode populations, IndicatorView indicator, IndicatorCell cell,
			boolean subjectList) {
		if (average(indicator)) {
			count(populations, "initial-population", cell.denominator(), null);
			count(populations, "measure-population", cell.denominator(), subjectList ? "#denominator" : null);
			count(populations, "measure-observation", cell.denominator(), subjectList ? "#numerator" : null);
		}
		else {
			count(populations, "numerator", cell.numerator(), subjectList ? "#numerator" : null);
			count(populations, "denominator", cell.denominator(), subjectList ? "#denominator" : null);
		}
	}

	private static void count(ArrayNode populations, String code, BigDecimal count, @Nullable String list) {
		ObjectNode population = populations.addObject();
		population.putObject("code").putArray("coding").addObject().put("system", POPULATION).put("code", code);
		population.put("count", count.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact());
		if (list != null) {
			population.putObject("subjectResults").put("reference", list);
		}
	}

	private static void score(ObjectNode group, IndicatorView indicator, @Nullable BigDecimal value) {
		if (value == null) {
			return;
		}
		ObjectNode score = group.putObject("measureScore");
		score.put("value", value);
		if (average(indicator)) {
			String[] ucum = ucum(indicator.unit());
			score.put("unit", ucum[1]).put("system", UCUM).put("code", ucum[0]);
		}
		else {
			score.put("unit", "%").put("system", UCUM).put("code", "%");
		}
	}

	private static ObjectNode list(String id, String title, List<Subject> subjects) {
		ObjectNode list = resource("List");
		list.put("id", id);
		list.put("status", "current");
		list.put("mode", "snapshot");
		list.put("title", title);
		if (subjects.isEmpty()) {
			list.putObject("emptyReason").put("text", "无");
		}
		else {
			ArrayNode entries = list.putArray("entry");
			for (Subject subject : subjects) {
				ObjectNode item = entries.addObject().putObject("item");
				item.put("type", subject.type());
				item.putObject("identifier").put("system", subject.system()).put("value", subject.value());
			}
		}
		return list;
	}

	private static void population(ArrayNode populations, String code, String description, String definition) {
		ObjectNode population = populations.addObject();
		population.putObject("code").putArray("coding").addObject().put("system", POPULATION).put("code", code);
		population.put("description", description);
		ObjectNode criteria = population.putObject("criteria");
		criteria.put("description", description);
		criteria.put("language", CRITERIA_LANGUAGE);
		criteria.put("expression", definition);
	}

	private static @Nullable String improvement(String direction) {
		return switch (direction) {
			case "HIGHER_BETTER" -> "increase";
			case "LOWER_BETTER" -> "decrease";
			default -> null;
		};
	}

	private static String rationale(IndicatorView indicator) {
		StringBuilder text = new StringBuilder(switch (indicator.direction()) {
			case "HIGHER_BETTER" -> "越高越好";
			case "LOWER_BETTER" -> "越低越好";
			default -> "监测指标，无优劣方向";
		});
		if (indicator.threshold() != null) {
			text.append("；要求 ").append(switch (indicator.threshold().comparator()) {
				case "GT" -> "＞";
				case "GE" -> "≥";
				case "LT" -> "＜";
				default -> "≤";
			})
				.append(indicator.threshold().value().stripTrailingZeros().toPlainString())
				.append(average(indicator) ? "" : "%")
				.append("（")
				.append(indicator.threshold().clause())
				.append("）");
		}
		return text.toString();
	}

	static String unitName(String unit, boolean denominator) {
		return switch (unit) {
			case "CASE" -> "例次";
			case "PATIENT" -> "患者数";
			case "LESION" -> "病灶数";
			case "DISCHARGE" -> "出院人次";
			case "DAY" -> denominator ? "出院人次" : "床日数";
			case "MINUTE" -> denominator ? "例次" : "分钟";
			case "TECHNOLOGY" -> "项";
			default -> unit;
		};
	}

	private static String[] ucum(String unit) {
		return switch (unit) {
			case "DAY" -> new String[] { "d", "天" };
			case "MINUTE" -> new String[] { "min", "分钟" };
			default -> new String[] { "1", unitName(unit, false) };
		};
	}

	private static String stratifierOf(IndicatorView indicator, @Nullable String stratum) {
		if (stratum != null) {
			for (String stratifier : indicator.stratifiers()) {
				if (stratum.startsWith(stratifier + "=") || stratum.startsWith(stratifier + ":")) {
					return stratifier;
				}
			}
		}
		return indicator.stratifiers().get(0);
	}

	private static String stratumValue(@Nullable String stratum) {
		if (stratum == null) {
			return "未填写";
		}
		int at = Math.max(stratum.indexOf('='), stratum.indexOf(':'));
		return at < 0 ? stratum : stratum.substring(at + 1);
	}

	private static ObjectNode bundle(UUID id) {
		ObjectNode bundle = resource("Bundle");
		bundle.put("id", id.toString());
		bundle.put("type", "collection");
		return bundle;
	}

	private static ObjectNode resource(String type) {
		ObjectNode resource = JSON.createObjectNode();
		resource.put("resourceType", type);
		return resource;
	}

	static UUID uuid(String... parts) {
		return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
	}

}
