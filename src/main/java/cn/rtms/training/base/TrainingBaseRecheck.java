package cn.rtms.training.base;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.institutions.InstitutionChanged;
import cn.rtms.institutions.InstitutionsChanged;
import cn.rtms.personnel.PersonChanged;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.platform.DailyJob;
import cn.rtms.rules.EligibilityFactsChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-evaluates filed training bases the way filing's revocation check re-evaluates active
 * filings: after an institution's record, one of its people or facts other modules feed
 * the engine changed (after commit, in a transaction of its own), and daily
 * ({@code rtms.training.base-recheck.cron}, once across nodes). A base whose verdict is
 * now NOT_MET gets a revocation proposal (撤销建议) in the province's view — never an
 * automatic revocation; undecided clauses (UNKNOWN) propose nothing. Each base is checked
 * in its own transaction; a base with an open proposal gets no second one.
 */
@Component
class TrainingBaseRecheck extends DailyJob {

	/** The trigger, with its default. */
	static final String CRON = "${rtms.training.base-recheck.cron:0 45 2 * * *}";

	static final String JOB = "training.base-recheck";

	private static final Logger log = LoggerFactory.getLogger(TrainingBaseRecheck.class);

	private final TrainingBaseManagement bases;

	private final ClusterJobs jobs;

	private final Clock clock;

	private final TransactionTemplate transactions;

	TrainingBaseRecheck(TrainingBaseManagement bases, ClusterJobs jobs, Clock clock,
			PlatformTransactionManager transactionManager, @Value(CRON) String cron) {
		super(JOB, cron);
		this.bases = bases;
		this.jobs = jobs;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(InstitutionChanged event) {
		recheck(event.institutionId());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(InstitutionsChanged event) {
		recheckBases(this.bases.filedIds(event.institutionIds()));
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(PersonChanged event) {
		Set<UUID> institutions = new LinkedHashSet<>();
		if (event.institutionId() != null) {
			institutions.add(event.institutionId());
		}
		if (event.previousInstitutionId() != null) {
			institutions.add(event.previousInstitutionId());
		}
		institutions.forEach(this::recheck);
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(EligibilityFactsChanged event) {
		recheck(event.institutionId());
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(InstructorsChanged event) {
		this.transactions.execute(status -> this.bases.recheck(event.baseId()));
	}

	/**
	 * @return the number of proposals made, empty when another node ran today's check
	 */
	@Scheduled(cron = CRON, zone = "Asia/Shanghai")
	Optional<Integer> daily() {
		return this.jobs.oncePerDay(JOB, LocalDate.now(this.clock), () -> recheck(null));
	}

	/**
	 * Re-checks the filed bases of one institution, or all.
	 * @param institutionId the institution, {@code null} for all
	 * @return the number of proposals made
	 */
	int recheck(@Nullable UUID institutionId) {
		return recheckBases(this.bases.filedIds(institutionId));
	}

	private int recheckBases(List<UUID> baseIds) {
		int proposed = 0;
		for (UUID id : baseIds) {
			Boolean made = this.transactions.execute(status -> this.bases.recheck(id));
			if (Boolean.TRUE.equals(made)) {
				proposed++;
			}
		}
		if (proposed > 0) {
			log.info("培训基地复核：新增撤销建议 {} 项", proposed);
		}
		return proposed;
	}

	@Override
	public void runForToday() {
		daily();
	}

}
