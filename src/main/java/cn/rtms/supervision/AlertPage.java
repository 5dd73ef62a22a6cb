package cn.rtms.supervision;

import java.util.List;

/**
 * One page of the alert list.
 *
 * @param items the alerts of this page
 * @param total how many match the filters
 * @param page zero-based page
 * @param size page size
 */
public record AlertPage(List<AlertView> items, long total, int page, int size) {

	/**
	 * Copies the list.
	 */
	public AlertPage {
		items = List.copyOf(items);
	}

}
