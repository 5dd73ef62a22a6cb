package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;

/**
 * Shared helpers for Chinese explanations and date arithmetic.
 */
final class Texts {

	static final String NO_INSTITUTION = "未提供医疗机构信息";

	static final String NO_PERSON = "未提供人员信息";

	private Texts() {
	}

	/**
	 * Formats a period as years and months, e.g. "4 年 11 个月", "5 年", "11 个月".
	 */
	static String duration(Period period) {
		int years = period.getYears();
		int months = period.getMonths();
		if (years > 0 && months > 0) {
			return years + " 年 " + months + " 个月";
		}
		if (years > 0) {
			return years + " 年";
		}
		return months + " 个月";
	}

	/**
	 * The period from {@code from} to {@code to}, zero when {@code from} is after
	 * {@code to}.
	 */
	static Period between(LocalDate from, LocalDate to) {
		return from.isAfter(to) ? Period.ZERO : Period.between(from, to);
	}

	static String join(@Nullable List<String> values) {
		if (values == null || values.isEmpty()) {
			return "无";
		}
		return String.join("、", values);
	}

	/** "肿瘤科或外科" style alternatives. */
	static String or(List<String> values) {
		return String.join("或", values);
	}

	/** Whether {@code value} starts with any of {@code prefixes}. */
	static boolean startsWithAny(@Nullable String value, List<String> prefixes) {
		if (value == null) {
			return false;
		}
		for (String prefix : prefixes) {
			if (value.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code value} contains any of {@code parts}. */
	static boolean containsAny(@Nullable String value, List<String> parts) {
		if (value == null) {
			return false;
		}
		for (String part : parts) {
			if (value.contains(part)) {
				return true;
			}
		}
		return false;
	}

	static String name(PersonFacts person) {
		return (person.name() != null) ? person.name() : (person.id() != null) ? person.id() : "（未署名）";
	}

	static String name(InstitutionFacts institution) {
		return (institution.name() != null) ? institution.name() : "医疗机构";
	}

	/** Whether a dated fact counts at the reference date (undated facts always count). */
	static boolean onOrBefore(@Nullable LocalDate date, LocalDate reference) {
		return date == null || !date.isAfter(reference);
	}

}
