package cn.rtms.cases;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A search of case reports within the caller's scope.
 *
 * @param institutionId restrict to an institution
 * @param technology restrict to a technology
 * @param status restrict to DRAFT or SUBMITTED
 * @param flag restrict to cases carrying this flag code, or to those carrying any
 * blocking flag ({@link CaseFlag#ANY_BLOCKING}, {@code BLOCKING})
 * @param from operation date on or after
 * @param to operation date on or before
 * @param page zero-based page
 * @param size page size (1–500, default 50)
 * @param q a 病案号 or 住院号 (or its beginning), or — for the hospital's own users — a
 * patient's 18-digit ID number; at most {@value #MAX_Q} characters
 */
public record CaseQuery(@Nullable UUID institutionId, @Nullable String technology, @Nullable String status,
		@Nullable String flag, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size,
		@Nullable String q) {

	/** Longest search text (a 病案号 or 住院号 has at most 40 characters). */
	public static final int MAX_Q = 40;

	/** Largest page. */
	public static final int MAX_SIZE = 500;

	/**
	 * Largest page number: beyond it a page is as empty as at it, and page × size stays
	 * an int.
	 */
	public static final int MAX_PAGE = 1_000_000;

	/**
	 * Bounds page and size.
	 */
	public CaseQuery {
		page = Math.min(Math.max(page, 0), MAX_PAGE);
		size = (size <= 0) ? 50 : Math.min(size, MAX_SIZE);
		q = (q == null || q.isBlank()) ? null : q.strip();
	}

	/** A search without search text. */
	public CaseQuery(@Nullable UUID institutionId, @Nullable String technology, @Nullable String status,
			@Nullable String flag, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {
		this(institutionId, technology, status, flag, from, to, page, size, null);
	}

}
