package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.filing.domain.Caller;
import cn.rtms.filing.domain.Filing;
import cn.rtms.filing.domain.Filing.DocumentRef;
import cn.rtms.filing.domain.FilingData;
import cn.rtms.filing.domain.FilingDocuments;
import cn.rtms.filing.domain.FilingState;
import cn.rtms.filing.domain.FilingTransitions;
import cn.rtms.filing.domain.Filings;
import cn.rtms.filing.domain.InboxTask;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import cn.rtms.web.SortKeys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading filings: one filing and its documents, the lists (and the full views for export
 * and printing) restricted to what the current user may read, the inbox of what the
 * current user must act on, and the public list.
 */
@Service
@Transactional(readOnly = true)
public class FilingQueries {

	/** States a hospital has not submitted yet: not shown to authorities. */
	private static final Set<FilingState> UNSUBMITTED = EnumSet.of(FilingState.DRAFT, FilingState.SELF_ASSESSED);

	private final Filings filings;

	private final FilingDocuments documents;

	private final FilingStore store;

	private final FilingAccess access;

	private final FilingViews views;

	private final IdentityManagement identity;

	private final InstitutionManagement institutions;

	private final AuditTrail audit;

	FilingQueries(Filings filings, FilingDocuments documents, FilingStore store, FilingAccess access, FilingViews views,
			IdentityManagement identity, InstitutionManagement institutions, AuditTrail audit) {
		this.audit = audit;
		this.filings = filings;
		this.documents = documents;
		this.store = store;
		this.access = access;
		this.views = views;
		this.identity = identity;
		this.institutions = institutions;
	}

	/**
	 * @param id filing
	 * @return the filing, when the current user may read it
	 */
	public FilingView get(UUID id) {
		CurrentUser user = this.identity.currentUser();
		FilingData data = this.store.load(id).data();
		this.access.requireRead(user, data);
		return this.views.view(data, user);
	}

	/**
	 * @param id filing
	 * @param documentId document
	 * @return the file with its metadata, when the current user may read the filing
	 */
	public StoredDocument document(UUID id, UUID documentId) {
		CurrentUser user = this.identity.currentUser();
		FilingData data = this.store.load(id).data();
		this.access.requireRead(user, data);
		DocumentRef ref = data.documents()
			.stream()
			.filter(d -> d.id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> new FilingNotFound("备案中没有材料 " + documentId));
		byte[] content = this.documents.content(id, documentId)
			.orElseThrow(() -> new FilingNotFound("备案中没有材料 " + documentId));
		this.audit.recordEvent("FILING_DOCUMENT_DOWNLOADED", "Filing", id.toString(),
				Map.of("documentId", documentId.toString(), "fileName", ref.fileName(), "sha256", ref.sha256()));
		return new StoredDocument(ref.fileName(), ref.contentType(), ref.sha256(), content);
	}

	/**
	 * A stored file.
	 *
	 * @param fileName original name
	 * @param contentType detected type
	 * @param sha256 checksum
	 * @param content bytes
	 */
	public record StoredDocument(String fileName, String contentType, String sha256, byte[] content) {
	}

	/** The sort keys of the filing list (docs/lists.md). */
	static final SortKeys<FilingSummary> SORT = SortKeys.<FilingSummary>builder()
		.text("institutionName", FilingSummary::institutionName)
		.text("technology", FilingSummary::technologyName)
		.text("state", FilingSummary::stateLabel)
		.natural("firstCaseDate", FilingSummary::firstCaseDate)
		.natural("submittedOn", FilingSummary::submittedOn)
		.natural("actionDueOn", FilingSummary::actionDueOn)
		.natural("updatedAt", FilingSummary::updatedAt)
		.defaultSort("updatedAt,desc");

	/**
	 * @param state state code or null
	 * @param technology technology code or null
	 * @param regionCode institutions in this region (or below) or null
	 * @return the filings the current user may read
	 */
	public List<FilingSummary> list(@Nullable String state, @Nullable String technology, @Nullable String regionCode) {
		return summaries(FilingFilter.of(state, technology, regionCode));
	}

	/**
	 * @param filter the list's filters
	 * @param query page, size and sort
	 * @return one page of the filings the current user may read
	 */
	public ListPage<FilingSummary> page(FilingFilter filter, ListQuery query) {
		return SORT.page(summaries(filter), query);
	}

