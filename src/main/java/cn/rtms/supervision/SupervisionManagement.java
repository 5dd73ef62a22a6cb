package cn.rtms.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.platform.ClusterJobs;
import cn.rtms.web.InputRules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert inbox (docs/supervision.md): lists, counts and details in the session's scope
 * (a hospital its own institution, an authority the institutions of its region, the
 * system administrator all), acknowledgement by the viewer's side with a note (audited),
 * and the refresh that runs the checks ({@link AlertScan}) and reconciles the stored
 * alerts kind by kind.
 */
@Service
public class SupervisionManagement {

	/**
	 * The job's name for {@link ClusterJobs} (daily run and refresh exclude each other).
	 */
	static final String JOB = "supervision.alerts";

	/** Longest acknowledgement note, in characters. */
	public static final int MAX_NOTE_LENGTH = 500;

	/** Largest page. */
	public static final int MAX_PAGE_SIZE = 100;

	static final String INSTITUTION_PARTY = "INSTITUTION";

	private static final String AUTHORITY_PARTY = "AUTHORITY:";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(SupervisionManagement.class);

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
			Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private static final Map<String, String> EVENTS = Map.of("RAISED", "发现预警", "UPDATED", "情况更新", "CLOSED", "自动解除",
			"REOPENED", "再次出现", "ACKNOWLEDGED", "确认");

	private final AlertStore store;

	private final AlertScan scan;

	private final List<AlertSource> sources;

	private final AccessPolicy access;

	private final IdentityManagement identity;

	private final InstitutionManagement institutions;

	private final AuditTrail audit;

