package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Filings whose current step is due soon, counted in working days (the holiday calendar
 * of {@link WorkingDayDeadlines}), for reminders. Not scoped to a user: it serves the
 * scheduled reminder job, which runs as the system and tells each filing's own parties.
 */
@Service
@Transactional(readOnly = true)
public class FilingDueDates {

	private final Filings filings;

	private final WorkingDayDeadlines deadlines;

	private final FilingStore store;

	FilingDueDates(Filings filings, WorkingDayDeadlines deadlines, FilingStore store) {
		this.filings = filings;
		this.deadlines = deadlines;
		this.store = store;
	}

	/**
	 * @param workingDays how many working days ahead (0–20)
	 * @return what is due today or at most that many working days after today, soonest
	 * first, of the filings not in a final state: the current step of the authority or of
	 * the hospital ({@code actionDueOn}), the hospital's own filing deadline while it
	 * prepares a filing after its first case (15 working days, {@code filingDeadline}),
	 * and an open revocation proposal the receiving authority must decide; overdue ones
	 * are not listed
	 */
	public List<DueFiling> dueWithin(int workingDays) {
		if (workingDays < 0 || workingDays > 20) {
			throw new IllegalArgumentException("workingDays 应在 0–20 之间：" + workingDays);
		}
		LocalDate today = this.store.today();
		List<FilingState> open = Arrays.stream(FilingState.values()).filter(s -> !s.isFinal()).toList();
		List<DueFiling> due = new ArrayList<>();
		for (FilingData d : this.filings.search(open, null)) {
			if (d.actionDueOn() != null) {
				add(due, d, Task.STEP, d.holderRegionCode(), d.actionDueOn(), today, workingDays);
			}
			else if (d.filingDeadline() != null
					&& (d.state() == FilingState.DRAFT || d.state() == FilingState.SELF_ASSESSED)) {
				add(due, d, Task.SUBMIT, null, d.filingDeadline(), today, workingDays);
			}
			if (d.revocationProposal() != null) {
				add(due, d, Task.REVOCATION_PROPOSAL, d.route().receivingRegionCode(), d.revocationProposal().dueOn(),
						today, workingDays);
			}
		}
		due.sort(Comparator.comparing(DueFiling::dueOn).thenComparing(DueFiling::institutionName));
		return due;
	}

	private void add(List<DueFiling> due, FilingData d, Task task, @Nullable String authority, LocalDate dueOn,
			LocalDate today, int workingDays) {
		if (dueOn.isBefore(today)) {
			return;
		}
		int left = this.deadlines.calendar().workingDaysBetween(today, dueOn);
		if (left <= workingDays) {
			due.add(new DueFiling(d.id(), d.institution().id(), d.institution().name(), d.technology().name(),
					d.state().name(), d.state().label(), authority, dueOn, left, task));
		}
	}

	/** What is due. */
	public enum Task {

		/** The current step of the filing's workflow ({@code actionDueOn}). */
		STEP,
		/** The hospital's submission, 15 working days after its first case. */
		SUBMIT,
		/** The receiving authority's decision on an open revocation proposal. */
		REVOCATION_PROPOSAL

	}

	/**
	 * A filing whose current step is due soon.
	 *
	 * @param filingId the filing
	 * @param institutionId the filing institution
	 * @param institutionName its name
	 * @param technologyName the technology's Chinese name
	 * @param state state code
	 * @param stateLabel state in Chinese
	 * @param holderRegionCode the authority that must act, null when the hospital must (a
	 * filing returned for supplement, or not yet submitted)
	 * @param dueOn the due day
	 * @param workingDaysLeft working days from today to the due day (0 = due today)
	 * @param task what is due
	 */
	public record DueFiling(UUID filingId, UUID institutionId, String institutionName, String technologyName,
			String state, String stateLabel, @Nullable String holderRegionCode, LocalDate dueOn, int workingDaysLeft,
			Task task) {
	}

}
