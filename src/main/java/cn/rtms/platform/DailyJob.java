package cn.rtms.platform;

/**
 * A job that runs once a day on a cron trigger (zone Asia/Shanghai) through
 * {@link ClusterJobs#oncePerDay}, so that it runs at most once per day across all nodes.
 * Implementations are beans; {@link MissedDailyJobs} runs each at start-up when today's
 * trigger passed while no node was running (a server started at 09:00 would otherwise
 * wait until tomorrow for the 06:30 alerts).
 */
public interface DailyJob {

	/**
	 * @return the job's name in {@code platform.job_run}
	 */
	String jobName();

	/**
	 * @return the cron expression the job is scheduled with ({@code -}: disabled)
	 */
	String cron();

	/**
	 * Runs today's job unless a node ran it today (the scheduled entry point).
	 */
	void runForToday();

}
