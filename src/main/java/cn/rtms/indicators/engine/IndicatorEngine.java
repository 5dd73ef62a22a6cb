package cn.rtms.indicators.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;

import javax.sql.DataSource;

import cn.rtms.indicators.DrillDownQuery;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCasePage;
import cn.rtms.indicators.IndicatorCaseRow;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.indicators.Threshold;
import cn.rtms.indicators.definition.Filter;
import cn.rtms.indicators.definition.Indicator;
import cn.rtms.indicators.definition.IndicatorSet;
import cn.rtms.indicators.definition.IndicatorSetLoader;
import cn.rtms.indicators.definition.Measure;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

import static cn.rtms.indicators.engine.Views.*;

/**
 * Compiles indicator sets to jOOQ and runs them. For one set, grouping and period it
 * issues one aggregate query per data source the set uses (cases; discharge-scan
 * procedures; practised technologies), computing every indicator of that source in the
 * same pass: each numerator and denominator is an aggregate with {@code FILTER (WHERE …)}
 * compiled from the dictionary's filters. Stratifiers become grouping sets. A case
 * counted by several attribution dates (operation and discharge) appears once per date
 * through a lateral {@code VALUES}, each aggregate filtering on its own attribution.
 */
@Component
public class IndicatorEngine {

	private static final String NONE_OPERATOR = "NONE";

	private static final String BLANK = "（未填）";

	private final DSLContext dsl;

	private final RegionScope regions;

