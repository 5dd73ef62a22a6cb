package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.Filing.Act;
import cn.rtms.filing.domain.Filing.Actor;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.RevocationPolicy;
import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.rules.CaseHistory;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.NoSpecInForce;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The revocation check (吉卫医发〔2022〕12号 一): re-evaluates active filings with
 * {@link RevocationPolicy} and attaches a revocation proposal (the system's step of
 * {@code FilingTransitions}) where one is due, each in its own transaction. Runs daily
 * ({@link RevocationSchedule}), on request of an authority, after an institution's or a
 * person's change ({@link EligibilityChangeListener}) and at startup.
 */
@Service
public class RevocationCheck {

	private static final Logger log = LoggerFactory.getLogger(RevocationCheck.class);

	private final Filings filings;

	private final FilingStore store;

	private final FilingViews views;

	private final WorkingDayDeadlines deadlines;

	private final IdentityManagement identity;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final EligibilityManagement eligibility;

	private final TransactionTemplate transactions;

	private final ObjectProvider<CaseHistory> caseHistory;

	RevocationCheck(Filings filings, FilingStore store, FilingViews views, WorkingDayDeadlines deadlines,
			IdentityManagement identity, AccessPolicy access, InstitutionManagement institutions,
			EligibilityManagement eligibility, PlatformTransactionManager transactionManager,
			ObjectProvider<CaseHistory> caseHistory) {
		this.caseHistory = caseHistory;
		this.filings = filings;
		this.store = store;
		this.views = views;
		this.deadlines = deadlines;
		this.identity = identity;
		this.access = access;
		this.institutions = institutions;
		this.eligibility = eligibility;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Re-evaluates every active filing (authorities: those they are competent for; the
	 * system administrator and the daily task: all) and proposes revocations. Runs
	 * without a surrounding transaction: each proposal is committed on its own. A filing
	 * that cannot be decided is listed as undetermined and one whose check fails as an
	 * error (both logged); neither is treated as passing.
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult checkRevocations() {
		CurrentUser user = this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
		return runRevocationCheck(this.filings.activeIds(), data -> user.role() == Role.SYSTEM_ADMIN
				|| this.access.coversRegion(user, data.route().receivingRegionCode()));
	}

	/**
	 * Re-evaluates the active filings of one institution after its record or one of its
	 * people changed, proposing revocation where the conditions are no longer met. Runs
	 * as the system: nobody asked for it.
	 * @param institutionId the institution whose facts changed
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult recheckInstitution(UUID institutionId) {
		return recheckInstitutions(Set.of(institutionId));
	}

	/**
	 * Re-evaluates the active filings of several institutions in one pass (after a bulk
	 * load), as {@link #recheckInstitution(UUID)} does for one: only their filings are
	 * loaded.
	 * @param institutionIds the institutions whose facts changed
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult recheckInstitutions(Set<UUID> institutionIds) {
		return this.identity.asSystem(() -> runRevocationCheck(this.filings.activeIdsOf(institutionIds),
				data -> institutionIds.contains(data.institution().id())));
	}

	/**
	 * Re-evaluates every active filing as the system (the daily task, and at startup,
	 * when a new spec edition may have come into force).
	 * @return what was checked and proposed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RevocationCheckResult recheckAll() {
		return this.identity.asSystem(() -> runRevocationCheck(this.filings.activeIds(), data -> true));
	}

	/**
	 * The active filings whose technology has not been performed for 2 years or more,
	 * decided exactly as the revocation check decides it (the case registry's real case
	 * dates, the yearly figures before the registry's start, the filing's activation and
	 * first case) — read only: nothing is proposed or saved. Runs as the system; for the
	 * supervision alerts. A filing that cannot be decided is not listed; an exception
	 * while checking one propagates (the caller must not read it as "none inactive").
	 * @return the inactive filings, each with the last case day known to the registry and
	 * the check's explanation
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public List<InactiveFiling> inactiveFilings() {
		return this.identity.asSystem(() -> {
			LocalDate today = this.store.today();
			List<InactiveFiling> found = new ArrayList<>();
			for (UUID id : this.filings.activeIds()) {
				FilingData data = this.filings.find(id).orElseThrow().data();
				Inactivity inactivity = inactivity(data, today);
				RevocationPolicy.Proposal proposal = inactivity.finding().proposal();
				if (proposal != null) {
					found.add(new InactiveFiling(this.views.summary(data, today), inactivity.lastCase(),
							proposal.detail()));
				}
			}
			return found;
		});
	}

	/**
	 * An active filing not performed for 2 years or more.
	 *
	 * @param filing the filing
	 * @param lastCase the last submitted case of the technology at the institution in the
	 * case registry, {@code null} when none
	 * @param detail the revocation check's explanation (dates, clause), in Chinese
	 */
	public record InactiveFiling(FilingSummary filing, @Nullable LocalDate lastCase, String detail) {
	}

	private RevocationCheckResult runRevocationCheck(List<UUID> activeIds, Predicate<FilingData> scope) {
		int checked = 0;
		List<FilingSummary> proposed = new ArrayList<>();
		List<RevocationCheckResult.Finding> undetermined = new ArrayList<>();
		List<RevocationCheckResult.Finding> errors = new ArrayList<>();
		LocalDate today = this.store.today();
		for (UUID id : activeIds) {
			Filing filing = this.filings.find(id).orElseThrow();
			if (!scope.test(filing.data())) {
				continue;
			}
			checked++;
			Check check;
			try {
				check = revocationCheck(filing.data(), today);
			}
			catch (RuntimeException ex) {
				log.error("备案 {}（{} {}）撤销检查出错", id, filing.data().institution().name(),
						filing.data().technology().code(), ex);
				errors.add(new RevocationCheckResult.Finding(this.views.summary(filing.data(), today), "撤销检查出错，未作判断："
						+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName())));
				continue;
			}
			for (String why : check.undetermined()) {
				log.warn("备案 {}（{} {}）撤销条件无法判断：{}", id, filing.data().institution().name(),
						filing.data().technology().code(), why);
				undetermined.add(new RevocationCheckResult.Finding(this.views.summary(filing.data(), today), why));
			}
			for (String error : check.errors()) {
				log.error("备案 {}（{} {}）撤销检查出错：{}", id, filing.data().institution().name(),
						filing.data().technology().code(), error);
				errors.add(new RevocationCheckResult.Finding(this.views.summary(filing.data(), today), error));
			}
			RevocationPolicy.Proposal proposal = check.proposal();
			if (proposal == null) {
				continue;
			}
			FilingSummary summary = this.transactions.execute(status -> propose(id, proposal, today));
			if (summary != null) {
				proposed.add(summary);
			}
		}
		return new RevocationCheckResult(checked, proposed, undetermined, errors);
	}

