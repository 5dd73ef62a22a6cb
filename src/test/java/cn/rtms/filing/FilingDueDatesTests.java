package cn.rtms.filing;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import cn.rtms.filing.FilingDueDates.DueFiling;
import cn.rtms.filing.FilingDueDates.Task;
import cn.rtms.filing.domain.EndingReason;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingFixtures;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import org.junit.jupiter.api.Test;

import static cn.rtms.filing.domain.FilingFixtures.DEADLINES;
import static cn.rtms.filing.domain.FilingFixtures.NOW;
import static cn.rtms.filing.domain.FilingFixtures.TODAY;
import static cn.rtms.filing.domain.FilingFixtures.by;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the daily reminders are told is due (docs/notifications.md): besides the
 * workflow's current step, the hospital's own submission deadline after its first case
 * and the receiving authority's decision on an open revocation proposal. Fails if only
 * {@code actionDueOn} were read.
 */
class FilingDueDatesTests {

	@Test
	void listsTheSubmissionDeadlineOfADraftForTheHospital() {
		Filing prepared = FilingFixtures.readyToSubmit("220100", false);
		FilingData data = withFilingDeadline(prepared.data(),
				((WorkingDayDeadlines) DEADLINES).calendar().addWorkingDays(TODAY, 2));
		List<DueFiling> due = dueDates(data).dueWithin(3);
		assertThat(due).singleElement().satisfies(d -> {
			assertThat(d.task()).isEqualTo(Task.SUBMIT);
			assertThat(d.holderRegionCode()).as("the hospital acts").isNull();
			assertThat(d.workingDaysLeft()).isEqualTo(2);
		});
	}

	@Test
	void listsAnOpenRevocationProposalForTheReceivingAuthority() {
		Filing filing = FilingFixtures.activeProvincial();
		filing.proposeRevocation(EndingReason.EQUIPMENT_UNUSABLE, "S04 一(四) 不符合", by("SYSTEM", null), DEADLINES);
		FilingData data = filing.data();
		assertThat(data.revocationProposal()).isNotNull();
		List<DueFiling> due = dueDates(data).dueWithin(20);
		assertThat(due).singleElement().satisfies(d -> {
			assertThat(d.task()).isEqualTo(Task.REVOCATION_PROPOSAL);
			assertThat(d.holderRegionCode()).isEqualTo("220100");
			assertThat(d.dueOn()).isEqualTo(data.revocationProposal().dueOn());
		});
	}

	private static FilingData withFilingDeadline(FilingData d, java.time.LocalDate deadline) {
		return new FilingData(d.id(), d.version(), d.institution(), d.technology(), d.route(), d.state(),
				d.holderRegionCode(), TODAY.minusDays(5), deadline, d.submittedOn(), d.actionDueOn(), d.assessment(),
				d.attestations(), d.committeeOpinions(), d.documents(), d.experts(), d.decision(), d.licenceNote(),
				d.activatedOn(), d.revokedOn(), d.cancellationRequested(), d.ending(), d.revocationProposal(),
				d.steps(), d.createdAt(), d.updatedAt(), d.prior());
	}

	private static FilingDueDates dueDates(FilingData... stored) {
		Filings filings = (Filings) Proxy.newProxyInstance(Filings.class.getClassLoader(),
				new Class<?>[] { Filings.class }, (proxy, method, args) -> {
					if (method.getName().equals("search")) {
						return List.of(stored);
					}
					throw new UnsupportedOperationException(method.getName());
				});
		Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
		return new FilingDueDates(filings, (WorkingDayDeadlines) DEADLINES,
				new FilingStore(filings, null, null, clock));
	}

}
