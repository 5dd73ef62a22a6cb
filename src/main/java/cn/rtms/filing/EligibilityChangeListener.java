package cn.rtms.filing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import cn.rtms.institutions.InstitutionChanged;
import cn.rtms.institutions.InstitutionsChanged;
import cn.rtms.personnel.PersonChanged;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.rules.EligibilityFactsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates active filings when what their eligibility depends on changes: an
 * institution's record (beds, equipment, licences, volumes), one of its people (titles,
 * trainings, adverse events, leaving), many institutions at once (a bulk load), facts
 * other modules feed the engine (the equipment register, the training file:
 * {@link EligibilityFactsChanged}), or the spec editions (checked once when the
 * application is ready, since a new edition arrives with a deployment; on one node at a
 * time). Runs after the change has committed, synchronously on the publishing thread, in
 * a transaction of its own; a proposal for revocation then waits in the competent
 * authority's inbox.
 * <p>
 * The events go through Spring Modulith's JDBC event publication registry: the
 * publisher's transaction stores one publication per event and listener, and the registry
 * deletes it when the listener returns. A listener that throws (the database failing,
 * say) or whose node stops before it returns leaves the publication, and the next node to
 * start re-delivers it
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). The re-check
 * is idempotent (a filing already carrying a proposal gets no second one), so a
 * re-delivery after a partial run is harmless.
 */
@Component
class EligibilityChangeListener {

	static final String STARTUP_JOB = "filing.startup-recheck";

	private static final Logger log = LoggerFactory.getLogger(EligibilityChangeListener.class);

	private final RevocationCheck filings;

	private final ClusterJobs jobs;

	EligibilityChangeListener(RevocationCheck filings, ClusterJobs jobs) {
		this.filings = filings;
		this.jobs = jobs;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(InstitutionChanged event) {
		recheck(Set.of(event.institutionId()));
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(InstitutionsChanged event) {
		recheck(event.institutionIds());
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
		recheck(institutions);
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(EligibilityFactsChanged event) {
		recheck(Set.of(event.institutionId()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		try {
			this.jobs.exclusively(STARTUP_JOB, this.filings::recheckAll).ifPresent(result -> {
				if (!result.proposed().isEmpty() || !result.errors().isEmpty()) {
					log.info("启动时复核有效备案 {} 项，新增撤销建议 {} 项，出错 {} 项", result.checked(), result.proposed().size(),
							result.errors().size());
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("启动时复核有效备案失败：{}", ex.getMessage());
		}
	}

	/**
	 * Re-checks the institutions' filings; a failure propagates so that the event
	 * publication stays incomplete and is re-delivered.
	 */
	private void recheck(Set<UUID> institutions) {
		if (institutions.isEmpty()) {
			return;
		}
		RevocationCheckResult result = this.filings.recheckInstitutions(institutions);
		if (!result.proposed().isEmpty() || !result.errors().isEmpty()) {
			log.info("机构 {} 信息变更后复核 {} 项有效备案，新增撤销建议 {} 项，出错 {} 项", institutions, result.checked(),
					result.proposed().size(), result.errors().size());
		}
	}

}
