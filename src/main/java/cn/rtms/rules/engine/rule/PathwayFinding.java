package cn.rtms.rules.engine.rule;

import java.util.List;

/**
 * Why one trainee pathway has its verdict: the pathway's Chinese label, its verdict, and
 * each of its clauses that is not met, cited with its explanation.
 *
 * @param pathway the pathway in Chinese, e.g. 系统培训
 * @param status the pathway's verdict
 * @param unmet "ref：explanation" of each clause of the pathway that is not met
 */
public record PathwayFinding(String pathway, Status status, List<String> unmet) {

	/**
	 * Copies the list.
	 */
	public PathwayFinding {
		unmet = List.copyOf(unmet);
	}

}
