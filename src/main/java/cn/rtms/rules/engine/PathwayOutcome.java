package cn.rtms.rules.engine;

import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Pathway;

/**
 * The verdict on one trainee pathway (all its clauses must be met).
 *
 * @param pathway the pathway
 * @param status the verdict
 */
public record PathwayOutcome(Pathway pathway, Status status) {

	/**
	 * Returns the pathway's Chinese label.
	 * @return e.g. 免于培训
	 */
	public String pathwayLabel() {
		return this.pathway.label();
	}

	/**
	 * Returns the status's Chinese label.
	 * @return e.g. 符合
	 */
	public String statusLabel() {
		return this.status.label();
	}

}
