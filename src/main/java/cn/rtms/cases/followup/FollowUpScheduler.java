package cn.rtms.cases.followup;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.rtms.cases.CaseAmended;
import cn.rtms.cases.CaseSubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules follow-ups in the transaction that submits or amends a case, so a submitted
 * case never lacks its schedule. The cases submitted in one transaction (an import of
 * thousands) are collected and scheduled together just before it commits, in JDBC
 * batches.
 */
@Component
class FollowUpScheduler {

	private final FollowUpManagement followUps;

	FollowUpScheduler(FollowUpManagement followUps) {
		this.followUps = followUps;
	}

	@EventListener
	void on(CaseSubmitted event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.followUps.schedule(List.of(event.caseId()));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<UUID> pending = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<UUID> ids = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, ids);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					FollowUpScheduler.this.followUps.schedule(ids);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(FollowUpScheduler.this);
				}
			});
			pending = ids;
		}
		pending.add(event.caseId());
	}

	@EventListener
	void on(CaseAmended event) {
		this.followUps.amended(event.caseId());
	}

}