	IndicatorEngine(DataSource dataSource, RegionScope regions) {
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		this.dsl = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES);
		this.regions = regions;
	}

	/**
	 * @return the DSL context (for tests rendering SQL)
	 */
	DSLContext dsl() {
		return this.dsl;
	}

	/**
	 * Computes every indicator of a set.
	 * @param set the set
	 * @param query the (scoped) query
	 * @param asOf the day follow-up horizons are reached by
	 * @return the cells, in indicator order
	 */
	public List<IndicatorCell> compute(IndicatorSet set, IndicatorQuery query, LocalDate asOf) {
		Map<String, List<IndicatorCell>> byIndicator = new LinkedHashMap<>();
		set.indicators().forEach(i -> byIndicator.put(i.code(), new ArrayList<>()));
		for (String source : sources(set)) {
			List<Indicator> indicators = set.indicators().stream().filter(i -> i.source().equals(source)).toList();
			Frame frame = frame(source, set, indicators, query, asOf);
			if (frame == null) {
				continue;
			}
			Select<?> select = aggregate(frame, indicators, query);
			Result<?> rows = this.dsl.fetch((org.jooq.ResultQuery<?>) select);
			for (Record row : rows) {
				cells(row, frame, indicators, query.period(), byIndicator);
			}
		}
		List<IndicatorCell> cells = new ArrayList<>();
		byIndicator.values().forEach(cells::addAll);
		return withGroupNames(cells, query.grouping());
	}

	/**
	 * Renders the aggregate queries of a set (one per source), for tests and the
	 * benchmark.
	 * @param set the set
	 * @param query the query
	 * @param asOf the as-of day
	 * @return SQL per source
	 */
	public Map<String, String> sql(IndicatorSet set, IndicatorQuery query, LocalDate asOf) {
		Map<String, String> sql = new LinkedHashMap<>();
		for (String source : sources(set)) {
			List<Indicator> indicators = set.indicators().stream().filter(i -> i.source().equals(source)).toList();
			Frame frame = frame(source, set, indicators, query, asOf);
			if (frame != null) {
				sql.put(source, this.dsl.renderInlined(aggregate(frame, indicators, query)));
			}
		}
		return sql;
	}

	/**
	 * Lists the rows behind one number.
	 * @param set the set
	 * @param indicator the indicator
	 * @param q the drill-down (its results query already scoped)
	 * @param asOf the as-of day
	 * @return one page
	 */
	public IndicatorCasePage drillDown(IndicatorSet set, Indicator indicator, DrillDownQuery q, LocalDate asOf) {
		Frame frame = frame(indicator.source(), set, List.of(indicator), q.query(), asOf);
		if (frame == null || "PRACTICE".equals(indicator.source())) {
			return new IndicatorCasePage(List.of(), 0, q.page(), q.size());
		}
		Measure measure = "NUMERATOR".equals(q.part()) ? indicator.numerator() : indicator.denominator();
		List<Condition> where = new ArrayList<>(frame.where);
		where.add(attributed(frame, indicator));
		where.add(compile(measure.where(), frame));
		if (measure.kind().equals("SUM_BED_DAYS")) {
			where.add(C_STAY_BED_DAYS.isNotNull());
		}
		if (query(q).grouping() != Grouping.NONE) {
			where.add(frame.groupKey.eq(DSL.val(q.groupKey())));
		}
		Field<LocalDate> day = frame.day;
		if ("CASE".equals(indicator.source())) {
			day = caseDay(indicator.view().attribution());
			where.add(day.between(DSL.val(q.query().from()), DSL.val(q.query().to())));
		}
		where.add(periodIs(day, q.query().period(), q.period()));
		if (q.stratum() != null && !indicator.view().stratifiers().isEmpty()) {
			where.add(frame.stratum.apply(indicator.view().stratifiers().get(0)).eq(DSL.val(q.stratum())));
		}
		Condition all = DSL.and(where);
		long total = this.dsl.fetchCount(DSL.selectOne().from(frame.from).where(all));
		List<IndicatorCaseRow> rows = new ArrayList<>();
		if ("CASE".equals(indicator.source())) {
			Field<BigDecimal> contribution = contribution(measure, frame);
			for (Record r : this.dsl
				.select(C_CASE_ID, C_INSTITUTION, I_NAME, C_MRN, C_PSEUDONYM, C_OPERATION, C_DISCHARGE, PE_NAME,
						C_DEPARTMENT, contribution.as("contribution"))
				.from(frame.from)
				.leftJoin(INSTITUTION)
				.on(I_ID.eq(C_INSTITUTION))
				.leftJoin(PERSON)
				.on(PE_ID.eq(C_OPERATOR))
				.where(all)
				.orderBy(C_OPERATION, C_CASE_ID)
				.limit(q.size())
				.offset((long) q.page() * q.size())
				.fetch()) {
				rows.add(new IndicatorCaseRow(r.get(C_CASE_ID), r.get(C_INSTITUTION), nonNull(r.get(I_NAME)),
						r.get(C_MRN), nonNull(r.get(C_PSEUDONYM)), r.get(C_OPERATION), r.get(C_DISCHARGE),
						r.get(PE_NAME), r.get(C_DEPARTMENT), r.get("contribution", BigDecimal.class)));
			}
		}
		else {
			for (Record r : this.dsl.select(P_ID, P_INSTITUTION, I_NAME, P_MRN, P_DATE, PE_NAME, P_DEPARTMENT)
				.from(frame.from)
				.leftJoin(PERSON)
				.on(PE_ID.eq(P_OPERATOR))
				.where(all)
				.orderBy(P_DATE, P_ID)
				.limit(q.size())
				.offset((long) q.page() * q.size())
				.fetch()) {
				rows.add(new IndicatorCaseRow(r.get(P_ID), r.get(P_INSTITUTION), nonNull(r.get(I_NAME)), r.get(P_MRN),
						"", r.get(P_DATE), null, r.get(PE_NAME), r.get(P_DEPARTMENT), BigDecimal.ONE));
			}
		}
		return new IndicatorCasePage(rows, total, q.page(), q.size());
	}

	private static IndicatorQuery query(DrillDownQuery q) {
		return q.query();
	}

	private static String nonNull(@Nullable String s) {
		return (s == null) ? "" : s;
	}

	// ------------------------------------------------------------------ frames

	/** The compiled context of one data source. */
	private record Frame(String source, Table<?> from, List<Condition> where, Field<LocalDate> day,
			@Nullable Field<String> kind, Field<String> groupKey, List<Field<?>> groupFields,
			Function<String, Field<String>> stratum, Function<String, @Nullable Field<?>> fields, LocalDate asOf) {
	}

	private static Set<String> sources(IndicatorSet set) {
		Set<String> sources = new LinkedHashSet<>();
		set.indicators().forEach(i -> sources.add(i.source()));
		return sources;
	}

	private @Nullable Frame frame(String source, IndicatorSet set, List<Indicator> indicators, IndicatorQuery q,
			LocalDate asOf) {
		return switch (source) {
			case "CASE" -> caseFrame(set, indicators, q, asOf);
			case "DISCHARGE_PROCEDURE" -> procedureFrame(set, q, asOf);
			case "PRACTICE" -> practiceFrame(set, q, asOf);
			default -> throw new IllegalStateException(source);
		};
	}

	private Frame caseFrame(IndicatorSet set, List<Indicator> indicators, IndicatorQuery q, LocalDate asOf) {
		Set<String> attributions = new LinkedHashSet<>();
		indicators.forEach(i -> attributions.add(i.view().attribution()));
		// the cases in scope with a date of one of the attributions in the range; the
		// aggregate puts a case into the period of each date its indicators are
		// attributed by (caseAggregate), a drill-down by its indicator's date
		List<Condition> where = caseScope("c", set, q, attributions);
		Table<?> from = CASE;
		Set<String> periods = new TreeSet<>();
		boolean deaths = false;
		for (Indicator i : indicators) {
			for (Measure m : List.of(i.numerator(), i.denominator())) {
				deaths |= collectFollowUps(m.where(), periods);
			}
		}
		Map<String, Field<?>> followUps = new HashMap<>();
		if (!periods.isEmpty() || deaths) {
			List<SelectField<?>> columns = new ArrayList<>();
			columns.add(F_CASE_ID.as("case_id"));
			Condition live = F_CANCELLED.isNull();
			for (String period : periods) {
				String p = period.toLowerCase(Locale.ROOT);
				Condition at = F_PERIOD.eq(DSL.inline(period)).and(live);
				columns.add(DSL.max(F_PERFORMED).filterWhere(at).as("fu_" + p + "_performed"));
				columns.add(DSL.max(F_VITAL).filterWhere(at.and(F_PERFORMED.isNotNull())).as("fu_" + p + "_vital"));
				followUps.put("followUp." + period + ".performedOn", date("fu", "fu_" + p + "_performed"));
				followUps.put("followUp." + period + ".vitalStatus", text("fu", "fu_" + p + "_vital"));
			}
			columns.add(DSL.min(F_DEATH).as("fu_death"));
			followUps.put("followUpDeathDate", date("fu", "fu_death"));
			// The follow-ups of the cases in scope only — the same conditions on a second
			// reference to the view, as a semi-join — pivoted per case, then joined: the
			// planner reads them by index for one hospital's quarter and in one hashed
			// pass
			// for the province (a lateral lookup per case cost 40 µs a case, a pivot of
			// every follow-up row made one hospital's quarter cost as much as the
			// province:
			// docs/benchmark.md).
			Table<?> fu = DSL.select(columns)
				.from(FOLLOW_UP)
				.where(F_CASE_ID.in(DSL.select(uuid("c2", "case_id"))
					.from(DSL.table(DSL.name("cases", "indicator_case")).as("c2"))
					.where(caseScope("c2", set, q, attributions))))
				.groupBy(F_CASE_ID)
				.asTable("fu");
			from = from.leftJoin(fu).on(uuid("fu", "case_id").eq(C_CASE_ID));
		}
		Field<LocalDate> day = (attributions.size() == 1) ? caseDay(attributions.iterator().next()) : C_OPERATION;
		Field<String> groupKey = groupKey(q, C_INSTITUTION, C_OPERATOR, C_DEPARTMENT, C_REGION);
		Function<String, @Nullable Field<?>> fields = (name) -> {
			Field<?> fu = followUps.get(name);
			return (fu != null) ? fu : caseField(name);
		};
		Function<String, Field<String>> stratum = (name) -> {
			Field<?> typed = caseField(name);
			Field<String> value = (typed != null) ? typed.cast(SQLDataType.VARCHAR) : formText(name);
			return DSL.coalesce(value, DSL.inline(BLANK));
		};
		return new Frame("CASE", from, where, day, null, groupKey, groupFields(q.grouping(), groupKey), stratum, fields,
				asOf);
	}

	/**
	 * The cases a query reads, on the case view under the given alias: the set's
	 * technologies and form keys, the query's scope, and a date of one of the
	 * attributions within the range.
	 */
	private List<Condition> caseScope(String alias, IndicatorSet set, IndicatorQuery q, Set<String> attributions) {
		List<Condition> where = new ArrayList<>();
		if (!set.technologies().isEmpty()) {
			where.add(text(alias, "technology").in(set.technologies()));
		}
		if (!set.formKeys().isEmpty()) {
			where.add(text(alias, "form_key").in(set.formKeys()));
		}
		scope(where, q, uuid(alias, "institution_id"), text(alias, "institution_region_code"),
				uuid(alias, "operator_id"));
		List<Condition> inRange = new ArrayList<>();
		for (String attribution : attributions) {
			String column = "DISCHARGE_DATE".equals(attribution) ? "discharge_date" : "operation_date";
			inRange.add(date(alias, column).between(DSL.val(q.from()), DSL.val(q.to())));
		}
		where.add(DSL.or(inRange));
		return where;
	}

	private @Nullable Frame procedureFrame(IndicatorSet set, IndicatorQuery q, LocalDate asOf) {
		Table<?> from = PROCEDURE.join(INSTITUTION).on(I_ID.eq(P_INSTITUTION));
		List<Condition> where = new ArrayList<>();
		if (!set.technologies().isEmpty()) {
			where.add(P_TECHNOLOGY.in(set.technologies()));
		}
		where.add(P_DATE.between(DSL.val(q.from()), DSL.val(q.to())));
		scope(where, q, P_INSTITUTION, I_REGION, P_OPERATOR);
		Field<String> groupKey = groupKey(q, P_INSTITUTION, P_OPERATOR, P_DEPARTMENT, I_REGION);
		Map<String, Field<?>> fields = Map.of("procedureDate", P_DATE, "technology", P_TECHNOLOGY, "subTechnique",
				P_SUB_TECHNIQUE, "department", P_DEPARTMENT, "reported", P_REPORTED);
		Function<String, Field<String>> stratum = (name) -> DSL.coalesce(fields.get(name).cast(SQLDataType.VARCHAR),
				DSL.inline(BLANK));
		return new Frame("DISCHARGE_PROCEDURE", from, where, P_DATE, null, groupKey,
				groupFields(q.grouping(), groupKey), stratum, fields::get, asOf);
	}

	private @Nullable Frame practiceFrame(IndicatorSet set, IndicatorQuery q, LocalDate asOf) {
		if (q.operatorId() != null || q.grouping() == Grouping.OPERATOR || q.grouping() == Grouping.DEPARTMENT) {
			return null;
		}
		// practised institution × technology × period, from cases and the discharge scan
		Field<UUID> inst = uuid("x", "institution_id");
		Field<String> tech = text("x", "technology");
		Field<LocalDate> xDay = date("x", "day");
		List<Condition> caseWhere = new ArrayList<>(List.of(C_OPERATION.between(DSL.val(q.from()), DSL.val(q.to()))));
		List<Condition> procWhere = new ArrayList<>(List.of(P_DATE.between(DSL.val(q.from()), DSL.val(q.to()))));
		if (!set.technologies().isEmpty()) {
			caseWhere.add(C_TECHNOLOGY.in(set.technologies()));
			procWhere.add(P_TECHNOLOGY.in(set.technologies()));
		}
		if (q.institutionId() != null) {
			caseWhere.add(C_INSTITUTION.eq(q.institutionId()));
			procWhere.add(P_INSTITUTION.eq(q.institutionId()));
		}
		Table<?> x = DSL
			.select(C_INSTITUTION.as("institution_id"), C_TECHNOLOGY.as("technology"), C_OPERATION.as("day"))
			.from(CASE)
			.where(caseWhere)
			.unionAll(DSL.select(P_INSTITUTION, P_TECHNOLOGY, P_DATE).from(PROCEDURE).where(procWhere))
			.asTable("x");
		List<Field<Integer>> periodFields = periodFields(q.period(), xDay);
		List<SelectField<?>> cols = new ArrayList<>(List.of(inst.as("institution_id"), tech.as("technology")));
		for (int k = 0; k < periodFields.size(); k++) {
			cols.add(periodFields.get(k).as("k" + k));
		}
		Table<?> practised = DSL.selectDistinct(cols).from(x).asTable("pr");
		// the period end of each practised row: the period's last day, at most the
		// query's end
		Field<LocalDate> end = periodEnd(q.period(), q.to(), practised);
		Field<UUID> prInst = uuid("pr", "institution_id");
		Field<String> prTech = text("pr", "technology");
		// in force at the period end: activated by then, not revoked by then, and not
		// inside a suspension (the suspension day included, the resume day not)
		Condition suspendedAtEnd = DSL.exists(DSL.selectOne()
			.from(FILING_SUSPENSION)
			.where(FS_FILING.eq(FI_ID), FS_FROM.le(end), FS_UNTIL.isNull().or(FS_UNTIL.gt(end))));
		Condition active = DSL.exists(DSL.selectOne()
			.from(FILING)
			.where(FI_INSTITUTION.eq(prInst), FI_TECHNOLOGY.eq(prTech), FI_FROM.le(end),
					FI_UNTIL.isNull().or(FI_UNTIL.gt(end)), DSL.not(suspendedAtEnd)));
		Table<?> from = practised.join(INSTITUTION).on(I_ID.eq(prInst));
		List<Condition> where = new ArrayList<>();
		scope(where,
				new IndicatorQuery(q.setKey(), q.grouping(), q.period(), q.from(), q.to(), null, q.regionCode(), null),
				prInst, I_REGION, null);
		Field<String> groupKey = groupKey(q, prInst, null, null, I_REGION);
		Map<String, Field<?>> fields = Map.of("technology", prTech, "filingActive", DSL.field(active));
		Function<String, Field<String>> stratum = (name) -> DSL.coalesce(prTech, DSL.inline(BLANK));
		// the practice rows carry their period keys; "day" stands for them through
		// periodKeys()
		return new Frame("PRACTICE", from, where, DSL.inline((LocalDate) null, SQLDataType.LOCALDATE), null, groupKey,
				groupFields(q.grouping(), groupKey), stratum, fields::get, asOf);
	}

	private static Field<LocalDate> periodEnd(PeriodUnit unit, LocalDate to, Table<?> practised) {
		if (unit == PeriodUnit.ALL) {
			return DSL.val(to);
		}
		Field<Integer> y = DSL.field(DSL.name("pr", "k0"), Integer.class);
		Field<Integer> p = (unit == PeriodUnit.YEAR) ? DSL.inline(1) : DSL.field(DSL.name("pr", "k1"), Integer.class);
		int monthsPer = switch (unit) {
			case YEAR -> 12;
			case HALF_YEAR -> 6;
			case QUARTER -> 3;
			default -> 1;
		};
		// first day of the period, plus its length in months, minus one day
		Field<LocalDate> start = DSL.function(DSL.unquotedName("make_date"), SQLDataType.LOCALDATE, y,
				p.minus(DSL.inline(1)).times(DSL.inline(monthsPer)).plus(DSL.inline(1)), DSL.inline(1));
		Field<LocalDate> last = DSL.localDateAdd(DSL.localDateAdd(start, DSL.inline(monthsPer), DatePart.MONTH),
				DSL.inline(-1), DatePart.DAY);
		return DSL.least(last.cast(SQLDataType.LOCALDATE), DSL.val(to));
	}

	private void scope(List<Condition> where, IndicatorQuery q, Field<UUID> institution, Field<String> region,
			@Nullable Field<UUID> operator) {
		if (q.institutionId() != null) {
			where.add(institution.eq(q.institutionId()));
		}
		if (q.regionCode() != null) {
			where.add(region.startsWith(DSL.val(regionPrefix(q.regionCode()))));
			// a directly administered unit under the city's prefix is not the city's
			List<String> outside = this.regions.outside(q.regionCode());
			if (!outside.isEmpty()) {
				where.add(region.notIn(outside));
			}
		}
		if (q.operatorId() != null && operator != null) {
			where.add(operator.eq(q.operatorId()));
		}
	}

	/**
	 * @param code a region code
	 * @return the prefix its institutions' region codes start with: 2 digits for a
	 * province, 4 for a city, all 6 for a county
	 */
	public static String regionPrefix(String code) {
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		if (code.endsWith("00")) {
			return code.substring(0, 4);
		}
		return code;
	}

	private Field<String> groupKey(IndicatorQuery q, Field<UUID> institution, @Nullable Field<UUID> operator,
			@Nullable Field<String> department, Field<String> region) {
		Grouping grouping = q.grouping();
		if (grouping == Grouping.CITY) {
			Field<String> byDigits = DSL.concat(DSL.substring(region, DSL.inline(1), DSL.inline(4)), DSL.inline("00"));
			Map<String, String> exceptions = this.regions
				.cityExceptions((q.regionCode() == null) ? "" : regionPrefix(q.regionCode()));
			if (exceptions.isEmpty()) {
				return byDigits;
			}
			// 梅河口市 220581 is a city of its own, not part of 通化市 220500
			var choose = DSL.choose(region);
			org.jooq.CaseWhenStep<String, String> cases = null;
			for (Map.Entry<String, String> e : exceptions.entrySet()) {
				cases = (cases == null) ? choose.when(DSL.inline(e.getKey()), DSL.inline(e.getValue()))
						: cases.when(DSL.inline(e.getKey()), DSL.inline(e.getValue()));
			}
			return java.util.Objects.requireNonNull(cases).otherwise(byDigits);
		}
		return groupKey(grouping, institution, operator, department, region);
	}

	private static Field<String> groupKey(Grouping grouping, Field<UUID> institution, @Nullable Field<UUID> operator,
			@Nullable Field<String> department, Field<String> region) {
		return switch (grouping) {
			case NONE -> DSL.inline("ALL");
			case INSTITUTION -> institution.cast(SQLDataType.VARCHAR);
			case OPERATOR ->
				DSL.coalesce(requireNonNull(operator).cast(SQLDataType.VARCHAR), DSL.inline(NONE_OPERATOR));
			case DEPARTMENT -> DSL.coalesce(requireNonNull(department), DSL.inline(BLANK));
			case REGION -> region;
			case CITY -> DSL.concat(DSL.substring(region, DSL.inline(1), DSL.inline(4)), DSL.inline("00"));
		};
	}

	private static <T> T requireNonNull(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("grouping not available for this source");
		}
		return value;
	}

	private static List<Field<?>> groupFields(Grouping grouping, Field<String> groupKey) {
		return (grouping == Grouping.NONE) ? List.of() : List.of(groupKey);
	}

	private static List<Field<Integer>> periodFields(PeriodUnit unit, Field<LocalDate> day) {
		// extract() on a date (not date_trunc, whose result depends on the session time
		// zone); PostgreSQL answers
		// numeric: cast to int for make_date and for reading
		Field<Integer> year = DSL.extract(day, DatePart.YEAR).cast(SQLDataType.INTEGER);
		Field<Integer> month = DSL.extract(day, DatePart.MONTH).cast(SQLDataType.INTEGER);
		return switch (unit) {
			case ALL -> List.of();
			case YEAR -> List.of(year);
			case HALF_YEAR -> List.of(year, DSL.when(month.le(DSL.inline(6)), DSL.inline(1)).otherwise(DSL.inline(2)));
			case QUARTER -> List.of(year, DSL.extract(day, DatePart.QUARTER).cast(SQLDataType.INTEGER));
			case MONTH -> List.of(year, month);
		};
	}

	private static List<Field<Integer>> periodKeys(Frame frame, PeriodUnit unit) {
		if ("PRACTICE".equals(frame.source)) {
			int n = switch (unit) {
				case ALL -> 0;
				case YEAR -> 1;
				default -> 2;
			};
			List<Field<Integer>> keys = new ArrayList<>();
			for (int k = 0; k < n; k++) {
				keys.add(DSL.field(DSL.name("pr", "k" + k), Integer.class));
			}
			return keys;
		}
		return periodFields(unit, frame.day);
	}

	private static Condition periodIs(Field<LocalDate> day, PeriodUnit unit, String period) {
		if (unit == PeriodUnit.ALL) {
			return DSL.noCondition();
		}
		int[] keys = parsePeriod(unit, period);
		List<Field<Integer>> fields = periodFields(unit, day);
		List<Condition> conditions = new ArrayList<>();
		for (int k = 0; k < fields.size(); k++) {
			conditions.add(fields.get(k).eq(DSL.val(keys[k])));
		}
		return DSL.and(conditions);
	}

	/**
	 * @param unit period unit
	 * @param period a period label
	 * @return its keys (year, then half / quarter / month)
	 * @throws IllegalArgumentException when the label does not fit the unit
	 */
	public static int[] parsePeriod(PeriodUnit unit, String period) {
		java.util.regex.Pattern pattern = switch (unit) {
			case ALL -> java.util.regex.Pattern.compile("ALL");
			case YEAR -> java.util.regex.Pattern.compile("([0-9]{4})");
			case HALF_YEAR -> java.util.regex.Pattern.compile("([0-9]{4})-H([12])");
			case QUARTER -> java.util.regex.Pattern.compile("([0-9]{4})-Q([1-4])");
			case MONTH -> java.util.regex.Pattern.compile("([0-9]{4})-(0[1-9]|1[0-2])");
		};
		Matcher m = pattern.matcher(period);
		if (!m.matches()) {
			throw new IllegalArgumentException(period);
		}
		int[] keys = new int[m.groupCount()];
		for (int g = 0; g < keys.length; g++) {
			keys[g] = Integer.parseInt(m.group(g + 1));
		}
		return keys;
	}

	static String periodLabel(PeriodUnit unit, @Nullable Integer year, @Nullable Integer part) {
		return switch (unit) {
			case ALL -> "ALL";
			case YEAR -> String.valueOf(year);
			case HALF_YEAR -> year + "-H" + part;
			case QUARTER -> year + "-Q" + part;
			case MONTH -> YearMonth.of(nonNullInt(year), nonNullInt(part)).toString();
		};
	}

	private static int nonNullInt(@Nullable Integer value) {
		return (value == null) ? 0 : value;
	}

	// ------------------------------------------------------------------ aggregate

	private Select<?> aggregate(Frame frame, List<Indicator> indicators, IndicatorQuery q) {
		if ("CASE".equals(frame.source)) {
			return caseAggregate(frame, indicators, q);
		}
		PeriodUnit period = q.period();
		List<SelectField<?>> select = new ArrayList<>();
		select.add(frame.groupKey.as("g"));
		List<Field<Integer>> keys = periodKeys(frame, period);
		for (int k = 0; k < keys.size(); k++) {
			select.add(keys.get(k).as("k" + k));
		}
		List<String> stratifiers = stratifiers(indicators);
		List<Field<String>> strata = stratifiers.stream().map(frame.stratum).toList();
		for (int s = 0; s < strata.size(); s++) {
			select.add(strata.get(s).as("s" + s));
			select.add(DSL.grouping(strata.get(s)).as("gs" + s));
		}
		for (int i = 0; i < indicators.size(); i++) {
			Indicator indicator = indicators.get(i);
			Condition attributed = attributed(frame, indicator);
			select.add(measure(indicator.numerator(), frame, attributed).as("n" + i));
			select.add(measure(indicator.denominator(), frame, attributed).as("d" + i));
		}
		List<Field<?>> base = new ArrayList<>(frame.groupFields);
		base.addAll(keys);
		var query = this.dsl.select(select).from(frame.from).where(frame.where);
		if (strata.isEmpty()) {
			return base.isEmpty() ? query : query.groupBy(base);
		}
		List<Field<?>[]> sets = new ArrayList<>();
		sets.add(base.toArray(Field<?>[]::new));
		for (Field<String> s : strata) {
			List<Field<?>> withStratum = new ArrayList<>(base);
			withStratum.add(s);
			sets.add(withStratum.toArray(Field<?>[]::new));
		}
		GroupField grouping = DSL.groupingSets(sets.toArray(Field<?>[][]::new));
		return query.groupBy(grouping);
	}

	/**
	 * The date a case attribution puts a case into a period by.
	 */
	private static Field<LocalDate> caseDay(String attribution) {
		return "DISCHARGE_DATE".equals(attribution) ? C_DISCHARGE : C_OPERATION;
	}

	/**
	 * The aggregate over cases, in two levels (docs/indicators.md "Compiled SQL"):
	 * <ol>
	 * <li>an inner select, one row per case in scope having a date of the set's
	 * attributions within the query's range, evaluates every distinct numerator and
	 * denominator filter once into a boolean column, every summed field once into a
	 * numeric column, the group key and strata once; {@code OFFSET 0} keeps PostgreSQL
	 * from flattening it into the aggregates (which would evaluate the jsonb extractions
	 * once per aggregate again);</li>
	 * <li>the outer aggregate reads those narrow rows. A set attributing by one date
	 * groups each case once; a set mixing operation and discharge dates fans each case
	 * out into one row per attribution through a lateral {@code VALUES}, where the row of
	 * an attribution carries its date only when the case contributes to some measure of
	 * that attribution (otherwise the row falls out of the range), every aggregate
	 * filtering on its attribution.</li>
	 * </ol>
	 */
	private Select<?> caseAggregate(Frame frame, List<Indicator> indicators, IndicatorQuery q) {
		Map<String, String> aliases = new LinkedHashMap<>();
		List<SelectField<?>> inner = new ArrayList<>();
		// grouped by the institution's id itself (sorted as a uuid, not as text), named
		// as text in the result
		boolean grouped = q.grouping() != Grouping.NONE;
		if (grouped) {
			inner.add(((q.grouping() == Grouping.INSTITUTION) ? C_INSTITUTION : frame.groupKey).as("g"));
		}
		List<String> stratifiers = stratifiers(indicators);
		for (int s = 0; s < stratifiers.size(); s++) {
			inner.add(frame.stratum.apply(stratifiers.get(s)).as("s" + s));
		}
		// per attribution: which filters decide whether the case counts at all
		Map<String, List<Condition>> contributes = new LinkedHashMap<>();
		indicators.forEach(i -> contributes.computeIfAbsent(i.view().attribution(), a -> new ArrayList<>()));
		Set<String> always = new HashSet<>();
		List<String[]> measures = new ArrayList<>();
		for (Indicator indicator : indicators) {
			for (Measure m : List.of(indicator.numerator(), indicator.denominator())) {
				String condition = isAlways(m.where()) ? null : column(aliases, inner, "w", compile(m.where(), frame));
				if (condition == null) {
					always.add(indicator.view().attribution());
				}
				else {
					contributes.get(indicator.view().attribution()).add(DSL.condition(bool(condition)));
				}
				Field<?> value = switch (m.kind()) {
					case "COUNT_CASES", "COUNT_PROCEDURES", "COUNT_TECHNOLOGIES" -> null;
					case "COUNT_PATIENTS" -> C_PATIENT_KEY;
					case "COUNT_DISCHARGES" -> C_DISCHARGE_KEY;
					case "SUM" -> numeric(String.valueOf(m.field()), frame);
					case "SUM_BED_DAYS" -> C_STAY_BED_DAYS;
					default -> throw new IllegalStateException(m.kind());
				};
				String v = (value == null) ? null : column(aliases, inner, "v", value);
				measures.add(new String[] { indicator.view().attribution(), m.kind(), condition, v });
			}
		}
		List<String> attributions = List.copyOf(contributes.keySet());
		boolean fanOut = attributions.size() > 1;
		for (int a = 0; a < attributions.size(); a++) {
			inner.add(caseDay(attributions.get(a)).as("d" + a));
		}
		Table<?> rows = this.dsl.select(inner).from(frame.from).where(frame.where).offset(DSL.inline(0)).asTable("x");
		Table<?> from = rows;
		Field<LocalDate> day;
		Field<Integer> kind = null;
		if (fanOut) {
			List<org.jooq.Row2<Integer, LocalDate>> values = new ArrayList<>();
			for (int a = 0; a < attributions.size(); a++) {
				// the attribution's row carries its date only if the case counts in one
				// of
				// its measures: a case outside every such filter adds nothing there
				Field<LocalDate> d = date("x", "d" + a);
				values.add(DSL.row(DSL.inline(a), always.contains(attributions.get(a)) ? d
						: DSL.when(DSL.or(contributes.get(attributions.get(a))), d)));
			}
			@SuppressWarnings("unchecked")
			Table<?> a = DSL.lateral(DSL.values(values.toArray(org.jooq.Row2[]::new)).as("a", "kind", "day"));
			from = rows.crossJoin(a);
			day = date("a", "day");
			kind = DSL.field(DSL.name("a", "kind"), SQLDataType.INTEGER);
		}
		else {
			day = date("x", "d0");
		}
		List<SelectField<?>> select = new ArrayList<>();
		Field<Object> g = DSL.field(DSL.name("x", "g"));
		// without grouping the key is the constant of groupKey() ("ALL")
		select.add(grouped ? g.cast(SQLDataType.VARCHAR).as("g") : frame.groupKey.as("g"));
		List<Field<Integer>> keys = periodFields(q.period(), day);
		for (int k = 0; k < keys.size(); k++) {
			select.add(keys.get(k).as("k" + k));
		}
		List<Field<String>> strata = new ArrayList<>();
		for (int s = 0; s < stratifiers.size(); s++) {
			Field<String> stratum = text("x", "s" + s);
			strata.add(stratum);
			select.add(stratum.as("s" + s));
			select.add(DSL.grouping(stratum).as("gs" + s));
		}
		for (int i = 0; i < measures.size(); i++) {
			String[] m = measures.get(i);
			Condition filter = (kind == null) ? DSL.noCondition() : kind.eq(DSL.inline(attributions.indexOf(m[0])));
			if (m[2] != null) {
				filter = filter.and(DSL.condition(bool(m[2])));
			}
			Field<Object> v = (m[3] == null) ? null : DSL.field(DSL.name("x", m[3]));
			AggregateFunction<?> aggregate = switch (m[1]) {
				case "COUNT_CASES", "COUNT_PROCEDURES", "COUNT_TECHNOLOGIES" -> DSL.count();
				case "COUNT_PATIENTS", "COUNT_DISCHARGES" -> DSL.countDistinct(v);
				default -> DSL.sum(v.cast(SQLDataType.NUMERIC));
			};
			select
				.add(DSL.coalesce(aggregate.filterWhere(filter).cast(SQLDataType.NUMERIC), DSL.inline(BigDecimal.ZERO))
					.as(((i % 2 == 0) ? "n" : "d") + (i / 2)));
		}
		List<Field<?>> base = new ArrayList<>();
		if (grouped) {
			base.add(g);
		}
		base.addAll(keys);
		var query = this.dsl.select(select).from(from).where(day.between(DSL.val(q.from()), DSL.val(q.to())));
		if (strata.isEmpty()) {
			return base.isEmpty() ? query : query.groupBy(base);
		}
		List<Field<?>[]> sets = new ArrayList<>();
		sets.add(base.toArray(Field<?>[]::new));
		for (Field<String> s : strata) {
			List<Field<?>> withStratum = new ArrayList<>(base);
			withStratum.add(s);
			sets.add(withStratum.toArray(Field<?>[]::new));
		}
		return query.groupBy(DSL.groupingSets(sets.toArray(Field<?>[][]::new)));
	}

	private static boolean isAlways(Filter filter) {
		return filter instanceof Filter.Always;
	}

	private static Field<Boolean> bool(String column) {
		return DSL.field(DSL.name("x", column), SQLDataType.BOOLEAN);
	}

	/**
	 * Adds an expression to the inner select once (by its SQL) and returns its alias.
	 */
	private String column(Map<String, String> aliases, List<SelectField<?>> inner, String prefix, Field<?> expression) {
		String sql = this.dsl.renderInlined(expression);
		return aliases.computeIfAbsent(prefix + ":" + sql, k -> {
			String alias = prefix + aliases.size();
			inner.add(expression.as(alias));
			return alias;
		});
	}

	private String column(Map<String, String> aliases, List<SelectField<?>> inner, String prefix, Condition condition) {
		return column(aliases, inner, prefix, DSL.field(condition));
	}

	private static List<String> stratifiers(List<Indicator> indicators) {
		Set<String> names = new LinkedHashSet<>();
		indicators.forEach(i -> names.addAll(i.view().stratifiers()));
		return List.copyOf(names);
	}

	private static Condition attributed(Frame frame, Indicator indicator) {
		return (frame.kind == null) ? DSL.noCondition() : frame.kind.eq(DSL.inline(indicator.view().attribution()));
	}

	private static Field<BigDecimal> measure(Measure measure, Frame frame, Condition attributed) {
		Condition where = attributed.and(compile(measure.where(), frame));
		AggregateFunction<?> aggregate = switch (measure.kind()) {
			case "COUNT_CASES", "COUNT_PROCEDURES", "COUNT_TECHNOLOGIES" -> DSL.count();
			case "COUNT_PATIENTS" -> DSL.countDistinct(C_PATIENT_KEY);
			case "COUNT_DISCHARGES" -> DSL.countDistinct(C_DISCHARGE_KEY);
			case "SUM" -> DSL.sum(numeric(String.valueOf(measure.field()), frame));
			case "SUM_BED_DAYS" -> DSL.sum(C_STAY_BED_DAYS);
			default -> throw new IllegalStateException(measure.kind());
		};
		return DSL.coalesce(aggregate.filterWhere(where).cast(SQLDataType.NUMERIC), DSL.inline(BigDecimal.ZERO));
	}

	private static Field<BigDecimal> contribution(Measure measure, Frame frame) {
		return switch (measure.kind()) {
			case "SUM" -> DSL.coalesce(numeric(String.valueOf(measure.field()), frame), DSL.inline(BigDecimal.ZERO));
			case "SUM_BED_DAYS" -> DSL.coalesce(C_STAY_BED_DAYS.cast(SQLDataType.NUMERIC), DSL.inline(BigDecimal.ZERO));
			default -> DSL.inline(BigDecimal.ONE);
		};
	}

	private static Field<BigDecimal> numeric(String name, Frame frame) {
		Field<?> typed = frame.fields.apply(name);
		if (typed != null) {
			return typed.cast(SQLDataType.NUMERIC);
		}
		return formNumber(name);
	}

	// ------------------------------------------------------------------ filters

	/**
	 * Compiles a filter to a condition that is never unknown: a comparison on a missing
	 * value is false.
	 */
	static Condition compile(Filter filter, Frame frame) {
		return switch (filter) {
			case Filter.Always a -> DSL.trueCondition();
			case Filter.All all -> DSL.and(all.parts().stream().map(p -> compile(p, frame)).toList());
			case Filter.Any any -> DSL.or(any.parts().stream().map(p -> compile(p, frame)).toList());
			case Filter.Not not -> DSL.not(compile(not.part(), frame));
			case Filter.Compare c -> compare(c, frame);
			case Filter.WithinDaysOfOperation w -> {
				Field<LocalDate> f = asDate(frame.fields.apply(w.field()));
				yield f.isNotNull()
					.and(f.ge(C_OPERATION))
					.and(f.le(DSL.localDateAdd(C_OPERATION, DSL.inline(w.days())).cast(SQLDataType.LOCALDATE)));
			}
			// operation date + months <= as-of day, as a bound on the operation date
			// computed once (not a date arithmetic per case)
			case Filter.HorizonReached h -> C_OPERATION.le(DSL.val(latestOperation(frame.asOf, h.months())));
			case Filter.HasComplication h -> complication(h);
		};
	}

	/**
	 * @return the last operation date whose horizon ({@code months} later, the day of
	 * month clamped to the month's end as PostgreSQL's {@code date + interval} and
	 * {@link LocalDate#plusMonths} do) is reached on {@code asOf}; adding months never
	 * decreases a date, so the horizon is reached exactly for operation dates up to it
	 */
	static LocalDate latestOperation(LocalDate asOf, int months) {
		LocalDate last = asOf.minusMonths(months);
		while (last.plusMonths(months).isAfter(asOf)) {
			last = last.minusDays(1);
		}
		while (!last.plusDays(1).plusMonths(months).isAfter(asOf)) {
			last = last.plusDays(1);
		}
		return last;
	}

	@SuppressWarnings("unchecked")
	private static Field<LocalDate> asDate(@Nullable Field<?> field) {
		if (field == null) {
			throw new IllegalStateException("not a date field");
		}
		return (Field<LocalDate>) field;
	}

	private static Condition complication(Filter.HasComplication h) {
		List<String> parts = new ArrayList<>();
		if (h.serious() != null) {
			parts.add("@.serious == " + h.serious());
		}
		if (h.type() != null) {
			// the type is a code matching ^[A-Z_]+$ (schema): safe inside the path
			// literal
			parts.add("@.type == \"" + h.type() + "\"");
		}
		if (h.withinDays() != null) {
			parts.add("(!(exists (@.onsetDate)) || @.onsetDate == null || @.onsetDate <= $limit)");
		}
		String path = parts.isEmpty() ? "$[*]" : "$[*] ? (" + String.join(" && ", parts) + ")";
		Field<Boolean> exists;
		if (h.withinDays() != null) {
			Field<String> limit = DSL.localDateAdd(C_OPERATION, DSL.inline(h.withinDays()))
				.cast(SQLDataType.LOCALDATE)
				.cast(SQLDataType.VARCHAR);
			Field<JSONB> vars = DSL.function(DSL.unquotedName("jsonb_build_object"), SQLDataType.JSONB,
					DSL.inline("limit"), limit);
			exists = DSL.function(DSL.unquotedName("jsonb_path_exists"), SQLDataType.BOOLEAN, C_COMPLICATIONS,
					jsonPath(path), vars);
		}
		else {
			exists = DSL.function(DSL.unquotedName("jsonb_path_exists"), SQLDataType.BOOLEAN, C_COMPLICATIONS,
					jsonPath(path));
		}
		// most cases have none: an empty array is answered without building the path
		// variables and running the path
		Condition some = C_COMPLICATIONS.ne(DSL.inline(JSONB.valueOf("[]")));
		return DSL.coalesce(DSL.field(some.and(DSL.condition(exists))), DSL.inline(false)).isTrue();
	}

	/**
	 * PostgreSQL's {@code jsonpath} type, for the path literal of
	 * {@code jsonb_path_exists}.
	 */
	private static final DataType<String> JSONPATH = new DefaultDataType<>(SQLDialect.POSTGRES, String.class,
			"jsonpath");

	private static Field<String> jsonPath(String path) {
		return DSL.cast(DSL.inline(path), JSONPATH);
	}

	@SuppressWarnings("unchecked")
	private static Condition compare(Filter.Compare c, Frame frame) {
		Field<?> typed = frame.fields.apply(c.field());
		if (typed == null) {
			return compareForm(c);
		}
		Field<Object> f = (Field<Object>) typed;
		return switch (c.op()) {
			case "IS_NULL" -> f.isNull();
			case "NOT_NULL" -> f.isNotNull();
			case "IN" -> f.isNotNull().and(f.in(c.values().stream().map(v -> DSL.val(v, f)).toList()));
			default -> f.isNotNull().and(op(c.op(), f, DSL.val(c.values().get(0), f)));
		};
	}

	private static Condition compareForm(Filter.Compare c) {
		Field<String> text = formText(c.field());
		switch (c.op()) {
			case "IS_NULL":
				return text.isNull();
			case "NOT_NULL":
				return text.isNotNull();
			default:
				break;
		}
		boolean numeric = c.values().stream().allMatch(v -> v instanceof BigDecimal);
		if (numeric) {
			Field<BigDecimal> n = formNumber(c.field());
			if ("IN".equals(c.op())) {
				return n.isNotNull().and(n.in(c.values().stream().map(v -> DSL.val((BigDecimal) v)).toList()));
			}
			return n.isNotNull().and(op(c.op(), n, DSL.val((BigDecimal) c.values().get(0))));
		}
		List<Field<String>> values = c.values().stream().<Field<String>>map(v -> DSL.val(String.valueOf(v))).toList();
		if ("IN".equals(c.op())) {
			return text.isNotNull().and(text.in(values));
		}
		return text.isNotNull().and(op(c.op(), text, values.get(0)));
	}

	private static <T> Condition op(String op, Field<T> field, Field<T> value) {
		return switch (op) {
			case "GT" -> field.gt(value);
			case "GE" -> field.ge(value);
			case "LT" -> field.lt(value);
			case "LE" -> field.le(value);
			case "EQ" -> field.eq(value);
			default -> throw new IllegalStateException(op);
		};
	}

	private static Field<String> formText(String key) {
		return DSL.jsonbGetAttributeAsText(C_FORM_DATA, DSL.inline(key));
	}

	private static Field<BigDecimal> formNumber(String key) {
		Field<String> type = DSL.function(DSL.unquotedName("jsonb_typeof"), SQLDataType.VARCHAR,
				DSL.jsonbGetAttribute(C_FORM_DATA, DSL.inline(key)));
		return DSL.when(type.eq(DSL.inline("number")), formText(key).cast(SQLDataType.NUMERIC));
	}

	private static @Nullable Field<?> caseField(String name) {
		return switch (name) {
			case "operationDate" -> C_OPERATION;
			case "admissionDate" -> C_ADMISSION;
			case "dischargeDate" -> C_DISCHARGE;
			case "deathDate" -> C_DEATH;
			case "dischargeStatus" -> C_DISCHARGE_STATUS;
			case "department" -> C_DEPARTMENT;
			case "technology" -> C_TECHNOLOGY;
			case "subTechnique" -> C_SUB_TECHNIQUE;
			case "formKey" -> C_FORM_KEY;
			case "bedDays" -> C_BED_DAYS;
			case "stayBedDays" -> C_STAY_BED_DAYS;
			default -> null;
		};
	}

	/**
	 * @return whether the filter uses follow-up death dates; adds follow-up periods used
	 */
	private static boolean collectFollowUps(Filter filter, Set<String> periods) {
		return switch (filter) {
			case Filter.All all ->
				all.parts().stream().map(p -> collectFollowUps(p, periods)).reduce(false, Boolean::logicalOr);
			case Filter.Any any ->
				any.parts().stream().map(p -> collectFollowUps(p, periods)).reduce(false, Boolean::logicalOr);
			case Filter.Not not -> collectFollowUps(not.part(), periods);
			case Filter.Compare c -> followUpField(c.field(), periods);
			case Filter.WithinDaysOfOperation w -> followUpField(w.field(), periods);
			default -> false;
		};
	}

	private static boolean followUpField(String field, Set<String> periods) {
		Matcher m = IndicatorSetLoader.FOLLOW_UP_FIELD.matcher(field);
		if (m.matches()) {
			periods.add("P" + m.group(1) + m.group(2));
		}
		return "followUpDeathDate".equals(field);
	}

	// ------------------------------------------------------------------ results

	private static void cells(Record row, Frame frame, List<Indicator> indicators, PeriodUnit period,
			Map<String, List<IndicatorCell>> out) {
		String group = row.get("g", String.class);
		Integer year = null;
		Integer part = null;
		if (period != PeriodUnit.ALL) {
			year = row.get("k0", Integer.class);
			part = (period == PeriodUnit.YEAR) ? null : row.get("k1", Integer.class);
		}
		String label = periodLabel(period, year, part);
		List<String> stratifiers = stratifiers(indicators);
		String stratifier = null;
		String stratum = null;
		for (int s = 0; s < stratifiers.size(); s++) {
			Integer grouped = row.get("gs" + s, Integer.class);
			if (grouped != null && grouped == 0) {
				stratifier = stratifiers.get(s);
				stratum = row.get("s" + s, String.class);
			}
		}
		for (int i = 0; i < indicators.size(); i++) {
			Indicator indicator = indicators.get(i);
			if (stratifier != null && !indicator.view().stratifiers().contains(stratifier)) {
				continue;
			}
			BigDecimal numerator = row.get("n" + i, BigDecimal.class);
			BigDecimal denominator = row.get("d" + i, BigDecimal.class);
			BigDecimal value = value(indicator.view().kind(), numerator, denominator);
			Threshold threshold = indicator.view().threshold();
			Boolean meets = (threshold == null || value == null) ? null : threshold.isMetBy(value);
			out.get(indicator.code())
				.add(new IndicatorCell(indicator.code(), group, group, label, stratum, plain(numerator),
						plain(denominator), value, meets));
		}
	}

	/**
	 * A count or sum without trailing zeros and never with a negative scale: 860, not
	 * 860.000 nor 8.6E+2.
	 */
	static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	static @Nullable BigDecimal value(String kind, BigDecimal numerator, BigDecimal denominator) {
		if (denominator.signum() == 0) {
			return null;
		}
		BigDecimal n = "RATE".equals(kind) ? numerator.multiply(BigDecimal.valueOf(100)) : numerator;
		return n.divide(denominator, 2, RoundingMode.HALF_UP);
	}

	private List<IndicatorCell> withGroupNames(List<IndicatorCell> cells, Grouping grouping) {
		Set<String> keys = new LinkedHashSet<>();
		cells.forEach(c -> keys.add(c.groupKey()));
		Map<String, String> names = new HashMap<>();
		switch (grouping) {
			case NONE -> names.put("ALL", "全部");
			case INSTITUTION -> this.dsl.select(I_ID, I_NAME)
				.from(INSTITUTION)
				.where(I_ID.in(uuids(keys)))
				.forEach(r -> names.put(String.valueOf(r.get(I_ID)), r.get(I_NAME)));
			case OPERATOR -> {
				names.put(NONE_OPERATOR, "（未填术者）");
				this.dsl.select(PE_ID, PE_NAME)
					.from(PERSON)
					.where(PE_ID.in(uuids(keys)))
					.forEach(r -> names.put(String.valueOf(r.get(PE_ID)), r.get(PE_NAME)));
			}
			case REGION,
					CITY ->
				this.dsl.select(R_CODE, R_NAME)
					.from(REGION)
					.where(R_CODE.in(keys))
					.forEach(r -> names.put(r.get(R_CODE), r.get(R_NAME)));
			case DEPARTMENT -> keys.forEach(k -> names.put(k, k));
		}
		return cells.stream()
			.map(c -> new IndicatorCell(c.indicatorCode(), c.groupKey(), names.getOrDefault(c.groupKey(), c.groupKey()),
					c.period(), c.stratum(), c.numerator(), c.denominator(), c.value(), c.meetsThreshold()))
			.toList();
	}

	private static List<UUID> uuids(Set<String> keys) {
		List<UUID> ids = new ArrayList<>();
		for (String key : keys) {
			try {
				ids.add(UUID.fromString(key));
			}
			catch (IllegalArgumentException ex) {
				// NONE and other non-id keys have no name to look up
			}
		}
		return ids;
	}

}
