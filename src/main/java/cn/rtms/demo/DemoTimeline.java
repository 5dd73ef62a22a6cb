package cn.rtms.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Moves the demo dataset, written as of {@link #REFERENCE_DATE}, to the day of the first
 * start, so that a demo started years later still looks current: licences not expired,
 * case volumes up to last year, recent titles as recent as documented.
 * <p>
 * History before {@link #PIVOT} stays where it is, because some demo people show
 * exemptions judged "before the spec was issued" (本规范印发之日前, fixed dates in 2022);
 * everything after it keeps its distance (years, months, days) to today. Yearly figures
 * move by whole years: years after {@link #PIVOT_YEAR} move, years before stay, and the
 * pivot year's figure stays and is repeated in the years that open up, so the issue-date
 * windows (the five years before 2022-11-22, which end in 2022) keep exactly their
 * figures and the "last N years" windows keep theirs up to the pivot year's repetition.
 * Nothing moves when today is on or before the reference date.
 */
final class DemoTimeline {

	/** The "today" the demo file was written for (docs/demo-data.md). */
	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 22);

	/** Dates on or before this day are history and never move. */
	static final LocalDate PIVOT = LocalDate.of(2021, 11, 22);

	/**
	 * Yearly figures of this year and earlier never move: the year of the provincial
	 * specs' issue date (see the class comment).
	 */
	static final int PIVOT_YEAR = 2022;

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final LocalDate today;

	private final Period period;

	private final int years;

	DemoTimeline(LocalDate today) {
		boolean later = today.isAfter(REFERENCE_DATE);
		this.today = later ? today : REFERENCE_DATE;
		this.period = later ? Period.between(REFERENCE_DATE, today) : Period.ZERO;
		this.years = later ? today.getYear() - REFERENCE_DATE.getYear() : 0;
	}

	/**
	 * @return how far "today" moved from the reference date
	 */
	Period period() {
		return this.period;
	}

	/**
	 * @return years every recent yearly figure moves by
	 */
	int years() {
		return this.years;
	}

	/**
	 * A recent day keeps its distance to "today" in years, months and days (a title held
	 * 4 years 11 months on the reference date is held 4 years 11 months on the new day; a
	 * licence expiring 1 month 18 days after it expires 1 month 18 days after today).
	 * @return the day as it appears in the moved demo
	 */
	LocalDate shift(LocalDate date) {
		if (!date.isAfter(PIVOT) || this.period.isZero()) {
			return date;
		}
		return date.isAfter(REFERENCE_DATE) ? this.today.plus(Period.between(REFERENCE_DATE, date))
				: this.today.minus(Period.between(date, REFERENCE_DATE));
	}

	/**
	 * Moves a demo record in place: every {@code yyyy-MM-dd} text and every list of
	 * objects with a {@code year}.
	 * @return the same node
	 */
	JsonNode shift(JsonNode node) {
		if (this.period.isZero() && this.years == 0) {
			return node;
		}
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
				JsonNode value = field.getValue();
				if (value.isString() && ISO_DATE.matcher(value.asString()).matches()) {
					object.set(field.getKey(), shiftText(value.asString()));
				}
				else {
					shift(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			if (isYearly(array)) {
				shiftYears(array);
			}
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				if (value.isString() && ISO_DATE.matcher(value.asString()).matches()) {
					array.set(i, shiftText(value.asString()));
				}
				else {
					shift(value);
				}
			}
		}
		return node;
	}

	private JsonNode shiftText(String text) {
		try {
			return StringNode.valueOf(shift(LocalDate.parse(text)).toString());
		}
		catch (DateTimeParseException notADate) {
			return StringNode.valueOf(text);
		}
	}

	private static boolean isYearly(ArrayNode array) {
		if (array.isEmpty()) {
			return false;
		}
		for (JsonNode element : array) {
			if (!(element instanceof ObjectNode) || !element.path("year").isIntegralNumber()) {
				return false;
			}
		}
		return true;
	}

	private void shiftYears(ArrayNode array) {
		List<ObjectNode> moved = new ArrayList<>();
		List<ObjectNode> monthly = new ArrayList<>();
		for (JsonNode element : array) {
			ObjectNode row = (ObjectNode) element;
			int year = row.get("year").asInt();
			if (row.path("month").isIntegralNumber()) {
				YearMonth month = YearMonth.of(year, row.get("month").asInt()).plusMonths(this.period.toTotalMonths());
				monthly.add(row.deepCopy().put("year", month.getYear()).put("month", month.getMonthValue()));
			}
			else if (year > PIVOT_YEAR) {
				moved.add(row.deepCopy().put("year", year + this.years));
			}
			else {
				moved.add(row);
				if (year == PIVOT_YEAR) {
					for (int y = PIVOT_YEAR + 1; y <= PIVOT_YEAR + this.years; y++) {
						moved.add(row.deepCopy().put("year", y));
					}
				}
			}
		}
		spreadWholeYearsMetByMonths(moved, monthly);
		array.removeAll();
		array.addAll(moved);
		array.addAll(monthly);
	}

	/**
	 * Monthly rows keep their distance to today in months, so they may land in a year
	 * that also has a whole-year row; the engine would then ignore them (a whole year
	 * takes precedence). Such a year's figure is spread over its other months instead
	 * (the whole-year figure divided by 12 each), so rolling windows see the months and
	 * the calendar year keeps about its total.
	 */
	private static void spreadWholeYearsMetByMonths(List<ObjectNode> rows, List<ObjectNode> monthly) {
		for (ObjectNode whole : List.copyOf(rows)) {
			Set<Integer> covered = new TreeSet<>();
			for (ObjectNode month : monthly) {
				if (sameSeries(whole, month) && month.get("year").asInt() == whole.get("year").asInt()) {
					covered.add(month.get("month").asInt());
				}
			}
			if (covered.isEmpty()) {
				continue;
			}
			rows.remove(whole);
			int perMonth = Math.round(whole.path("cases").asInt() / 12f);
			for (int m = 1; m <= 12; m++) {
				if (!covered.contains(m)) {
					rows.add(whole.deepCopy().put("month", m).put("cases", perMonth));
				}
			}
		}
	}

	private static boolean sameSeries(ObjectNode a, ObjectNode b) {
		for (String field : List.of("technology", "subTechnique", "category")) {
			if (!a.path(field).asString("").equals(b.path(field).asString(""))) {
				return false;
			}
		}
		return true;
	}

}
