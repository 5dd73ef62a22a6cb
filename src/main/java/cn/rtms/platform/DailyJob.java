package cn.rtms.platform;

/**
 * A job that runs once a day on a cron trigger (zone Asia/Shanghai) through
 * {@link ClusterJobs#oncePerDay}, so that it runs at most once per day across all nodes.
 * Subclasses are beans; {@link MissedDailyJobs} runs each at start-up when today's
 * trigger passed while no node was running (a server started at 09:00 would otherwise
 * wait until tomorrow for the 06:30 alerts) or when it never ran on the database. The
 * getters are not final: a subclass with transactional methods is reached through a class
 * proxy, which must pass them on to the bean.
 */
public abstract class DailyJob {

	private final String jobName;

	private final String cron;

	/**
	 * @param jobName the job's name in {@code platform.job_run}
	 * @param cron the cron expression the job is scheduled with ({@code -}: disabled)
	 */
	protected DailyJob(String jobName, String cron) {
		this.jobName = jobName;
		this.cron = cron;
	}

	/**
	 * @return the job's name in {@code platform.job_run}
	 */
	public String jobName() {
		return this.jobName;
	}

	/**
	 * @return the cron expression the job is scheduled with ({@code -}: disabled)
	 */
	public String cron() {
		return this.cron;
	}

	/**
	 * Runs today's job unless a node ran it today (the scheduled entry point).
	 */
	public abstract void runForToday();

}
