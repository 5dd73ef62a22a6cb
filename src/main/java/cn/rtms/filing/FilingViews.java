package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.rtms.filing.domain.Caller;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.Filing.Actor;
import cn.rtms.filing.domain.FilingAction;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingTransitions;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.identity.CurrentUser;
import cn.rtms.institutions.InstitutionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A stored filing as the API shows it: the full {@link FilingView} for one user (with the
 * actions {@link FilingTransitions} allows that user now) and the {@link FilingSummary}
 * of lists and the inbox.
 */
@Component
class FilingViews {

	private final InstitutionManagement institutions;

	private final WorkingDayDeadlines deadlines;

	private final FilingAccess access;

	private final FilingStore store;

	FilingViews(InstitutionManagement institutions, WorkingDayDeadlines deadlines, FilingAccess access,
			FilingStore store) {
		this.institutions = institutions;
		this.deadlines = deadlines;
		this.access = access;
		this.store = store;
	}

	/**
	 * The names of the actions the caller may take now, from {@link FilingTransitions};
	 * the front end shows exactly these.
	 */
	static List<String> allowedActions(Caller caller, Filing filing) {
		List<String> names = new ArrayList<>();
		for (FilingAction action : FilingTransitions.allowed(caller, filing)) {
			if (action.apiName() != null) {
				names.add(action.apiName());
			}
		}
		return names;
	}

	FilingSummary summary(FilingData d, LocalDate today) {
		Filing f = Filing.restore(d);
		return new FilingSummary(d.id(), d.version(), d.institution().id(), d.institution().name(),
				d.institution().regionCode(), d.technology().code(), d.technology().name(), d.technology().level(),
				d.state().name(), d.state().label(), d.holderRegionCode(),
				d.holderRegionCode() == null ? null : this.institutions.regionName(d.holderRegionCode()),
				d.firstCaseDate(), d.filingDeadline(), f.lateFiling(today), d.actionDueOn(), f.overdue(today),
				d.submittedOn(), d.updatedAt(), calendarNote(d));
	}

	FilingView view(FilingData d, CurrentUser user) {
		LocalDate today = this.store.today();
		Filing f = Filing.restore(d);
		Filing.Assessment a = d.assessment();
		return new FilingView(d.id(), d.version(), d.institution().id(), d.institution().name(),
				d.institution().regionCode(), d.technology().code(), d.technology().name(), d.technology().level(),
				"NATIONAL".equals(d.technology().level()) ? "国家级" : "省级", d.state().name(), d.state().label(),
				d.route().receivingRegionCode(), this.institutions.regionName(d.route().receivingRegionCode()),
				d.route().reviewRegionCode(), this.institutions.regionName(d.route().reviewRegionCode()),
				d.holderRegionCode(),
				d.holderRegionCode() == null ? null : this.institutions.regionName(d.holderRegionCode()),
				d.route().path(), d.firstCaseDate(), d.filingDeadline(), d.submittedOn(), f.firstSubmittedOn(),
				f.lateFiling(today), d.actionDueOn(), f.overdue(today),
				a == null ? null
						: new FilingView.AssessmentView(a.specKey(), a.assessedAt(), a.report().status(),
								a.report().statusLabel(), a.report()),
				d.attestations()
					.stream()
					.map(x -> new FilingView.AttestationView(x.clauseRef(), x.citation(), x.evidence(), x.documentId(),
							actorView(x.confirmedBy()), x.confirmedAt()))
					.toList(),
				f.pendingAttestations(),
				d.committeeOpinions()
					.stream()
					.map(o -> new FilingView.CommitteeOpinionView(o.committee().name(), o.committee().label(),
							o.meetingDate(), o.opinion(), o.minutesDocumentId(), actorView(o.recordedBy()),
							o.recordedAt()))
					.toList(),
				d.documents()
					.stream()
					.map(x -> new FilingView.DocumentView(x.id(), x.fileName(), x.contentType(), x.size(), x.sha256(),
							x.description(), actorView(x.uploadedBy()), x.uploadedAt()))
					.toList(),
				d.experts()
					.stream()
					.map(e -> new FilingView.ExpertView(e.userId(), e.name(),
							e.verdict() == null ? null : e.verdict().name(),
							e.verdict() == null ? null : e.verdict().label(), e.text(), e.at()))
					.toList(),
				d.decision() == null ? null
						: new FilingView.DecisionView(d.decision().decision().name(), d.decision().decision().label(),
								d.decision().reasons(), actorView(d.decision().by()), d.decision().at()),
				d.licenceNote(), d.activatedOn(), d.revokedOn(), d.cancellationRequested(),
				d.ending() == null ? null
						: new FilingView.EndingView(d.ending().reason().name(), d.ending().reason().label(),
								d.ending().text(), actorView(d.ending().by()), d.ending().at()),
				d.revocationProposal() == null ? null
						: new FilingView.ProposalView(d.revocationProposal().id(),
								d.revocationProposal().reason().name(), d.revocationProposal().reason().label(),
								d.revocationProposal().detail(), d.revocationProposal().proposedAt(),
								d.revocationProposal().dueOn(), today.isAfter(d.revocationProposal().dueOn())),
				d.steps()
					.stream()
					.map(s -> new FilingView.StepView(s.action().name(), s.action().label(), s.fromState().name(),
							s.toState().name(), s.regionCode(), actorView(s.actor()), s.at(), s.opinion()))
					.toList(),
				allowedActions(this.access.caller(user), f), calendarNote(d), d.origin().name(), d.origin().label(),
				d.prior() == null ? null : d.prior().documentNo(), d.prior() == null ? null : d.prior().note(),
				d.holderRegionCode() == null ? null
						: authorityName(d.holderRegionCode(), this.institutions.regionName(d.holderRegionCode())),
				d.route()
					.path()
					.stream()
					.map(code -> authorityName(code, this.institutions.regionName(code)))
					.toList());
	}

	/**
	 * The health authority of a region by its usual name: 卫生健康委员会 at province and city
	 * level (region codes ending in 00), 卫生健康局 below.
	 * @param regionCode the region
	 * @param regionName its name, null when unknown
	 * @return e.g. 长春市卫生健康委员会, 南关区卫生健康局
	 */
	static String authorityName(String regionCode, @Nullable String regionName) {
		String name = regionName == null ? regionCode : regionName;
		return name + (regionCode.endsWith("00") ? "卫生健康委员会" : "卫生健康局");
	}

	/**
	 * The holiday calendar's coverage note for the deadlines of a filing, from the first
	 * case (or submission) to the latest due date.
	 */
	private @Nullable String calendarNote(FilingData d) {
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate date : new LocalDate[] { d.firstCaseDate(), d.filingDeadline(), d.submittedOn(),
				d.actionDueOn() }) {
			if (date != null) {
				dates.add(date);
			}
		}
		if (dates.isEmpty()) {
			return null;
		}
		return this.deadlines.calendar()
			.coverageNote(dates.stream().min(LocalDate::compareTo).orElseThrow(),
					dates.stream().max(LocalDate::compareTo).orElseThrow());
	}

	private static FilingView.ActorView actorView(Actor a) {
		return new FilingView.ActorView(a.userId(), a.name(), a.role(), a.roleLabel());
	}

}
