package cn.rtms.rules.engine.rule;

/**
 * How yearly case volumes are compared with a minimum.
 */
public enum VolumeMode {

	/** Every year of the window must reach the minimum. */
	EACH_YEAR,
	/** The sum over the window must reach the minimum. */
	TOTAL

}
