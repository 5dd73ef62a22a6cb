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
 * @param flag restrict to cases carrying this flag code
 * @param from operation date on or after
 * @param to operation date on or before
 * @param page zero-based page
 * @param size page size (1–500, default 50)
 */
public record CaseQuery(@Nullable UUID institutionId, @Nullable String technology, @Nullable String status,
		@Nullable String flag, @Nullable LocalDate from, @Nullable LocalDate to, int page, int size) {

	/** Largest page. */
	public static final int MAX_SIZE = 500;

	/**
	 * Bounds page and size.
	 */
	public CaseQuery {
		page = Math.max(page, 0);
		size = (size <= 0) ? 50 : Math.min(size, MAX_SIZE);
	}

}
