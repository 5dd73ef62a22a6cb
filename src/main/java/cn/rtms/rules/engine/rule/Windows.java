package cn.rtms.rules.engine.rule;

/**
 * Reading of the {@code window} parameter shared by the rules that count back in years.
 */
final class Windows {

	private Windows() {
	}

	/**
	 * Reads {@code window} (default CALENDAR_YEARS); a rolling window can only be summed,
	 * so it is refused with EACH_YEAR.
	 */
	static WindowMode mode(RuleParameters parameters, VolumeMode mode) {
		WindowMode window = parameters.optionalEnum("window", WindowMode.class);
		if (window == WindowMode.ROLLING && mode == VolumeMode.EACH_YEAR) {
			parameters.problem("window", "滚动窗口（ROLLING）只能按合计（TOTAL）计算");
		}
		return (window != null) ? window : WindowMode.CALENDAR_YEARS;
	}

	/**
	 * "基准日前 1 年内": the reference date is the evaluation date, or the issue date with asOf
	 * ISSUE_DATE.
	 */
	static String rollingLabel(int years) {
		return "基准日前 " + years + " 年内";
	}

}
