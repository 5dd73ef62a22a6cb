package cn.rtms.cases.followup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What narrows a follow-up list beyond its status and institution.
 *
 * @param q the beginning of the case's 病案号 or 住院号 (at most 40 characters, {@code %} and
 * {@code _} literal; not an ID number), or null
 * @param dueFrom due on or after (应随访日期), or null
 * @param dueTo due on or before, or null
 */
public record FollowUpSearch(@Nullable String q, @Nullable LocalDate dueFrom, @Nullable LocalDate dueTo) {

	/** No narrowing. */
	public static final FollowUpSearch NONE = new FollowUpSearch(null, null, null);

	/**
	 * Blank search text is none; the text is stripped.
	 */
	public FollowUpSearch {
		q = (q == null || q.isBlank()) ? null : q.strip();
	}

	/**
	 * @param q the search text
	 * @return a search by 病案号 or 住院号 only
	 */
	public static FollowUpSearch recordNo(@Nullable String q) {
		return new FollowUpSearch(q, null, null);
	}

}
