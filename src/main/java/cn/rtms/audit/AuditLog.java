package cn.rtms.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.identity.UserManagement.AccountName;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import cn.rtms.web.SortKeys;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit page's reading of the trail (docs/lists.md): entries paged, filtered and
 * sorted in SQL (the trail grows without bound), each made readable ({@link AuditView}),
 * and the Excel export. For system administrators and the provincial authority.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** The sort keys (validated here, applied in SQL through {@link #COLUMNS}). */
	static final SortKeys<AuditEntry> SORT = SortKeys.<AuditEntry>builder()
		.natural("occurredAt", AuditEntry::id)
		.text("actorName", AuditEntry::actorName)
		.text("action", AuditEntry::action)
		.text("entityType", AuditEntry::entityType)
		.defaultSort("occurredAt,desc");

	private static final Map<String, String> COLUMNS = Map.of("occurredAt", "id", "actorName", "actor_name", "action",
			"action", "entityType", "entity_type");

	private static final Map<String, String> LINKS = Map.of("Institution", "/institutions/", "Person", "/people/",
			"Filing", "/filings/", "Case", "/cases/");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Map<String, AuditSubjects> subjects;

	private final UserManagement users;

	AuditLog(JdbcClient jdbc, JsonMapper json, AccessPolicy access, AuditTrail audit, List<AuditSubjects> subjects,
			UserManagement users) {
		this.jdbc = jdbc;
		this.users = users;
		this.json = json;
		this.access = access;
		this.audit = audit;
		this.subjects = subjects.stream().collect(Collectors.toMap(AuditSubjects::entityType, s -> s, (a, b) -> a));
	}

	/**
	 * @param filter the filters
	 * @param query page, size, sort
	 * @return one page of readable entries
	 */
	public ListPage<AuditView> page(Filter filter, ListQuery query) {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		SortKeys.Sort sort = SORT.parse(query.sort());
		long total = count(filter);
		List<AuditEntry> entries = select(filter, sort, query.size(), query.offset());
		return new ListPage<>(readable(entries), total, query.page(), query.size(), sort.toString());
	}

	/**
	 * @param filter the filters
	 * @param sort the sort or null
	 * @return the entries the filter shows, as .xlsx
	 */
	public byte[] excel(Filter filter, @Nullable String sort) {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		SortKeys.Sort parsed = SORT.parse(sort);
		long total = count(filter);
		ExcelExport.requireWithinLimit(total);
		List<AuditView> rows = readable(select(filter, parsed, ExcelExport.MAX_ROWS, 0));
		Map<String, Object> details = new LinkedHashMap<>(filter.described());
		details.put("format", "XLSX");
		details.put("rows", rows.size());
		this.audit.recordEvent("AUDIT_LIST_EXPORTED", "Audit", "export", details);
		List<List<Object>> data = new ArrayList<>();
		for (AuditView v : rows) {
			data.add(List.of(TIME.format(v.occurredAt()), v.actorName(),
					v.actorRoleLabel() == null ? "" : v.actorRoleLabel(), v.actionLabel(), v.entityTypeLabel(),
					v.subjectName() == null ? "" : v.subjectName(), v.address(),
					v.changes()
						.stream()
						.map(c -> c.field() + "：" + (c.before() == null ? "" : c.before() + " → ")
								+ (c.after() == null ? "（删除）" : c.after()))
						.collect(Collectors.joining("；"))));
		}
		return ExcelExport.write("审计记录", List.of("时间", "操作人", "角色", "操作", "对象类型", "对象", "地址", "变更内容"), data);
	}

	/**
	 * @return the labels of the filters: action code → Chinese label, object kind →
	 * Chinese label
	 */
	public Labels labels() {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		return new Labels(AuditLabels.actions(), AuditLabels.types());
	}

	/**
	 * The audit page's filter labels.
	 *
	 * @param actions action code → Chinese label
	 * @param entityTypes object kind → Chinese label
	 */
	public record Labels(Map<String, String> actions, Map<String, String> entityTypes) {
	}

	private long count(Filter filter) {
		return this.jdbc.sql("select count(*) from audit.entry where " + WHERE)
			.params(filter.params())
			.query(Long.class)
			.single();
	}

	private List<AuditEntry> select(Filter filter, SortKeys.Sort sort, int limit, long offset) {
		String column = COLUMNS.get(sort.key());
		String direction = sort.descending() ? "desc" : "asc";
		return this.jdbc
			.sql("select * from audit.entry where " + WHERE + " order by " + column + " " + direction + ", id "
					+ direction + " limit :limit offset :offset")
			.params(filter.params())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static final String WHERE = """
			(cast(:actor as text) is null or actor_name ilike '%' || cast(:actor as text) || '%')
			and (cast(:action as text) is null or action = cast(:action as text))
			and (cast(:entityType as text) is null or entity_type = cast(:entityType as text))
			and (cast(:entityId as text) is null or entity_id = cast(:entityId as text))
			and (cast(:fromTime as timestamptz) is null or occurred_at >= cast(:fromTime as timestamptz))
			and (cast(:toTime as timestamptz) is null or occurred_at < cast(:toTime as timestamptz))
			""";

	private List<AuditView> readable(List<AuditEntry> entries) {
		Map<String, Set<String>> idsByType = new HashMap<>();
		for (AuditEntry e : entries) {
			idsByType.computeIfAbsent(e.entityType(), t -> new LinkedHashSet<>()).add(e.entityId());
		}
		Map<String, Map<String, String>> names = new HashMap<>();
		idsByType.forEach((type, ids) -> {
			AuditSubjects named = this.subjects.get(type);
			names.put(type, named == null ? Map.of() : named.names(ids));
		});
		Set<UUID> accountIds = new LinkedHashSet<>();
		for (AuditEntry e : entries) {
			uuid(e.actorId()).ifPresent(accountIds::add);
			if ("User".equals(e.entityType())) {
				uuid(e.entityId()).ifPresent(accountIds::add);
			}
		}
		Map<UUID, AccountName> accounts = accountIds.isEmpty() ? Map.of() : this.users.names(accountIds);
		List<AuditView> views = new ArrayList<>();
		for (AuditEntry e : entries) {
			String name = names.getOrDefault(e.entityType(), Map.of()).get(e.entityId());
			if (name == null && "User".equals(e.entityType())) {
				name = uuid(e.entityId()).map(accounts::get).map(AccountName::displayName).orElse(null);
			}
			AccountName actor = uuid(e.actorId()).map(accounts::get).orElse(null);
			String actorName = (e.actorRole() == null && actor != null) ? actor.displayName() : e.actorName();
			String roleLabel = roleLabel(e.actorRole());
			if (roleLabel == null && actor != null) {
				roleLabel = actor.role().label();
			}
			if (name == null) {
				name = snapshotName(e.after());
			}
			if (name == null) {
				name = snapshotName(e.before());
			}
			boolean isId = UUID_TEXT.matcher(e.entityId()).matches();
			if (name == null && !isId && !"export".equals(e.entityId())) {
				name = UUID_TEXT.matcher(e.entityId()).replaceAll("…");
			}
			String link = isId && LINKS.containsKey(e.entityType()) ? LINKS.get(e.entityType()) + e.entityId() : null;
			String action = AuditLabels.actionLabel(e.action());
			views.add(new AuditView(e.id(), e.occurredAt(), actorName, roleLabel, e.action(),
					action == null ? "其他操作" : action, e.entityType(), AuditLabels.typeLabel(e.entityType()),
					e.entityId(), name, link, e.address(), AuditChanges.of(this.json, e.before(), e.after())));
		}
		return views;
	}

	private @Nullable String snapshotName(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(state);
			for (String field : List.of("name", "displayName", "personName", "institutionName")) {
				JsonNode value = node.get(field);
				if (value != null && value.isString() && !value.asString().isBlank()) {
					return value.asString();
				}
			}
		}
		catch (RuntimeException ex) {
			// not JSON: no name
		}
		return null;
	}

	private static Optional<UUID> uuid(@Nullable String text) {
		if (text == null || !UUID_TEXT.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(text));
	}

	private static @Nullable String roleLabel(@Nullable String role) {
		if (role == null) {
			return null;
		}
		for (Role r : Role.values()) {
			if (r.name().equals(role)) {
				return r.label();
			}
		}
		return null;
	}

	private static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_role"),
				rs.getString("address"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("previous_hash"),
				rs.getString("hash"));
	}

	/**
	 * The audit list's filters.
	 *
	 * @param actor part of the actor's name
	 * @param action action code
	 * @param entityType kind of object
	 * @param entityId one object
	 * @param from on or after this day (China time)
	 * @param to on or before this day (China time)
	 */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {

		/**
		 * Normalises blanks.
		 */
		public Filter {
			actor = blank(actor);
			action = blank(action);
			entityType = blank(entityType);
			entityId = blank(entityId);
		}

		private static @Nullable String blank(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		Map<String, @Nullable Object> params() {
			Map<String, @Nullable Object> params = new HashMap<>();
			params.put("actor", this.actor == null ? null : this.actor.replace("%", "\\%").replace("_", "\\_"));
			params.put("action", this.action);
			params.put("entityType", this.entityType);
			params.put("entityId", this.entityId);
			params.put("fromTime", this.from == null ? null : this.from.atStartOfDay(ZONE).toOffsetDateTime());
			params.put("toTime", this.to == null ? null : this.to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
			return params;
		}

		Map<String, Object> described() {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("actor", this.actor);
			d.put("action", this.action);
			d.put("entityType", this.entityType);
			d.put("entityId", this.entityId);
			d.put("from", this.from == null ? null : this.from.toString());
			d.put("to", this.to == null ? null : this.to.toString());
			d.values().removeIf(v -> v == null);
			return d;
		}

	}

}