	private final ClusterJobs jobs;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SupervisionManagement(AlertStore store, AlertScan scan, AccessPolicy access, IdentityManagement identity,
			InstitutionManagement institutions, AuditTrail audit, ClusterJobs jobs, Clock clock,
			PlatformTransactionManager transactionManager, List<AlertSource> sources) {
		this.store = store;
		this.scan = scan;
		this.sources = List.copyOf(sources);
		this.access = access;
		this.identity = identity;
		this.institutions = institutions;
		this.audit = audit;
		this.jobs = jobs;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * @param kind only this kind, or null
	 * @param status only this status for the viewer's side, or null
	 * @param technology only this technology, or null
	 * @param institutionId only this institution (within the scope), or null
	 * @param page zero-based page
	 * @param size page size, 1–{@value #MAX_PAGE_SIZE}
	 * @return the alerts in the session's scope, most serious and oldest first, closed
	 * ones last
	 */
	@Transactional(readOnly = true)
	public AlertPage list(@Nullable AlertKind kind, @Nullable AlertStatus status, @Nullable String technology,
			@Nullable UUID institutionId, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw InputRules.invalid("size", "page 不能为负数，size 必须在 1–" + MAX_PAGE_SIZE + " 之间");
		}
		if (technology != null) {
			InputRules.require(technology, "technology", 10);
		}
		AlertStore.Viewer viewer = viewer(this.access.requireRole(READERS));
		AlertStore.Filter filter = new AlertStore.Filter(kind, status, technology, institutionId);
		List<AlertStore.Row> rows = this.store.page(viewer, filter, page, size);
		Map<UUID, List<AlertStore.Event>> acknowledgements = this.store
			.acknowledgements(rows.stream().map(AlertStore.Row::id).toList());
		CurrentUser user = this.identity.currentUser();
		Map<String, @Nullable String> regionNames = new HashMap<>();
		List<AlertView> items = rows.stream()
			.map(r -> view(r, user, acknowledgements.getOrDefault(r.id(), List.of()), List.of(), regionNames))
			.toList();
		return new AlertPage(items, this.store.count(viewer, filter), page, size);
	}

	/**
	 * @return the open and acknowledged alerts in the session's scope, per kind
	 */
	@Transactional(readOnly = true)
	public AlertCounts counts() {
		AlertStore.Viewer viewer = viewer(this.access.requireRole(READERS));
		Map<AlertKind, long[]> counts = this.store.counts(viewer);
		List<AlertCounts.AlertKindCount> kinds = new ArrayList<>();
		long open = 0;
		long acknowledged = 0;
		for (AlertKind kind : AlertKind.values()) {
			long[] pair = counts.get(kind);
			kinds.add(new AlertCounts.AlertKindCount(kind.name(), kind.label(), pair[0], pair[1]));
			open += pair[0];
			acknowledged += pair[1];
		}
		return new AlertCounts(open, acknowledged, kinds);
	}

	/**
	 * @param id an alert
	 * @return the alert with its history
	 * @throws AlertNotFound when there is none in the session's scope
	 */
	@Transactional(readOnly = true)
	public AlertView get(UUID id) {
		CurrentUser user = this.access.requireRole(READERS);
		AlertStore.Row row = this.store.find(id, viewer(user)).orElseThrow(AlertNotFound::new);
		return view(row, user, this.store.acknowledgements(List.of(id)).getOrDefault(id, List.of()),
				this.store.events(id), new HashMap<>());
	}

	/**
	 * Acknowledges an alert for the acting user's side: a hospital user for the hospital
	 * (an explanation), an authority for itself; each side once per episode. Audited
	 * ({@code ALERT_ACKNOWLEDGED}).
	 * @param id an alert in the session's scope
	 * @param note why, 1–{@value #MAX_NOTE_LENGTH} characters
	 * @return the alert as the user now sees it
	 * @throws AlertNotFound outside the scope
	 * @throws AlertConflict when it is closed or the side already acknowledged it
	 */
	@Transactional
	public AlertView acknowledge(UUID id, @Nullable String note) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
				Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY);
		String text = (note == null) ? "" : note.strip();
		if (text.isEmpty()) {
			throw InputRules.invalid("note", "请填写确认说明");
		}
		InputRules.require(text, "note", MAX_NOTE_LENGTH);
		AlertStore.Viewer viewer = viewer(user);
		AlertStore.Row row = this.store.find(id, viewer).orElseThrow(AlertNotFound::new);
		Object[] locked = this.store.lock(id).orElseThrow(AlertNotFound::new);
		int episode = (Integer) locked[1];
		if ("CLOSED".equals(locked[0])) {
			throw new AlertConflict("ALERT_CLOSED", "预警已解除", "该预警所述情况已不再存在（已于 " + row.closedOn() + " 自动解除），无需确认");
		}
		String party = Objects.requireNonNull(viewer.party());
		if (this.store.acknowledged(id, episode, party)) {
			throw new AlertConflict("ALERT_ALREADY_ACKNOWLEDGED", "预警已确认", "本方已确认过该预警");
		}
		this.store.event(id, episode, "ACKNOWLEDGED", party, user.id(), user.displayName(), user.role().name(), text,
				this.clock.instant());
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", row.status().name());
		before.put("title", row.title());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", AlertStatus.ACKNOWLEDGED.name());
		after.put("party", partyLabel(party, new HashMap<>()));
		after.put("note", text);
		this.audit.record("ALERT_ACKNOWLEDGED", "Alert", id.toString(), before, after);
		return get(id);
	}

	/**
	 * Runs the checks now for the institutions in the caller's scope (an authority: its
	 * region; the system administrator: all) and reconciles their alerts. Audited
	 * ({@code ALERTS_REFRESHED}).
	 * @return what changed
	 * @throws AlertConflict when the daily run or another refresh is running
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RefreshResult refresh() {
		CurrentUser user = this.access.requireRole(Role.COUNTY_AUTHORITY, Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY,
				Role.SYSTEM_ADMIN);
		Predicate<InstitutionDetails> scope = (user.role() == Role.SYSTEM_ADMIN) ? i -> true
				: i -> this.access.coversRegion(user, i.regionCode());
		boolean all = user.role() == Role.SYSTEM_ADMIN;
		RefreshResult result = this.jobs
			.exclusively(JOB, () -> this.identity.asSystem((Supplier<RefreshResult>) () -> run(scope, all)))
			.orElseThrow(() -> new AlertConflict("ALERT_REFRESH_RUNNING", "预警检查正在进行", "预警检查正在进行（每日检查或他人发起的刷新），请稍后再试"));
		this.audit.recordEvent("ALERTS_REFRESHED", "Alert", "refresh", result);
		return result;
	}

	/**
	 * Runs every check for all institutions as the system (the daily job).
	 * @return what changed
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public RefreshResult refreshAll() {
		return this.identity.asSystem((Supplier<RefreshResult>) () -> run(i -> true, true));
	}

	private RefreshResult run(Predicate<InstitutionDetails> scope, boolean all) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		Instant now = this.clock.instant();
		List<InstitutionDetails> inScope = this.institutions.all()
			.stream()
			.filter(i -> i.id() != null)
			.filter(scope)
			.toList();
		Set<UUID> ids = inScope.stream().map(i -> Objects.requireNonNull(i.id())).collect(Collectors.toSet());
		Map<UUID, AlertStore.Place> places = new HashMap<>();
		Map<String, List<String>> ancestry = new HashMap<>();
		for (InstitutionDetails institution : inScope) {
			places.put(Objects.requireNonNull(institution.id()),
					new AlertStore.Place(institution.name(), institution.regionCode(),
							ancestry.computeIfAbsent(institution.regionCode(), this.institutions::regionAncestry)));
		}
		Predicate<UUID> contains = ids::contains;
		Set<UUID> reconcileScope = all ? null : ids;
		int[] totals = new int[4];
		List<String> failures = new ArrayList<>();
		Map<AlertKind, Supplier<List<Finding>>> checks = new LinkedHashMap<>();
		checks.put(AlertKind.INACTIVE_FILING, () -> this.scan.inactiveFilings(contains));
		checks.put(AlertKind.CONDITIONS_NOT_MET, () -> this.scan.conditionsNotMet(contains, today));
		checks.put(AlertKind.EXPIRED, () -> this.scan.expired(inScope, today));
		checks.put(AlertKind.DISCHARGE_SCAN, () -> {
			List<Finding> unfiled = new ArrayList<>(this.scan.dischargeScan(contains, today));
			unfiled.addAll(this.scan.unfiledCases(inScope, today));
			return unfiled;
		});
		Map<UUID, String> regionOf = new HashMap<>();
		this.institutions.all()
			.stream()
			.filter(i -> i.id() != null)
			.forEach(i -> regionOf.put(Objects.requireNonNull(i.id()), i.regionCode()));
		checks.put(AlertKind.INDICATOR, () -> this.scan.indicators(contains, regionOf, today));
		checks.put(AlertKind.FOLLOW_UP_OVERDUE, () -> this.scan.overdueFollowUps(inScope, today));
		for (AlertSource source : this.sources) {
			Supplier<List<Finding>> own = checks.getOrDefault(source.kind(), List::of);
			checks.put(source.kind(), () -> {
				List<Finding> combined = new ArrayList<>(own.get());
				if (!ids.isEmpty()) {
					for (AlertFinding finding : source.findings(ids, today)) {
						if (finding.kind() != source.kind() || !ids.contains(finding.institutionId())) {
							throw new IllegalStateException(
									source.getClass().getSimpleName() + " 返回了不属于本次检查的预警：" + finding.key());
						}
						combined.add(finding.toFinding());
					}
				}
				return combined;
			});
		}
		checks.forEach((kind, check) -> {
			try {
				List<Finding> findings = check.get();
				AlertStore.Changes changes = Objects.requireNonNull(this.transactions
					.execute(status -> this.store.reconcile(kind, reconcileScope, findings, places, today, now)));
				totals[0] += changes.raised();
				totals[1] += changes.reopened();
				totals[2] += changes.updated();
				totals[3] += changes.closed();
			}
			catch (RuntimeException ex) {
				log.error("监管预警「{}」检查出错，该类预警保持不变", kind.label(), ex);
				failures.add(kind.label() + "：检查出错，该类预警保持不变（"
						+ Objects.toString(ex.getMessage(), ex.getClass().getSimpleName()) + "）");
			}
		});
		RefreshResult result = new RefreshResult(totals[0], totals[1], totals[2], totals[3], failures);
		log.info("监管预警检查：新增 {}，再次出现 {}，更新 {}，解除 {}，出错 {} 类", result.raised(), result.reopened(), result.updated(),
				result.closed(), failures.size());
		return result;
	}

	private static AlertStore.Viewer viewer(CurrentUser user) {
		if (user.role() == Role.HOSPITAL_CLERK || user.role() == Role.HOSPITAL_ADMIN) {
			if (user.institutionId() == null) {
				throw new AccessDenied("当前账号未关联医疗机构");
			}
			return new AlertStore.Viewer(user.institutionId(), null, INSTITUTION_PARTY);
		}
		if (user.role().isAuthority()) {
			if (user.regionCode() == null) {
				throw new AccessDenied("当前账号未设置管辖区域");
			}
			return new AlertStore.Viewer(null, user.regionCode(), AUTHORITY_PARTY + user.regionCode());
		}
		return new AlertStore.Viewer(null, null, null);
	}

	private AlertView view(AlertStore.Row row, CurrentUser user, List<AlertStore.Event> acknowledgements,
			List<AlertStore.Event> events, Map<String, @Nullable String> regionNames) {
		String regionName = regionNames.computeIfAbsent(row.regionCode(), this.institutions::regionName);
		boolean canAcknowledge = user.role() != Role.SYSTEM_ADMIN && row.status() == AlertStatus.OPEN;
		return new AlertView(row.id(), row.kind().name(), row.kind().label(), row.severity().name(),
				row.severity().label(), row.status().name(), row.status().label(), row.institutionId(),
				row.institutionName(), row.regionCode(), regionName, row.technology(), row.technologyName(),
				row.title(), row.message(), row.evidence(), row.firstSeen(), row.lastSeen(), row.closedOn(),
				acknowledgements.stream()
					.map(e -> new AlertView.AlertAcknowledgement(Objects.toString(e.party(), ""),
							partyLabel(Objects.toString(e.party(), ""), regionNames), e.actorName(),
							roleLabel(e.actorRole()), Objects.toString(e.note(), ""), e.at()))
					.toList(),
				events.stream()
					.map(e -> new AlertView.AlertEvent(e.event(), EVENTS.getOrDefault(e.event(), e.event()), e.at(),
							("ACKNOWLEDGED".equals(e.event()) ? e.actorName() + "（"
									+ partyLabel(Objects.toString(e.party(), ""), regionNames) + "）" : e.actorName()),
							e.note()))
					.toList(),
				canAcknowledge);
	}

	private String partyLabel(String party, Map<String, @Nullable String> regionNames) {
		if (party.startsWith(AUTHORITY_PARTY)) {
			String code = party.substring(AUTHORITY_PARTY.length());
			String name = regionNames.computeIfAbsent(code, this.institutions::regionName);
			return Objects.toString(name, code) + (code.endsWith("00") ? "卫生健康委员会" : "卫生健康局");
		}
		return "医疗机构";
	}

	private static String roleLabel(@Nullable String role) {
		if (role == null) {
			return "";
		}
		try {
			return Role.valueOf(role).label();
		}
		catch (IllegalArgumentException ex) {
			return role;
		}
	}

}
