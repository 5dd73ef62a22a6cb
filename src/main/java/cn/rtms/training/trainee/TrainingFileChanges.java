package cn.rtms.training.trainee;

import java.util.UUID;

import cn.rtms.rules.EligibilityFactsChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * After every change of what feeds {@code TrainingRecordSource}: bumps the employing
 * institution's revision (part of the eligibility cache key, so no cached matrix is
 * served stale) and publishes {@link EligibilityFactsChanged} in the changing transaction
 * (filing re-checks the institution's filings after the commit).
 */
@Component
class TrainingFileChanges {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	TrainingFileChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void changed(UUID personInstitutionId, UUID personId, String what) {
		this.jdbc
			.sql("insert into training.trainee_revision (institution_id, revision) values (?, 1)"
					+ " on conflict (institution_id) do update set revision = training.trainee_revision.revision + 1")
			.param(personInstitutionId)
			.update();
		this.events.publishEvent(new EligibilityFactsChanged(personInstitutionId, personId, what));
	}

	long revision(UUID institutionId) {
		return this.jdbc.sql("select revision from training.trainee_revision where institution_id = ?")
			.param(institutionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
