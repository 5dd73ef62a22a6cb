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
	 * @return the filings not in a final state whose {@code actionDueOn} is today or at
	 * most that many working days after today, soonest first; overdue ones are not listed
	 */
	public List<DueFiling> dueWithin(int workingDays) {
		if (workingDays < 0 || workingDays > 20) {
			throw new IllegalArgumentException("workingDays 应在 0–20 之间：" + workingDays);
		}
		LocalDate today = this.store.today();
		List<FilingState> open = Arrays.stream(FilingState.values()).filter(s -> !s.isFinal()).toList();
		List<DueFiling> due = new ArrayList<>();
		for (FilingData d : this.filings.search(open, null)) {
			LocalDate dueOn = d.actionDueOn();
			if (dueOn == null || dueOn.isBefore(today)) {
				continue;
			}
			int left = this.deadlines.calendar().workingDaysBetween(today, dueOn);
			if (left <= workingDays) {
				due.add(new DueFiling(d.id(), d.institution().id(), d.institution().name(), d.technology().name(),
						d.state().name(), d.state().label(), d.holderRegionCode(), dueOn, left));
			}
		}
		due.sort(Comparator.comparing(DueFiling::dueOn).thenComparing(DueFiling::institutionName));
		return due;
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
	 * filing returned for supplement)
	 * @param dueOn the due day
	 * @param workingDaysLeft working days from today to the due day (0 = due today)
	 */
	public record DueFiling(UUID filingId, UUID institutionId, String institutionName, String technologyName,
			String state, String stateLabel, @Nullable String holderRegionCode, LocalDate dueOn, int workingDaysLeft) {
	}

}
