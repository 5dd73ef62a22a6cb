package cn.rtms.supervision;

import java.util.List;

/**
 * What one run of the checks changed.
 *
 * @param raised new alerts
 * @param reopened alerts whose condition came back
 * @param updated alerts still holding
 * @param closed alerts whose condition disappeared
 * @param failures the kinds whose check failed, with why (their alerts were left as they
 * were)
 */
public record RefreshResult(int raised, int reopened, int updated, int closed, List<String> failures) {

	/**
	 * Copies the list.
	 */
	public RefreshResult {
		failures = List.copyOf(failures);
	}

}
