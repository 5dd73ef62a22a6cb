package cn.rtms.rules.engine.rule;

/**
 * How a rule's "N 年" window is read.
 */
public enum WindowMode {

	/**
	 * The N complete calendar years before the year of the reference date ("近 N 年" read
	 * as statistical years; the default).
	 */
	CALENDAR_YEARS,
	/**
	 * The N years ending at the reference date: from the reference date minus N years up
	 * to the day before it ("申报前一年内", "印发之日前…近 5 年").
	 */
	ROLLING

}
