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
 * case never lacks its schedule. The cases submitted in one transaction (an import of up
 * to a million) are collected and scheduled together, {@link #BATCH} at a time as they
 * come (a case is written before its event is published) and the rest just before the
 * transaction commits, so memory holds at most one batch of ids whatever the import's
 * size.
 */
@Component
class FollowUpScheduler {

	/** Cases collected before they are scheduled within the transaction. */
	static final int BATCH = 1000;

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
					ids.clear();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(FollowUpScheduler.this);
				}
			});
			pending = ids;
		}
		pending.add(event.caseId());
		if (pending.size() >= BATCH) {
			this.followUps.schedule(pending);
			pending.clear();
		}
	}

	@EventListener
	void on(CaseAmended event) {
		this.followUps.amended(event.caseId());
	}

}
