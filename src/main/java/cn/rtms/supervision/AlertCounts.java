package cn.rtms.supervision;

import java.util.List;

/**
 * The alerts of the current user's scope per kind and status.
 *
 * @param open alerts OPEN for the viewer (not acknowledged by its side)
 * @param acknowledged alerts the viewer's side acknowledged, still holding
 * @param kinds per kind, in the order of {@link AlertKind}
 */
public record AlertCounts(long open, long acknowledged, List<AlertKindCount> kinds) {

	/**
	 * Copies the list.
	 */
	public AlertCounts {
		kinds = List.copyOf(kinds);
	}

	/**
	 * One kind.
	 *
	 * @param kind the kind
	 * @param kindLabel in Chinese
	 * @param open open for the viewer
	 * @param acknowledged acknowledged by the viewer's side, still holding
	 */
	public record AlertKindCount(String kind, String kindLabel, long open, long acknowledged) {
	}

}
