package cn.rtms.filing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import cn.rtms.institutions.InstitutionChanged;
import cn.rtms.personnel.PersonChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates active filings when what their eligibility depends on changes: an
 * institution's record (beds, equipment, licences, volumes), one of its people (titles,
 * trainings, adverse events, leaving), or the spec editions (checked once when the
 * application is ready, since a new edition arrives with a deployment). Runs after the
 * change has committed; a proposal for revocation then waits in the competent authority's
 * inbox.
 */
@Component
class EligibilityChangeListener {

	private static final Logger log = LoggerFactory.getLogger(EligibilityChangeListener.class);

	private final RevocationCheck filings;

	EligibilityChangeListener(RevocationCheck filings) {
		this.filings = filings;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(InstitutionChanged event) {
		recheck(Set.of(event.institutionId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
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

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		try {
			RevocationCheckResult result = this.filings.recheckAll();
			if (!result.proposed().isEmpty() || !result.errors().isEmpty()) {
				log.info("启动时复核有效备案 {} 项，新增撤销建议 {} 项，出错 {} 项", result.checked(), result.proposed().size(),
						result.errors().size());
			}
		}
		catch (RuntimeException ex) {
			log.warn("启动时复核有效备案失败：{}", ex.getMessage());
		}
	}

	private void recheck(Set<UUID> institutions) {
		for (UUID institution : institutions) {
			try {
				RevocationCheckResult result = this.filings.recheckInstitution(institution);
				if (!result.proposed().isEmpty() || !result.errors().isEmpty()) {
					log.info("机构 {} 信息变更后复核 {} 项有效备案，新增撤销建议 {} 项，出错 {} 项", institution, result.checked(),
							result.proposed().size(), result.errors().size());
				}
			}
			catch (RuntimeException ex) {
				log.warn("机构 {} 信息变更后复核备案失败：{}", institution, ex.getMessage());
			}
		}
	}

}
