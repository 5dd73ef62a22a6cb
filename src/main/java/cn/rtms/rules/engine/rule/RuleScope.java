package cn.rtms.rules.engine.rule;

/**
 * Which facts a rule reads, hence which clause subjects it may be used for.
 */
public enum RuleScope {

	/** Institution facts: clauses with subject INSTITUTION or TRAINING_BASE. */
	INSTITUTION,
	/** Person facts: clauses with subject PHYSICIAN, STAFF or TRAINEE. */
	PERSON,
	/** Composites: determined by their parts. */
	ANY

}
