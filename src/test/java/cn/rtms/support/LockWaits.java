package cn.rtms.support;

import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that race two transactions: waits until some session of the test's database
 * waits for a lock, i.e. the second of two writers has reached the row or lock the first
 * one holds.
 */
public final class LockWaits {

	private LockWaits() {
	}

	/**
	 * Polls {@code pg_stat_activity} every 20 ms for up to 20 s.
	 * @param jdbc the test's database
	 * @param what what was expected to wait, for the failure message
	 * @throws AssertionError when no session waited within 20 s
	 */
	public static void awaitOne(JdbcClient jdbc, String what) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < until) {
			int waiting = jdbc.sql(
					"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
				.query(Integer.class)
				.single();
			if (waiting > 0) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError(what + " never waited for a lock");
	}

}
