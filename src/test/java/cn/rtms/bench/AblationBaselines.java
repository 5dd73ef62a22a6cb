package cn.rtms.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorResults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two reference computations of the G08-2023 ablation indicator set
 * (国家限制类技术临床应用管理规范（2023年版）一（七）, shared/regulations 003) that the indicator benchmark sets
 * beside the engine, per institution and calendar quarter, written from the definition
 * text, not from the engine's compiled dictionary:
 * <ul>
 * <li>{@link #singlePassSql}: one hand-written SQL statement, a single pass over the
 * submitted G08 cases (and their follow-ups, pre-aggregated per case) with {@code FILTER}
 * aggregates;</li>
 * <li>{@link #applicationSide}: what application-side KPI code usually does — every case
 * row and every follow-up row fetched over JDBC, JSON parsed, each definition evaluated
 * per case in Java and summed in maps.</li>
 * </ul>
 * How the text is read (the same in both; where the text leaves a choice, the choice
 * documented in the G08-2023 dictionary's notes is taken, so that the three must agree):
 * <ul>
 * <li>a case is a SUBMITTED G08 case; its period is the quarter of its operation date (同期
 * = ablations of the same period), except 平均住院日 (quarter of the discharge date);</li>
 * <li>指征正确率 (cases, 注1): PTA &gt; 50 %, organ function not impaired (false, not missing)
 * and for the liver Child-Pugh A or B, ECOG &lt; 2, ASA ≤ Ⅲ (asaMax): all four; a missing
 * field fails;</li>
 * <li>完成率 (lesions): Σ completed / Σ planned;</li>
 * <li>局部病灶有效控制率 (cases, 注2): 1-month contrast imaging COMPLETE;</li>
 * <li>30 天内严重并发症 (cases, 注3): a complication marked serious with onset at most 30 days
 * after the operation (a serious one without onset date counts); the four sub-rates: such
 * a complication of that type;</li>
 * <li>30 天内死亡率 (patients): distinct patients of the period (hash, else pseudonym) / those
 * of them with a case of the period after which they died within 30 days (death on the
 * case or in a follow-up) or left AUTO_DISCHARGE_IRREVERSIBLE or DEATH within 30
 * days;</li>
 * <li>随访率 (cases) per horizon 6 m, 1, 2, 3, 5 y: cases whose horizon (operation date +
 * horizon) is on or before the as-of day / those of them whose follow-up of that horizon
 * is recorded performed with the patient found alive or dead (失访 is not a completed
 * follow-up); the parent rate equals the 6-month one;</li>
 * <li>平均住院日 (days per discharge): Σ (discharge − admission, a same-day stay 1 day) /
 * distinct stays (住院号 + discharge date) discharged in the quarter;</li>
 * <li>甲状腺 shares (cases, thyroid): benign / benign or malignant; &lt; 20 mm benign /
 * benign.</li>
 * </ul>
 */
public final class AblationBaselines {

	/** Indicator codes as the engine's G08-2023 dictionary names them. */
	public static final String INDICATION = "G08.INDICATION";

	public static final String COMPLETION = "G08.COMPLETION";

	public static final String LOCAL_CONTROL = "G08.LOCAL_CONTROL";

	public static final String SERIOUS_30D = "G08.SERIOUS_COMPLICATION_30D";

	public static final String BLEEDING = "G08.MAJOR_BLEEDING_30D";

	public static final String PNEUMOTHORAX = "G08.SEVERE_PNEUMOTHORAX_30D";

	public static final String ORGAN_INJURY = "G08.ADJACENT_ORGAN_INJURY_30D";

	public static final String INFECTION = "G08.SEVERE_INFECTION_30D";

	public static final String MORTALITY_30D = "G08.MORTALITY_30D";

	public static final String FOLLOW_UP_ALL = "G08.FOLLOW_UP";

	public static final String[] FOLLOW_UP = { "G08.FOLLOW_UP_6M", "G08.FOLLOW_UP_1Y", "G08.FOLLOW_UP_2Y",
			"G08.FOLLOW_UP_3Y", "G08.FOLLOW_UP_5Y" };

	static final String[] HORIZONS = { "P6M", "P1Y", "P2Y", "P3Y", "P5Y" };

	public static final String LENGTH_OF_STAY = "G08.AVERAGE_LOS";

	public static final String THYROID_BENIGN = "G08.THYROID_BENIGN_SHARE";

	public static final String THYROID_SMALL = "G08.THYROID_SMALL_BENIGN_SHARE";

	static final String[] TYPE_CODES = { BLEEDING, PNEUMOTHORAX, ORGAN_INJURY, INFECTION };

	static final String[] TYPES = { "MAJOR_BLEEDING", "SEVERE_PNEUMOTHORAX", "ADJACENT_ORGAN_INJURY",
			"SEVERE_INFECTION" };

	/**
	 * The hand-written single-pass statement. Parameters: as-of day, from, to (operation,
	 * discharge or horizon date within from…to, both included). One row per institution
	 * and quarter; columns in pairs numerator, denominator in the order of
	 * {@link #COLUMNS}.
	 */
	public static final String SINGLE_PASS_SQL = """
			with fu as (                      -- follow-ups, one row per case
			  select case_id,
			         min(death_date) as death_date,
			         bool_or(period = 'P6M' and vital_status in ('ALIVE', 'DEAD')) as done_6m,
			         bool_or(period = 'P1Y' and vital_status in ('ALIVE', 'DEAD')) as done_1y,
			         bool_or(period = 'P2Y' and vital_status in ('ALIVE', 'DEAD')) as done_2y,
			         bool_or(period = 'P3Y' and vital_status in ('ALIVE', 'DEAD')) as done_3y,
			         bool_or(period = 'P5Y' and vital_status in ('ALIVE', 'DEAD')) as done_5y
			  from cases.follow_up group by case_id
			), c as (                         -- submitted G08 cases with what the definitions read
			  select r.institution_id, r.operation_date, r.discharge_date,
			         coalesce(r.patient_id_no_hash, r.patient_pseudonym) as patient,
			         r.admission_date is not null and r.discharge_date is not null
			           and row_number() over (partition by r.institution_id, coalesce(r.inpatient_no, r.medical_record_no),
			                                  r.discharge_date order by r.operation_date, r.id) = 1 as first_of_stay,
			         greatest(r.discharge_date - r.admission_date, 1) as stay_days,
			         (r.form_data->>'ptaPercent')::numeric > 50
			           and (r.form_data->>'organFunctionImpaired')::boolean = false
			           and (r.form_data->>'organ' is distinct from 'LIVER' or r.form_data->>'childPugh' in ('A', 'B'))
			           and (r.form_data->>'ecog')::int < 2
			           and r.form_data->>'asaClass' in ('I', 'II', 'III') as indicated,
			         coalesce((r.form_data->>'lesionsPlanned')::int, 0) as planned,
			         coalesce((r.form_data->>'lesionsCompleted')::int, 0) as completed,
			         r.form_data->>'contrastImaging1m' = 'COMPLETE' as controlled,
			         r.form_data->>'organ' = 'THYROID' and r.form_data->>'thyroidPathology' in ('BENIGN', 'MALIGNANT')
			           as thyroid,
			         r.form_data->>'organ' = 'THYROID' and r.form_data->>'thyroidPathology' = 'BENIGN' as benign,
			         r.form_data->>'organ' = 'THYROID' and r.form_data->>'thyroidPathology' = 'BENIGN'
			           and (r.form_data->>'thyroidLargestDiameterMm')::numeric < 20 as benign_small,
			         (select array_agg(distinct coalesce(x->>'type', '')) from jsonb_array_elements(r.complications) x
			           where (x->>'serious')::boolean
			             and coalesce((x->>'onsetDate')::date - r.operation_date <= 30, true)) as serious,
			         least(r.death_date, fu.death_date) - r.operation_date <= 30
			           or (r.discharge_status in ('AUTO_DISCHARGE_IRREVERSIBLE', 'DEATH')
			               and r.discharge_date - r.operation_date <= 30) as died_30d,
			         r.operation_date + interval '6 months' <= $1 as reached_6m, fu.done_6m,
			         r.operation_date + interval '1 year' <= $1 as reached_1y, fu.done_1y,
			         r.operation_date + interval '2 years' <= $1 as reached_2y, fu.done_2y,
			         r.operation_date + interval '3 years' <= $1 as reached_3y, fu.done_3y,
			         r.operation_date + interval '5 years' <= $1 as reached_5y, fu.done_5y
			  from cases.case_report r left join fu on fu.case_id = r.id
			  where r.status = 'SUBMITTED' and r.technology = 'G08'
			), e as (                         -- each case once per date that puts it into a period
			  select c.*, a.kind, a.day from c cross join lateral (values
			    ('OP', c.operation_date), ('DIS', c.discharge_date)) as a(kind, day)
			  where a.day between $2 and $3
			)
			select institution_id, to_char(day, 'YYYY-"Q"Q') as period,
			  count(*) filter (where kind = 'OP' and indicated), count(*) filter (where kind = 'OP'),
			  sum(completed) filter (where kind = 'OP'), sum(planned) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and controlled), count(*) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and serious is not null), count(*) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and 'MAJOR_BLEEDING' = any(serious)), count(*) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and 'SEVERE_PNEUMOTHORAX' = any(serious)), count(*) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and 'ADJACENT_ORGAN_INJURY' = any(serious)), count(*) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and 'SEVERE_INFECTION' = any(serious)), count(*) filter (where kind = 'OP'),
			  count(distinct patient) filter (where kind = 'OP' and died_30d), count(distinct patient) filter (where kind = 'OP'),
			  count(*) filter (where kind = 'OP' and reached_6m and done_6m), count(*) filter (where kind = 'OP' and reached_6m),
			  count(*) filter (where kind = 'OP' and reached_6m and done_6m), count(*) filter (where kind = 'OP' and reached_6m),
			  count(*) filter (where kind = 'OP' and reached_1y and done_1y), count(*) filter (where kind = 'OP' and reached_1y),
			  count(*) filter (where kind = 'OP' and reached_2y and done_2y), count(*) filter (where kind = 'OP' and reached_2y),
			  count(*) filter (where kind = 'OP' and reached_3y and done_3y), count(*) filter (where kind = 'OP' and reached_3y),
			  count(*) filter (where kind = 'OP' and reached_5y and done_5y), count(*) filter (where kind = 'OP' and reached_5y),
			  sum(stay_days) filter (where kind = 'DIS' and first_of_stay), count(*) filter (where kind = 'DIS' and first_of_stay),
			  count(*) filter (where kind = 'OP' and benign), count(*) filter (where kind = 'OP' and thyroid),
			  count(*) filter (where kind = 'OP' and benign_small), count(*) filter (where kind = 'OP' and benign)
			from e group by institution_id, period
			""";

	/**
	 * The indicator of each numerator/denominator column pair of
	 * {@link #SINGLE_PASS_SQL}.
	 */
	public static final List<String> COLUMNS = List.of(INDICATION, COMPLETION, LOCAL_CONTROL, SERIOUS_30D, BLEEDING,
			PNEUMOTHORAX, ORGAN_INJURY, INFECTION, MORTALITY_30D, FOLLOW_UP_ALL, FOLLOW_UP[0], FOLLOW_UP[1],
			FOLLOW_UP[2], FOLLOW_UP[3], FOLLOW_UP[4], LENGTH_OF_STAY, THYROID_BENIGN, THYROID_SMALL);

	/** A cell: indicator, institution and quarter. */
	public record Cell(String indicator, String institution, String period) implements Comparable<Cell> {

		@Override
		public int compareTo(Cell o) {
			int c = this.indicator.compareTo(o.indicator);
			c = c != 0 ? c : this.institution.compareTo(o.institution);
			return c != 0 ? c : this.period.compareTo(o.period);
		}

	}

	/** Numerator and denominator. */
	public record Counts(BigDecimal numerator, BigDecimal denominator) {

		static final Counts ZERO = new Counts(BigDecimal.ZERO, BigDecimal.ZERO);

		boolean sameAs(Counts o) {
			return this.numerator.compareTo(o.numerator) == 0 && this.denominator.compareTo(o.denominator) == 0;
		}

		@Override
		public String toString() {
			return this.numerator.stripTrailingZeros().toPlainString() + "/"
					+ this.denominator.stripTrailingZeros().toPlainString();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AblationBaselines() {
	}

	/**
	 * (a) The hand-written single-pass SQL.
	 * @return numerator and denominator per cell (cells with a zero denominator and zero
	 * numerator left out)
	 */
	public static Map<Cell, Counts> singlePassSql(JdbcTemplate jdbc, LocalDate from, LocalDate to, LocalDate asOf) {
		Map<Cell, Counts> cells = new HashMap<>();
		// $1 as-of, $2 from, $3 to: bound positionally in the order they occur
		java.util.regex.Matcher placeholders = java.util.regex.Pattern.compile("\\$(\\d)").matcher(SINGLE_PASS_SQL);
		List<LocalDate> parameters = new ArrayList<>();
		while (placeholders.find()) {
			parameters.add(switch (placeholders.group(1)) {
				case "1" -> asOf;
				case "2" -> from;
				default -> to;
			});
		}
		String sql = SINGLE_PASS_SQL.replaceAll("\\$\\d", "cast(? as date)");
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			for (int i = 0; i < parameters.size(); i++) {
				statement.setDate(i + 1, Date.valueOf(parameters.get(i)));
			}
			return statement;
		}, rs -> {
			String institution = rs.getString(1);
			String period = rs.getString(2);
			for (int i = 0; i < COLUMNS.size(); i++) {
				BigDecimal numerator = orZero(rs.getBigDecimal(3 + 2 * i));
				BigDecimal denominator = orZero(rs.getBigDecimal(4 + 2 * i));
				if (numerator.signum() != 0 || denominator.signum() != 0) {
					cells.put(new Cell(COLUMNS.get(i), institution, period), new Counts(numerator, denominator));
				}
			}
		});
		return cells;
	}

	private static BigDecimal orZero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	/**
	 * (c) The application-side way: every submitted G08 case and every follow-up fetched
	 * over JDBC (streamed, ordered by case), each definition evaluated per case in Java.
	 */
	public static Map<Cell, Counts> applicationSide(DataSource dataSource, LocalDate from, LocalDate to, LocalDate asOf)
			throws SQLException {
		Map<Cell, long[]> sums = new HashMap<>();
		Map<Cell, Set<String>> patients = new HashMap<>();
		Map<Cell, Set<String>> deadPatients = new HashMap<>();
		Set<String> stays = new HashSet<>();
		try (Connection cases = dataSource.getConnection(); Connection followUps = dataSource.getConnection()) {
			cases.setAutoCommit(false);
			followUps.setAutoCommit(false);
			PreparedStatement caseQuery = cases.prepareStatement(
					"""
							select id, institution_id, inpatient_no, patient_id_no_hash, patient_pseudonym, admission_date,
							  operation_date, discharge_date, complications::text, death_date, discharge_status, form_data::text,
							  medical_record_no
							from cases.case_report where status = 'SUBMITTED' and technology = 'G08'
							order by id""");
			caseQuery.setFetchSize(5000);
			// follow-ups streamed in case order beside the cases (a merge on the case id)
			PreparedStatement followUpQuery = followUps.prepareStatement(
					"select case_id, period, performed_on, death_date, vital_status from cases.follow_up order by case_id");
			followUpQuery.setFetchSize(10000);
			try (ResultSet rs = caseQuery.executeQuery(); ResultSet fu = followUpQuery.executeQuery()) {
				boolean fuValid = fu.next();
				List<Object[]> fus = new ArrayList<>(8);
				while (rs.next()) {
					UUID id = rs.getObject(1, UUID.class);
					fus.clear();
					while (fuValid && unsignedCompare(fu.getObject(1, UUID.class), id) <= 0) {
						if (fu.getObject(1, UUID.class).equals(id)) {
							String vital = fu.getString(5);
							boolean reached = "ALIVE".equals(vital) || "DEAD".equals(vital);
							fus.add(new Object[] { fu.getString(2), reached ? date(fu, 3) : null, date(fu, 4) });
						}
						fuValid = fu.next();
					}
					String institution = rs.getString(2);
					String inpatientNo = rs.getString(3);
					String medicalRecordNo = rs.getString(13);
					String patient = rs.getString(4) != null ? rs.getString(4) : rs.getString(5);
					LocalDate admission = date(rs, 6);
					LocalDate operation = date(rs, 7);
					LocalDate discharge = date(rs, 8);
					JsonNode complications = JSON.readTree(rs.getString(9));
					LocalDate death = date(rs, 10);
					String dischargeStatus = rs.getString(11);
					JsonNode form = JSON.readTree(rs.getString(12));
					for (Object[] f : fus) {
						LocalDate d = (LocalDate) f[2];
						if (death == null && d != null || d != null && d.isBefore(death)) {
							death = d;
						}
					}
					if (in(operation, from, to)) {
						String period = quarter(operation);
						String organ = form.path("organ").asString("");
						boolean indicated = number(form, "ptaPercent") != null
								&& number(form, "ptaPercent").compareTo(BigDecimal.valueOf(50)) > 0
								&& form.path("organFunctionImpaired").isBoolean()
								&& !form.path("organFunctionImpaired").asBoolean()
								&& (!organ.equals("LIVER")
										|| Set.of("A", "B").contains(form.path("childPugh").asString("")))
								&& number(form, "ecog") != null && number(form, "ecog").intValue() < 2
								&& Set.of("I", "II", "III").contains(form.path("asaClass").asString(""));
						add(sums, INDICATION, institution, period, indicated ? 1 : 0, 1);
						add(sums, COMPLETION, institution, period, intOf(form, "lesionsCompleted"),
								intOf(form, "lesionsPlanned"));
						add(sums, LOCAL_CONTROL, institution, period,
								"COMPLETE".equals(form.path("contrastImaging1m").asString(null)) ? 1 : 0, 1);
						Set<String> seriousTypes = new HashSet<>();
						for (JsonNode c : complications) {
							LocalDate onset = c.path("onsetDate").isString()
									? LocalDate.parse(c.path("onsetDate").asString()) : null;
							if (c.path("serious").asBoolean(false)
									&& (onset == null || onset.toEpochDay() - operation.toEpochDay() <= 30)) {
								seriousTypes.add(c.path("type").isString() ? c.path("type").asString() : "");
							}
						}
						add(sums, SERIOUS_30D, institution, period, seriousTypes.isEmpty() ? 0 : 1, 1);
						for (int t = 0; t < TYPES.length; t++) {
							add(sums, TYPE_CODES[t], institution, period, seriousTypes.contains(TYPES[t]) ? 1 : 0, 1);
						}
						Cell mortality = new Cell(MORTALITY_30D, institution, period);
						patients.computeIfAbsent(mortality, k -> new HashSet<>()).add(patient);
						boolean died = death != null && death.toEpochDay() - operation.toEpochDay() <= 30
								|| ("AUTO_DISCHARGE_IRREVERSIBLE".equals(dischargeStatus)
										|| "DEATH".equals(dischargeStatus)) && discharge != null
										&& discharge.toEpochDay() - operation.toEpochDay() <= 30;
						if (died) {
							deadPatients.computeIfAbsent(mortality, k -> new HashSet<>()).add(patient);
						}
						String pathology = form.path("thyroidPathology").asString("");
						if (organ.equals("THYROID") && (pathology.equals("BENIGN") || pathology.equals("MALIGNANT"))) {
							add(sums, THYROID_BENIGN, institution, period, pathology.equals("BENIGN") ? 1 : 0, 1);
						}
						if (organ.equals("THYROID") && pathology.equals("BENIGN")) {
							BigDecimal size = number(form, "thyroidLargestDiameterMm");
							add(sums, THYROID_SMALL, institution, period,
									size != null && size.compareTo(BigDecimal.valueOf(20)) < 0 ? 1 : 0, 1);
						}
					}
					if (in(operation, from, to)) {
						for (int k = 0; k < HORIZONS.length; k++) {
							if (!operation.plus(java.time.Period.parse(HORIZONS[k])).isAfter(asOf)) {
								boolean done = false;
								for (Object[] f : fus) {
									done |= HORIZONS[k].equals(f[0]) && f[1] != null;
								}
								add(sums, FOLLOW_UP[k], institution, quarter(operation), done ? 1 : 0, 1);
								if (k == 0) {
									add(sums, FOLLOW_UP_ALL, institution, quarter(operation), done ? 1 : 0, 1);
								}
							}
						}
					}
					if (discharge != null && admission != null && in(discharge, from, to) && stays.add(institution + "|"
							+ (inpatientNo != null ? inpatientNo : medicalRecordNo) + "|" + discharge)) {
						long days = Math.max(1, discharge.toEpochDay() - admission.toEpochDay());
						add(sums, LENGTH_OF_STAY, institution, quarter(discharge), days, 1);
					}
				}
			}
			cases.commit();
			followUps.commit();
		}
		Map<Cell, Counts> cells = new HashMap<>();
		sums.forEach((cell, s) -> cells.put(cell, new Counts(BigDecimal.valueOf(s[0]), BigDecimal.valueOf(s[1]))));
		patients.forEach((cell, all) -> cells.put(cell, new Counts(
				BigDecimal.valueOf(deadPatients.getOrDefault(cell, Set.of()).size()), BigDecimal.valueOf(all.size()))));
		cells.values().removeIf(c -> c.numerator.signum() == 0 && c.denominator.signum() == 0);
		return cells;
	}

	/**
	 * (b) The engine's cells, in the same shape (total cells only: no stratum; cells with
	 * zero numerator and denominator left out).
	 */
	public static Map<Cell, Counts> engine(IndicatorResults results) {
		Map<Cell, Counts> cells = new HashMap<>();
		for (IndicatorCell cell : results.cells()) {
			if (cell.stratum() == null && (cell.numerator().signum() != 0 || cell.denominator().signum() != 0)) {
				cells.put(new Cell(cell.indicatorCode(), cell.groupKey(), cell.period()),
						new Counts(cell.numerator(), cell.denominator()));
			}
		}
		return cells;
	}

	/**
	 * @return a line per cell where the computations disagree (at most {@code limit}),
	 * empty when all agree
	 */
	public static List<String> differences(Map<String, Map<Cell, Counts>> ways, int limit) {
		Set<Cell> all = new java.util.TreeSet<>();
		ways.values().forEach(w -> all.addAll(w.keySet()));
		List<String> lines = new ArrayList<>();
		Map<String, Integer> perIndicator = new TreeMap<>();
		for (Cell cell : all) {
			Map<String, Counts> values = new java.util.LinkedHashMap<>();
			ways.forEach((name, w) -> values.put(name, w.getOrDefault(cell, Counts.ZERO)));
			Counts first = values.values().iterator().next();
			if (!values.values().stream().allMatch(first::sameAs)) {
				perIndicator.merge(cell.indicator(), 1, Integer::sum);
				if (lines.size() < limit) {
					lines.add(cell + " " + values);
				}
			}
		}
		if (!perIndicator.isEmpty()) {
			lines.add(0, "differing cells per indicator: " + perIndicator);
		}
		return lines;
	}

	/**
	 * @return the indicators present in the cells
	 */
	public static Set<String> indicators(Map<Cell, Counts> cells) {
		Set<String> codes = new java.util.TreeSet<>();
		cells.keySet().forEach(c -> codes.add(c.indicator()));
		return codes;
	}

	private static void add(Map<Cell, long[]> sums, String indicator, String institution, String period, long numerator,
			long denominator) {
		long[] s = sums.computeIfAbsent(new Cell(indicator, institution, period), k -> new long[2]);
		s[0] += numerator;
		s[1] += denominator;
	}

	/**
	 * PostgreSQL's order of uuids: unsigned, byte by byte (Java's compareTo is signed).
	 */
	static int unsignedCompare(UUID a, UUID b) {
		int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	}

	private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	static String quarter(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static BigDecimal number(JsonNode form, String key) {
		JsonNode value = form.path(key);
		return value.isNumber() ? value.decimalValue() : null;
	}

	private static long intOf(JsonNode form, String key) {
		JsonNode value = form.path(key);
		return value.isNumber() ? value.longValue() : 0;
	}

}