	private List<FilingSummary> summaries(FilingFilter filter) {
		LocalDate today = this.store.today();
		return visible(filter).stream().map(d -> this.views.summary(d, today)).filter(filter::matches).toList();
	}

	/**
	 * @param filter the list's filters
	 * @param sort the list's sort or null
	 * @return the visible filings the filter shows in full, sorted, for export
	 * @throws cn.rtms.web.ProblemException 400 {@code EXPORT_TOO_LARGE} when more than
	 * {@link ExcelExport#MAX_ROWS}
	 */
	public List<FilingView> listFull(FilingFilter filter, @Nullable String sort) {
		CurrentUser user = this.identity.currentUser();
		LocalDate today = this.store.today();
		Map<UUID, FilingData> byId = new HashMap<>();
		List<FilingSummary> rows = new ArrayList<>();
		for (FilingData d : visible(filter)) {
			FilingSummary summary = this.views.summary(d, today);
			if (filter.matches(summary)) {
				byId.put(d.id(), d);
				rows.add(summary);
			}
		}
		ExcelExport.requireWithinLimit(rows.size());
		return SORT.sort(rows, sort).stream().map(s -> this.views.view(byId.get(s.id()), user)).toList();
	}

	/**
	 * The filings the current user may read that pass the state, technology and region
	 * filters. Authorities do not see what a hospital has not submitted yet (drafts and
	 * self-assessments).
	 */
	private List<FilingData> visible(FilingFilter filter) {
		CurrentUser user = this.identity.currentUser();
		List<FilingState> states = filter.states();
		String technology = filter.technology();
		String regionCode = filter.regionCode();
		List<FilingData> candidates;
		if (user.role().isInstitutional()) {
			candidates = user.institutionId() == null ? List.of() : this.filings.ofInstitution(user.institutionId());
			candidates = candidates.stream()
				.filter(d -> states.isEmpty() || states.contains(d.state()))
				.filter(d -> technology == null || d.technology().code().equals(technology))
				.toList();
		}
		else if (user.role() == Role.EXPERT) {
			candidates = this.filings.assignedTo(user.id())
				.stream()
				.filter(d -> states.isEmpty() || states.contains(d.state()))
				.filter(d -> technology == null || d.technology().code().equals(technology))
				.toList();
		}
		else {
			candidates = this.filings.search(states, technology);
		}
		boolean authority = user.role().isAuthority();
		Map<String, List<String>> ancestry = new HashMap<>();
		return candidates.stream()
			.filter(d -> !(authority && UNSUBMITTED.contains(d.state())))
			.filter(d -> this.access.canRead(user, d))
			.filter(d -> regionCode == null
					|| ancestry.computeIfAbsent(d.institution().regionCode(), this.institutions::regionAncestry)
						.contains(regionCode))
			.toList();
	}

	/**
	 * @return what the current user must act on ({@link FilingTransitions#tasks}),
	 * overdue first
	 */
	public List<InboxItem> inbox() {
		CurrentUser user = this.identity.currentUser();
		Caller caller = this.access.caller(user);
		LocalDate today = this.store.today();
		List<FilingData> candidates;
		if (user.role().isInstitutional()) {
			candidates = user.institutionId() == null ? List.of() : this.filings.ofInstitution(user.institutionId());
		}
		else if (user.role().isAuthority()) {
			candidates = user.regionCode() == null ? List.of() : this.filings.heldByOrReceivedBy(user.regionCode());
		}
		else if (user.role() == Role.EXPERT) {
			candidates = this.filings.assignedTo(user.id());
		}
		else {
			candidates = List.of();
		}
		List<InboxItem> items = new ArrayList<>();
		for (FilingData d : candidates) {
			Filing filing = Filing.restore(d);
			if (!FilingTransitions.tasks(caller, filing).isEmpty()) {
				items.addAll(inboxItems(caller, filing, this.views.summary(d, today), today));
			}
		}
		items.sort(Comparator.comparing((InboxItem i) -> !i.overdue())
			.thenComparing(i -> i.dueOn() == null ? LocalDate.MAX : i.dueOn()));
		return items;
	}