	/**
	 * What the check found for one filing: a proposal (at most one), what could not be
	 * decided, and errors.
	 */
	private record Check(RevocationPolicy.@Nullable Proposal proposal, List<String> undetermined, List<String> errors) {
	}

	private @Nullable FilingSummary propose(UUID id, RevocationPolicy.Proposal proposal, LocalDate today) {
		Filing filing = this.store.load(id);
		Map<String, Object> before = FilingStore.auditState(filing.data());
		Act act = new Act(new Actor(IdentityManagement.SYSTEM_ID, "系统自动检查", "SYSTEM", "系统", null), this.store.now(),
				today, proposal.detail());
		if (!filing.proposeRevocation(proposal.reason(), proposal.detail(), act, this.deadlines)) {
			return null;
		}
		FilingData saved = this.store.save(filing, before);
		return this.views.summary(saved, today);
	}

	/**
	 * Checks one filing (吉卫医发〔2022〕12号 一) with {@link RevocationPolicy}: not performed
	 * for 2 years or more, from the case registry's last case (when the institution has
	 * reported cases of the technology there, from the registry's coverage start) and the
	 * institution's dated case volumes before it; conditions no longer met, from a
	 * re-evaluation against the edition in force. Unknown facts and a spec no longer in
	 * force are undetermined; an evaluation error is an error, never a pass.
	 */
	private Check revocationCheck(FilingData data, LocalDate today) {
		String technology = data.technology().code();
		RevocationPolicy.Inactivity inactivity = inactivity(data, today).finding();
		List<String> undetermined = new ArrayList<>();
		if (inactivity.undetermined() != null) {
			undetermined.add(inactivity.undetermined());
		}
		if (inactivity.proposal() != null) {
			return new Check(inactivity.proposal(), undetermined, List.of());
		}
		EligibilityReport report;
		try {
			report = this.eligibility.institutionReport(data.institution().id(), technology, false, today);
		}
		catch (NoSpecInForce ex) {
			undetermined.add("无法按管理规范重新评估：" + Objects.toString(ex.getBody().getDetail(), "没有适用的管理规范"));
			return new Check(null, undetermined, List.of());
		}
		List<String> errors = new ArrayList<>();
		if ("ERROR".equals(report.status())) {
			errors.add("按 " + report.specKey() + " 重新评估出错，未作判断："
					+ String.join("；",
							report.clauses()
								.stream()
								.filter(c -> "ERROR".equals(c.status()))
								.map(c -> c.citation() + " " + c.explanation())
								.toList()));
		}
		return new Check(RevocationPolicy.conditions(report), undetermined, errors);
	}

	/**
	 * The "not performed for 2 years or more" finding of one filing, with the registry's
	 * last case day.
	 */
	private Inactivity inactivity(FilingData data, LocalDate today) {
		String technology = data.technology().code();
		InstitutionDetails institution = this.institutions.get(data.institution().id());
		List<RevocationPolicy.YearCases> volumes = (institution.caseVolumes() == null) ? null
				: institution.caseVolumes()
					.stream()
					.filter(v -> v.technology().equals(technology))
					.map(v -> new RevocationPolicy.YearCases(v.year(), v.cases()))
					.toList();
		CaseHistory history = this.caseHistory.getIfAvailable();
		LocalDate firstRegistered = (history == null) ? null
				: history.institution(data.institution().id()).firstCases().get(technology);
		RevocationPolicy.Registry registry = (history == null || firstRegistered == null) ? null
				: new RevocationPolicy.Registry(history.coverageStart(firstRegistered),
						history.lastCaseDate(data.institution().id(), technology, today));
		return new Inactivity(RevocationPolicy.inactivity(technology, volumes, data.activatedOn(), data.firstCaseDate(),
				today, registry), (registry == null) ? null : registry.lastCase());
	}

	private record Inactivity(RevocationPolicy.Inactivity finding, @Nullable LocalDate lastCase) {

	}

}
