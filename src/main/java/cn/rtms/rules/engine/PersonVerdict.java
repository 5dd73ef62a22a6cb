package cn.rtms.rules.engine;

import cn.rtms.rules.engine.rule.Status;
import org.jspecify.annotations.Nullable;

/**
 * Whether one physician of an institution is eligible under the spec (all PHYSICIAN
 * clauses).
 *
 * @param personId the person's id, if known
 * @param name the person's name
 * @param status the verdict
 */
public record PersonVerdict(@Nullable String personId, String name, Status status) {

	/**
	 * Returns the status's Chinese label.
	 * @return e.g. 符合
	 */
	public String statusLabel() {
		return this.status.label();
	}

}
