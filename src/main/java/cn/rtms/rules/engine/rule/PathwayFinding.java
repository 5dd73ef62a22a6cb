package cn.rtms.rules.engine.rule;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why one trainee pathway has its verdict: the pathway's Chinese label, its verdict, and
 * each of its clauses that is not met, cited with its explanation.
 *
 * @param pathway the pathway in Chinese, e.g. 系统培训
 * @param status the pathway's verdict
 * @param unmet "ref：explanation" of each clause of the pathway that is not met
 * @param basis what makes the pathway met other than its clauses (a granted exemption),
 * {@code null} when its clauses decide
 */
public record PathwayFinding(String pathway, Status status, List<String> unmet, @Nullable String basis) {

	/**
	 * A finding decided by the pathway's clauses.
	 * @param pathway the pathway in Chinese
	 * @param status the verdict
	 * @param unmet the clauses not met
	 */
	public PathwayFinding(String pathway, Status status, List<String> unmet) {
		this(pathway, status, unmet, null);
	}

	/**
	 * Copies the list.
	 */
	public PathwayFinding {
		unmet = List.copyOf(unmet);
	}

}
