package cn.rtms.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background jobs that must run on one node only when several application nodes share one
 * PostgreSQL. A job holds an advisory lock keyed by its name for as long as it runs
 * ({@code pg_try_advisory_xact_lock} in a transaction for once-a-day jobs,
 * {@code pg_try_advisory_lock} on a connection of its own otherwise); a node that cannot
 * take the lock skips the run instead of waiting. Once-a-day jobs also record their day
 * in {@code platform.job_run} in the same transaction, so a node that starts later the
 * same day does not repeat the run, and a run that fails is rolled back and may be
 * retried. The lock lives in the database session: when a node dies, PostgreSQL ends its
 * connection and the lock is released. See
 * docs/adr/0011-sessions-locks-and-events-in-the-database.md.
 */
@Component
public class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Environment environment;

	private final DataSource dataSource;

	ClusterJobs(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, Environment environment,
			DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.environment = environment;
	}

	/**
	 * Runs the task unless another node runs the same job right now or it already ran for
	 * the day. The task runs while the lock's transaction is open; its own transactions
	 * (the lock's is suspended by {@code NOT_SUPPORTED} or {@code REQUIRES_NEW}) commit
	 * on their own. When the task throws, the day's record is rolled back and the
	 * exception propagates, so the next trigger (on any node) runs it again.
	 * @param job the job's name (at most 100 characters)
	 * @param day the day the run is for
	 * @param task the work
	 * @param <T> its result
	 * @return the task's result, empty when it was skipped
	 */
	public <T> Optional<T> oncePerDay(String job, LocalDate day, Supplier<T> task) {
		return inTransaction(() -> {
			if (!locked(job)) {
				log.info("作业 {}（{}）正由其他节点执行，本节点跳过", job, day);
				return Optional.empty();
			}
			int recorded = this.jdbc
				.sql("insert into platform.job_run (job, run_day, node, started_at) values (?, ?, ?, ?) "
						+ "on conflict (job, run_day) do nothing")
				.params(job, day, node(), Timestamp.from(this.clock.instant()))
				.update();
			if (recorded == 0) {
				log.info("作业 {}（{}）已由其他节点执行，本节点跳过", job, day);
				return Optional.empty();
			}
			T result = task.get();
			this.jdbc.sql("update platform.job_run set finished_at = ? where job = ? and run_day = ?")
				.params(Timestamp.from(this.clock.instant()), job, day)
				.update();
			return Optional.ofNullable(result);
		});
	}

	/**
	 * @param job the job's name
	 * @return whether a once-a-day run of the job ever finished on this database
	 */
	public boolean everRan(String job) {
		return this.jdbc.sql("select exists (select 1 from platform.job_run where job = ? and finished_at is not null)")
			.param(job)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Runs the task unless another node runs the same job right now (no record: the next
	 * call runs it again). The lock is a session-level advisory lock on a connection of
	 * its own, so the task runs outside any transaction (the event re-delivery opens its
	 * own transactions per publication, which a surrounding one would block).
	 * @param job the job's name
	 * @param task the work
	 * @param <T> its result
	 * @return the task's result, empty when another node held the job
	 */
	public <T> Optional<T> exclusively(String job, Supplier<T> task) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!advisoryLock(connection, "pg_try_advisory_lock", job)) {
				log.info("作业 {} 正由其他节点执行，本节点跳过", job);
				return Optional.empty();
			}
			try {
				return Optional.ofNullable(task.get());
			}
			finally {
				release(connection, job);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("作业 " + job + " 无法取得数据库锁：" + ex.getMessage(), ex);
		}
	}

	private static boolean advisoryLock(Connection connection, String function, String job) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
			statement.setString(1, "rtms.job." + job);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * Releases the session-level lock; when that fails the connection is aborted, so that
	 * it never goes back to the pool still holding the lock.
	 */
	private static void release(Connection connection, String job) throws SQLException {
		try {
			advisoryLock(connection, "pg_advisory_unlock", job);
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("作业 {} 释放数据库锁失败，关闭该连接：{}", job, ex.getMessage());
			connection.abort(Runnable::run);
		}
	}

	private <T> Optional<T> inTransaction(Supplier<Optional<T>> work) {
		Optional<T> result = this.transactions.execute(status -> work.get());
		return result != null ? result : Optional.empty();
	}

	private boolean locked(String job) {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
			.param("rtms.job." + job)
			.query(Boolean.class)
			.single());
	}

	private String node() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		String node = host + " pid " + ProcessHandle.current().pid() + " port "
				+ this.environment.getProperty("local.server.port", "-");
		return node.length() > 200 ? node.substring(0, 200) : node;
	}

}
