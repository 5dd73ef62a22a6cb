package cn.rtms.web;

import java.util.List;

/**
 * One page of a list: its rows, how many match in all, and the page, size and sort that
 * produced it (the sort as applied, so a client can show it).
 *
 * @param <T> the row type
 * @param items the rows of this page
 * @param total how many rows match the filters in all
 * @param page zero-based page
 * @param size rows per page
 * @param sort the sort applied, {@code key,asc} or {@code key,desc}
 */
public record ListPage<T>(List<T> items, long total, int page, int size, String sort) {

	/**
	 * @param items the rows of this page
	 */
	public ListPage {
		items = List.copyOf(items);
	}

}
