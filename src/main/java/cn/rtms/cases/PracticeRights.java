package cn.rtms.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import cn.rtms.authorization.AuthorizationGranted;
import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.authorization.AuthorizationRevoked;
import cn.rtms.authorization.GrantPeriod;
import cn.rtms.filing.FilingPeriod;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingStateChanged;
import cn.rtms.institutions.InstitutionChanged;
import cn.rtms.institutions.InstitutionsChanged;
import cn.rtms.personnel.PersonChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may practise what, on which day: the filing periods of institutions and the grant
 * periods of physicians, held in memory as one immutable snapshot that every check reads
 * without locking or touching the database. Answers for any day, so a case is judged by
 * its operation date, not by today.
 * <p>
 * Kept current by events, on every node
 * (docs/adr/0015-api-keys-and-the-practice-view.md): a change the view depends on (a
 * filing's state, a grant or revocation, a person or an institution changed) raises the
 * counter {@code cases.practice_revision} in its own transaction, just before it commits,
 * so the new revision becomes visible exactly with the change. The node that made the
 * change reloads right after the commit, before its answer goes out; every node also
 * compares the counter with its snapshot's every
 * {@code rtms.gate.revision-check-interval} (2 s) and reloads when it moved. So a change
 * committed on one node is seen by the others at most one interval plus one reload later.
 * The snapshot and its revision are read in one repeatable-read transaction, so a
 * snapshot never claims a revision whose data it lacks. Reloads are single-flight: many
 * commits at once cause at most two reloads, and checks keep reading the previous
 * snapshot meanwhile (only the very first check waits for the first load).
 */
@Service
public class PracticeRights {

	private static final Logger log = LoggerFactory.getLogger(PracticeRights.class);

	private final FilingQueries filings;

	private final AuthorizationManagement authorizations;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshotTransaction;

	private final Clock clock;

	private final Object reloadLock = new Object();

	/** Reloads asked for (after a commit, or because the database's revision moved). */
	private final AtomicLong requested = new AtomicLong();

	/** The request count the current snapshot covers. */
	private long served = -1;

	private volatile @Nullable Snapshot snapshot;

	PracticeRights(FilingQueries filings, AuthorizationManagement authorizations, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.filings = filings;
		this.authorizations = authorizations;
		this.jdbc = jdbc;
		this.clock = clock;
		this.snapshotTransaction = new TransactionTemplate(transactions);
		this.snapshotTransaction.setReadOnly(true);
		this.snapshotTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshotTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Checks one procedure.
	 * @param institutionId where it was performed
	 * @param operatorId the operator, or null when not (yet) known
	 * @param technology technology code
	 * @param subTechnique sub-technique code, or null
	 * @param day the operation day
	 * @return the findings, empty when the institution held an active filing and the
	 * operator an effective authorization covering the sub-technique
	 */
	public List<PracticeFinding> check(UUID institutionId, @Nullable UUID operatorId, String technology,
			@Nullable String subTechnique, LocalDate day) {
		return judge(current(), institutionId, operatorId, technology, subTechnique, day);
	}

	/**
	 * @return the database revision the view reflects; it changes whenever the view was
	 * reloaded because something it depends on changed (callers key their own derived
	 * caches by it)
	 */
	public long revision() {
		return current().revision();
	}

	/**
	 * @return when the view was read from the database
	 */
	public Instant loadedAt() {
		return current().loadedAt();
	}

	static List<PracticeFinding> judge(Snapshot s, UUID institutionId, @Nullable UUID operatorId, String technology,
			@Nullable String subTechnique, LocalDate day) {
		List<PracticeFinding> findings = new ArrayList<>();
		List<FilingPeriod> periods = s.filings().getOrDefault(new Key(institutionId, technology), List.of());
		if (periods.stream().noneMatch(p -> p.activeOn(day))) {
			FilingPeriod.Suspension suspension = suspensionOn(periods, day);
			FilingPeriod pending = periods.stream().filter(p -> p.pendingOn(day)).findFirst().orElse(null);
			if (suspension != null) {
				findings.add(new PracticeFinding(PracticeFinding.UNFILED, true,
						suspended(suspension) + "，" + technology + " 在 " + day + " 没有生效的备案（未备案开展）"));
			}
			else if (pending != null) {
				findings
					.add(new PracticeFinding(PracticeFinding.FILING_PENDING, false, "首例日期 " + pending.firstCaseDate()
							+ " 后 15 个工作日内已提交备案（" + pending.firstSubmittedOn() + "），" + day + " 备案尚未生效"));
			}
			else {
				findings.add(new PracticeFinding(PracticeFinding.UNFILED, true,
						technology + " 在 " + day + " 没有生效的备案（未备案开展）"));
			}
		}
		if (operatorId != null) {
			List<GrantPeriod> grants = s.grants()
				.getOrDefault(new Key(operatorId, technology), List.of())
				.stream()
				.filter(g -> g.institutionId().equals(institutionId) && g.effectiveOn(day))
				.toList();
			if (grants.isEmpty()) {
				findings.add(new PracticeFinding(PracticeFinding.UNAUTHORIZED, true,
						"术者在 " + day + " 没有本院有效的 " + technology + " 技术授权（未授权）"));
			}
			else if (grants.stream().noneMatch(g -> g.covers(subTechnique))) {
				findings.add(new PracticeFinding(PracticeFinding.OUT_OF_SCOPE, true, "术者的 " + technology + " 授权限于 "
						+ grants.get(0).subTechniques() + "，不含 " + subTechnique + "（超范围）"));
			}
		}
		return List.copyOf(findings);
	}

	private static FilingPeriod.@Nullable Suspension suspensionOn(List<FilingPeriod> periods, LocalDate day) {
		for (FilingPeriod period : periods) {
			FilingPeriod.Suspension suspension = period.suspensionOn(day);
			if (suspension != null) {
				return suspension;
			}
		}
		return null;
	}

	private static String suspended(FilingPeriod.Suspension suspension) {
		LocalDate until = suspension.until();
		return until == null ? "备案已中止（自 " + suspension.from() + " 起）"
				: "备案曾中止（" + suspension.from() + " 至 " + until.minusDays(1) + "，" + until + " 恢复）";
	}

	/** A filing changed state: raise the revision with the change. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(FilingStateChanged event) {
		changed();
	}

	/** A grant: raise the revision with the change. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AuthorizationGranted event) {
		changed();
	}

	/** A revocation: raise the revision with the change. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(AuthorizationRevoked event) {
		changed();
	}

	/** A person changed (what the order-entry check's eligibility depends on). */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PersonChanged event) {
		changed();
	}

	/** An institution changed (what the order-entry check's eligibility depends on). */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InstitutionChanged event) {
		changed();
	}

	/** Institutions changed in a bulk load. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InstitutionsChanged event) {
		changed();
	}

	/**
	 * Raises {@code cases.practice_revision} once in the current transaction (as its last
	 * write, so it adds no lock-order cycle) and reloads this node's view after the
	 * commit; outside a transaction, at once.
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			bump();
			refresh();
			return;
		}
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof ReloadAfterCommit) {
				return;
			}
		}
		bump();
		TransactionSynchronizationManager.registerSynchronization(new ReloadAfterCommit());
	}

	/**
	 * Marks a transaction that raised the revision; reloads the view once it committed.
	 */
	private final class ReloadAfterCommit implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			refresh();
		}

	}

	private void bump() {
		this.jdbc.sql("update cases.practice_revision set revision = revision + 1, changed_at = ? where id = 1")
			.param(java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Compares the database's revision with the view's and reloads when it moved: how a
	 * change committed on another node arrives here. Runs every
	 * {@code rtms.gate.revision-check-interval}; a failure is logged and retried at the
	 * next run.
	 */
	@Scheduled(fixedDelayString = "${rtms.gate.revision-check-interval:PT2S}",
			initialDelayString = "${rtms.gate.revision-check-interval:PT2S}")
	void poll() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("无法检查执业权限视图的版本：{}", ex.getMessage());
		}
	}

	/**
	 * Reloads the view now if the database's revision moved since it was loaded (what the
	 * periodic check does).
	 * @return whether it reloaded
	 */
	public boolean catchUp() {
		Snapshot s = this.snapshot;
		if (s == null || databaseRevision() == s.revision()) {
			return false;
		}
		refresh();
		return true;
	}

	/**
	 * Reloads the view after a change committed: single-flight. A caller whose request
	 * was counted before a running reload started is covered by it and returns once it is
	 * done; the others share the next one.
	 */
	void refresh() {
		long wanted = this.requested.incrementAndGet();
		synchronized (this.reloadLock) {
			if (this.snapshot == null || this.served >= wanted) {
				// nothing loaded yet (start-up data loading): the first check loads
				return;
			}
			long covers = this.requested.get();
			this.snapshot = load();
			this.served = covers;
		}
	}

	private Snapshot current() {
		Snapshot s = this.snapshot;
		if (s != null) {
			return s;
		}
		synchronized (this.reloadLock) {
			s = this.snapshot;
			if (s == null) {
				long covers = this.requested.get();
				s = load();
				this.snapshot = s;
				this.served = covers;
			}
			return s;
		}
	}

	private long databaseRevision() {
		return this.jdbc.sql("select revision from cases.practice_revision where id = 1").query(Long.class).single();
	}

	private Snapshot load() {
		Snapshot loaded = this.snapshotTransaction.execute(status -> {
			long revision = databaseRevision();
			return new Snapshot(revision, this.clock.instant(),
					this.filings.practicePeriods()
						.stream()
						.collect(Collectors.groupingBy(p -> new Key(p.institutionId(), p.technology()))),
					this.authorizations.grantPeriods()
						.stream()
						.collect(Collectors.groupingBy(g -> new Key(g.personId(), g.technology()))));
		});
		if (loaded == null) {
			throw new IllegalStateException("执业权限视图加载失败");
		}
		return loaded;
	}

	record Key(UUID id, String technology) {
	}

	/**
	 * One consistent reading of the filing and grant periods.
	 *
	 * @param revision the value of {@code cases.practice_revision} it was read with
	 * @param loadedAt when it was read
	 * @param filings filing periods by institution and technology
	 * @param grants grant periods by person and technology
	 */
	record Snapshot(long revision, Instant loadedAt, Map<Key, List<FilingPeriod>> filings,
			Map<Key, List<GrantPeriod>> grants) {
	}

}
