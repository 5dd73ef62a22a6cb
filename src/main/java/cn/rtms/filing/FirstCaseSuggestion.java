package cn.rtms.filing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The first-case date the filing form proposes for a technology, from the institution's
 * own records (docs/filing.md, "Guidance").
 *
 * @param technology technology code
 * @param firstCaseDate the earliest submitted registry case of the technology, or the
 * first day of the earliest month (or year) with cases in the institution's recorded case
 * volumes; null when the institution has no record of a case
 * @param source {@code REGISTRY} (病例登记), {@code VOLUMES} (机构登记的开展例数) or null
 * @param note what the date rests on, in Chinese, to show beside the field
 */
public record FirstCaseSuggestion(String technology, @Nullable LocalDate firstCaseDate, @Nullable String source,
		String note) {
}