	/**
	 * The inbox items of one filing for one caller: its {@link FilingTransitions#tasks}
	 * with their due dates.
	 */
	static List<InboxItem> inboxItems(Caller caller, Filing filing, FilingSummary summary, LocalDate today) {
		FilingData d = filing.data();
		List<InboxItem> items = new ArrayList<>();
		for (InboxTask task : FilingTransitions.tasks(caller, filing)) {
			LocalDate due = d.actionDueOn();
			items.add(switch (task) {
				case COMPLETE_DRAFT ->
					new InboxItem(summary, task.code(), task.label(), d.filingDeadline(), filing.lateFiling(today));
				case SUPPLEMENT -> new InboxItem(summary, task.code(), task.label(), due, filing.overdue(today));
				case REVOCATION_PROPOSAL -> {
					Filing.RevocationProposal proposal = Objects.requireNonNull(d.revocationProposal());
					yield new InboxItem(summary, task.code(), task.label() + "：" + proposal.reason().label(),
							proposal.dueOn(), today.isAfter(proposal.dueOn()));
				}
				default -> new InboxItem(summary, task.code(), task.label(), due, due != null && today.isAfter(due));
			});
		}
		return items;
	}

	/**
	 * @param regionCode region (institutions in it or below), or null for all
	 * @return active and revoked filings, for the public (no login)
	 */
	public List<PublicFiling> publicList(@Nullable String regionCode) {
		Map<String, List<String>> ancestry = new HashMap<>();
		Map<String, @Nullable String> names = new HashMap<>();
		return this.filings.search(List.of(FilingState.ACTIVE, FilingState.REVOKED), null)
			.stream()
			.filter(d -> regionCode == null || regionCode.isBlank()
					|| ancestry.computeIfAbsent(d.institution().regionCode(), this.institutions::regionAncestry)
						.contains(regionCode))
			.sorted(Comparator.comparing((FilingData d) -> d.institution().regionCode())
				.thenComparing(d -> d.institution().name())
				.thenComparing(d -> d.technology().code()))
			.map(d -> new PublicFiling(d.institution().name(), d.institution().regionCode(),
					names.computeIfAbsent(d.institution().regionCode(), this.institutions::regionNameBelowProvince),
					d.technology().code(), d.technology().name(), d.state().name(), d.state().label(), d.activatedOn(),
					d.revokedOn(),
					d.state() == FilingState.REVOKED && d.ending() != null ? d.ending().reason().label() : null,
					d.licenceNote()))
			.toList();
	}

	/**
	 * Every filing's practice dates, for the case registry's practice-rights view and the
	 * order-entry check. Not restricted to the current user: callers decide what they
	 * show.
	 * @return one period per filing that was ever submitted, with its suspensions
	 */
	public List<FilingPeriod> practicePeriods() {
		return this.filings.search(List.of(), null)
			.stream()
			.filter(d -> d.submittedOn() != null || d.activatedOn() != null)
			.map(d -> new FilingPeriod(d.id(), d.institution().id(), d.technology().code(), d.state().name(),
					d.firstCaseDate(), d.filingDeadline(), d.firstSubmittedOn(), d.activatedOn(), d.revokedOn(),
					d.suspensions().stream().map(s -> new FilingPeriod.Suspension(s.from(), s.until())).toList()))
			.toList();
	}

	/**
	 * The institution's current filing of a technology, for other modules (the
	 * authorization ledger checks it before a grant). Not restricted to the current user:
	 * callers decide what they show.
	 * @param institutionId the institution
	 * @param technology technology code
	 * @return its open filing of the technology (an institution has at most one that is
	 * neither rejected nor revoked), else the one that ended last; empty when it never
	 * filed the technology (or deleted the draft)
	 */
	public Optional<CurrentFiling> currentFiling(UUID institutionId, String technology) {
		return this.filings.ofInstitution(institutionId)
			.stream()
			.filter(d -> d.technology().code().equals(technology))
			.min(Comparator.comparing((FilingData d) -> d.state().isFinal())
				.thenComparing(FilingData::updatedAt, Comparator.reverseOrder()))
			.map(d -> new CurrentFiling(d.id(), d.technology().code(), d.state().name(), d.state().label()));
	}

}
