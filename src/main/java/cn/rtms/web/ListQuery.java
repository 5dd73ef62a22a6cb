package cn.rtms.web;

import org.jspecify.annotations.Nullable;

/**
 * The paging and sorting part of a list request: {@code page} (from 0), {@code size}
 * (1–{@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}) and {@code sort} ({@code key} or
 * {@code key,asc} / {@code key,desc}; each list names its keys, see docs/lists.md).
 * Out-of-range page and size are bounded rather than refused, an unknown sort key is
 * refused ({@link SortKeys#parse}).
 *
 * @param page zero-based page
 * @param size rows per page
 * @param sort the requested sort, or null for the list's default
 */
public record ListQuery(int page, int size, @Nullable String sort) {

	/** Largest page a list returns. */
	public static final int MAX_SIZE = 200;

	/** Page size when none is asked for. */
	public static final int DEFAULT_SIZE = 20;

	/**
	 * Bounds page and size.
	 */
	public ListQuery {
		page = Math.max(page, 0);
		size = (size <= 0) ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		sort = (sort == null || sort.isBlank()) ? null : sort.strip();
	}

	/**
	 * @return the offset of the first row of this page
	 */
	public long offset() {
		return (long) this.page * this.size;
	}

}
