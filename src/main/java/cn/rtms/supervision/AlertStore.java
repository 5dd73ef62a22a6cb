package cn.rtms.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code supervision} schema: alerts upserted by key, closed and reopened by the
 * checks, read in a viewer's scope, and their events (including acknowledgements).
 */
@Repository
class AlertStore {

	static final String SYSTEM_ACTOR = "系统自动检查";

	private static final String COLUMNS = """
			a.id, a.kind, a.severity, a.institution_id, a.institution_name, a.region_code, a.technology,
			a.technology_name, a.title, a.message, a.evidence::text as evidence, a.status, a.episode, a.first_seen,
			a.last_seen, a.closed_on""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AlertStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Where an institution lies, as stored with its alerts.
	 *
	 * @param name its name
	 * @param regionCode its region
	 * @param regionPath the region and its ancestors
	 */
	record Place(String name, String regionCode, List<String> regionPath) {
	}

	/**
	 * Who reads: the institution of a hospital user, the region of an authority, neither
	 * for the system administrator; and the side that acknowledges.
	 *
	 * @param institutionId the hospital's institution
	 * @param regionCode the authority's region
	 * @param party the viewer's side (INSTITUTION or AUTHORITY:code), null for the system
	 * administrator (who sees an alert acknowledged once any side did)
	 */
	record Viewer(@Nullable UUID institutionId, @Nullable String regionCode, @Nullable String party) {
	}

	/**
	 * List filters.
	 *
	 * @param kind the kind
	 * @param status the viewer's status
	 * @param technology technology code
	 * @param institutionId one institution
	 */
	record Filter(@Nullable AlertKind kind, @Nullable AlertStatus status, @Nullable String technology,
			@Nullable UUID institutionId) {
	}

	/** An alert row. */
	record Row(UUID id, AlertKind kind, AlertSeverity severity, UUID institutionId, String institutionName,
			String regionCode, @Nullable String technology, @Nullable String technologyName, String title,
			String message, Evidence evidence, AlertStatus status, int episode, LocalDate firstSeen, LocalDate lastSeen,
			@Nullable LocalDate closedOn) {
	}

	/** An event row. */
	record Event(String event, int episode, @Nullable String party, String actorName, @Nullable String actorRole,
			@Nullable String note, Instant at) {
	}

	/** What a reconciliation changed. */
	record Changes(int raised, int reopened, int updated, int closed) {
	}

	/**
	 * Makes the stored alerts of one kind match what its check found: a new key is
	 * raised, an open one updated (its last day, severity, message and evidence), a
	 * closed one reopened with a new episode; open alerts of the kind whose institution
	 * is in {@code scope} and whose key was not found are closed on {@code today}.
	 * @param kind the kind checked
	 * @param scope the institutions checked, null for all
	 * @param findings what was found (keys unique)
	 * @param places where each institution of the findings lies
	 * @param today the day of the run
	 * @param now the time of the run
	 * @return what changed
	 */
	Changes reconcile(AlertKind kind, @Nullable Set<UUID> scope, Collection<Finding> findings, Map<UUID, Place> places,
			LocalDate today, Instant now) {
		int raised = 0;
		int reopened = 0;
		int updated = 0;
		Set<String> keys = new HashSet<>();
		for (Finding finding : findings) {
			if (!keys.add(finding.key())) {
				continue;
			}
			Place place = places.get(finding.institutionId());
			if (place == null) {
				continue;
			}
			String evidence = this.json.writeValueAsString(finding.evidence());
			Optional<Existing> existing = this.jdbc.sql(
					"select id, status, episode, severity, message from supervision.alert where alert_key = ? for update")
				.param(finding.key())
				.query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
						rs.getString(4), rs.getString(5)))
				.optional();
			if (existing.isEmpty()) {
				UUID id = UUID.randomUUID();
				this.jdbc
					.sql("""
							insert into supervision.alert (id, alert_key, kind, severity, institution_id, institution_name,
							  region_code, region_path, technology, technology_name, title, message, evidence, status, episode,
							  first_seen, last_seen, updated_at)
							values (?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?, ?, ?, ?::jsonb, 'OPEN', 1, ?, ?, ?)""")
					.params(id, finding.key(), kind.name(), finding.severity().name(), finding.institutionId(),
							place.name(), place.regionCode(), place.regionPath().toArray(String[]::new),
							finding.technology(), finding.technologyName(), finding.title(), finding.message(),
							evidence, today, today, Timestamp.from(now))
					.update();
				event(id, 1, "RAISED", null, null, SYSTEM_ACTOR, null, finding.message(), now);
				raised++;
				continue;
			}
			Existing row = existing.get();
			boolean reopen = "CLOSED".equals(row.status());
			int episode = reopen ? row.episode() + 1 : row.episode();
			this.jdbc.sql("""
					update supervision.alert set severity = ?, institution_name = ?, region_code = ?,
					  region_path = ?::varchar[], technology = ?, technology_name = ?, title = ?, message = ?,
					  evidence = ?::jsonb, status = 'OPEN', episode = ?, last_seen = ?, closed_on = null, updated_at = ?
					where id = ?""")
				.params(finding.severity().name(), place.name(), place.regionCode(),
						place.regionPath().toArray(String[]::new), finding.technology(), finding.technologyName(),
						finding.title(), finding.message(), evidence, episode, today, Timestamp.from(now), row.id())
				.update();
			if (reopen) {
				event(row.id(), episode, "REOPENED", null, null, SYSTEM_ACTOR, null, finding.message(), now);
				reopened++;
			}
			else if (!row.severity().equals(finding.severity().name()) || !row.message().equals(finding.message())) {
				event(row.id(), episode, "UPDATED", null, null, SYSTEM_ACTOR, null, finding.message(), now);
				updated++;
			}
		}
		List<Open> open = this.jdbc
			.sql("select id, episode, alert_key, institution_id from supervision.alert "
					+ "where kind = ? and status = 'OPEN' for update")
			.param(kind.name())
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					rs.getObject(4, UUID.class)))
			.list();
		int closed = 0;
		for (Open row : open) {
			if (keys.contains(row.key()) || (scope != null && !scope.contains(row.institutionId()))) {
				continue;
			}
			this.jdbc.sql("update supervision.alert set status = 'CLOSED', closed_on = ?, updated_at = ? where id = ?")
				.params(today, Timestamp.from(now), row.id())
				.update();
			event(row.id(), row.episode(), "CLOSED", null, null, SYSTEM_ACTOR, null, "检查未再发现该情况，预警自动解除", now);
			closed++;
		}
		return new Changes(raised, reopened, updated, closed);
	}

	/** A stored alert as a reconciliation reads it. */
	private record Existing(UUID id, String status, int episode, String severity, String message) {
	}

	/** An open alert that may have to be closed. */
	private record Open(UUID id, int episode, String key, UUID institutionId) {
	}

	void event(UUID alertId, int episode, String event, @Nullable String party, @Nullable UUID actorId,
			String actorName, @Nullable String actorRole, @Nullable String note, Instant at) {
		this.jdbc.sql("""
				insert into supervision.alert_event (alert_id, episode, event, party, actor_id, actor_name, actor_role,
				  note, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(alertId, episode, event, party, actorId, actorName, actorRole, note, Timestamp.from(at))
			.update();
	}

	/**
	 * @param viewer who reads
	 * @param filter the filters
	 * @param page zero-based page
	 * @param size page size
	 * @return the page's rows, most serious and oldest first, closed ones last
	 */
	List<Row> page(Viewer viewer, Filter filter, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(viewer, filter, params);
		params.add(size);
		params.add((long) page * size);
		return this.jdbc.sql("select " + COLUMNS + ", " + statusOf(viewer) + " as viewer_status "
				+ "from supervision.alert a " + where + " order by (a.status = 'CLOSED'), "
				+ "case a.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, a.first_seen, a.institution_name, a.id "
				+ "limit ? offset ?")
			.params(statusParams(viewer, params))
			.query(this::row)
			.list();
	}

	/**
	 * @param viewer who reads
	 * @param filter the filters
	 * @return how many alerts match
	 */
	long count(Viewer viewer, Filter filter) {
		List<Object> params = new ArrayList<>();
		String where = where(viewer, filter, params);
		return this.jdbc.sql("select count(*) from supervision.alert a " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * @param viewer who reads
	 * @return per kind: [open for the viewer, acknowledged by the viewer's side]
	 */
	Map<AlertKind, long[]> counts(Viewer viewer) {
		List<Object> params = new ArrayList<>();
		String where = where(viewer, new Filter(null, null, null, null), params);
		Map<AlertKind, long[]> counts = new java.util.EnumMap<>(AlertKind.class);
		for (AlertKind kind : AlertKind.values()) {
			counts.put(kind, new long[2]);
		}
		this.jdbc
			.sql("select a.kind, " + statusOf(viewer) + " as s, count(*) from supervision.alert a " + where
					+ (where.isEmpty() ? " where" : " and") + " a.status = 'OPEN' group by 1, 2")
			.params(statusParams(viewer, params))
			.query((rs, n) -> {
				long[] pair = counts.get(AlertKind.valueOf(rs.getString(1)));
				pair["ACKNOWLEDGED".equals(rs.getString(2)) ? 1 : 0] += rs.getLong(3);
				return null;
			})
			.list();
		return counts;
	}

	/**
	 * @param id an alert
	 * @param viewer who reads
	 * @return the alert when it exists in the viewer's scope
	 */
	Optional<Row> find(UUID id, Viewer viewer) {
		List<Object> params = new ArrayList<>();
		String where = where(viewer, new Filter(null, null, null, null), params);
		params.add(id);
		return this.jdbc
			.sql("select " + COLUMNS + ", " + statusOf(viewer) + " as viewer_status from supervision.alert a " + where
					+ (where.isEmpty() ? " where" : " and") + " a.id = ?")
			.params(statusParams(viewer, params))
			.query(this::row)
			.optional();
	}

	/**
	 * Locks the alert for an acknowledgement.
	 * @param id the alert
	 * @return status and episode
	 */
	Optional<Object[]> lock(UUID id) {
		return this.jdbc.sql("select status, episode from supervision.alert where id = ? for update")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) })
			.optional();
	}

	/**
	 * @param alertId an alert
	 * @param episode its episode
	 * @param party a side
	 * @return whether the side acknowledged it in the episode
	 */
	boolean acknowledged(UUID alertId, int episode, String party) {
		return this.jdbc
			.sql("select count(*) from supervision.alert_event where alert_id = ? and episode = ? "
					+ "and event = 'ACKNOWLEDGED' and party = ?")
			.params(alertId, episode, party)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @param alertId an alert
	 * @return its events, oldest first
	 */
	List<Event> events(UUID alertId) {
		return this.jdbc
			.sql("select event, episode, party, actor_name, actor_role, note, at "
					+ "from supervision.alert_event where alert_id = ? order by id")
			.param(alertId)
			.query((rs, n) -> new Event(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * @param ids alerts
	 * @return the acknowledgements of their current episodes
	 */
	Map<UUID, List<Event>> acknowledgements(Collection<UUID> ids) {
		Map<UUID, List<Event>> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select e.alert_id, e.event, e.episode, e.party, e.actor_name, e.actor_role, e.note, e.at
				from supervision.alert_event e join supervision.alert a on a.id = e.alert_id and a.episode = e.episode
				where e.event = 'ACKNOWLEDGED' and e.alert_id = any(?::uuid[]) order by e.id""")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> found.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new Event(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
						rs.getString(7), rs.getTimestamp(8).toInstant())))
			.list();
		return found;
	}

	private static String where(Viewer viewer, Filter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (viewer.institutionId() != null) {
			conditions.add("a.institution_id = ?");
			params.add(viewer.institutionId());
		}
		else if (viewer.regionCode() != null) {
			conditions.add("? = any(a.region_path)");
			params.add(viewer.regionCode());
		}
		if (filter.kind() != null) {
			conditions.add("a.kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.technology() != null) {
			conditions.add("a.technology = ?");
			params.add(filter.technology());
		}
		if (filter.institutionId() != null) {
			conditions.add("a.institution_id = ?");
			params.add(filter.institutionId());
		}
		if (filter.status() != null) {
			switch (filter.status()) {
				case CLOSED -> conditions.add("a.status = 'CLOSED'");
				case ACKNOWLEDGED -> {
					conditions.add("a.status = 'OPEN' and " + acknowledgedBy(viewer));
					addParty(viewer, params);
				}
				case OPEN -> {
					conditions.add("a.status = 'OPEN' and not " + acknowledgedBy(viewer));
					addParty(viewer, params);
				}
			}
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String acknowledgedBy(Viewer viewer) {
		return "exists (select 1 from supervision.alert_event e where e.alert_id = a.id and e.episode = a.episode "
				+ "and e.event = 'ACKNOWLEDGED'" + ((viewer.party() != null) ? " and e.party = ?" : "") + ")";
	}

	private static void addParty(Viewer viewer, List<Object> params) {
		if (viewer.party() != null) {
			params.add(viewer.party());
		}
	}

	/**
	 * The viewer's status expression; its parameter goes first (see
	 * {@link #statusParams}).
	 */
	private static String statusOf(Viewer viewer) {
		return "case when a.status = 'CLOSED' then 'CLOSED' when " + acknowledgedBy(viewer)
				+ " then 'ACKNOWLEDGED' else 'OPEN' end";
	}

	private static List<Object> statusParams(Viewer viewer, List<Object> params) {
		List<Object> all = new ArrayList<>();
		addParty(viewer, all);
		all.addAll(params);
		return all;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), AlertKind.valueOf(rs.getString("kind")),
				AlertSeverity.valueOf(rs.getString("severity")), rs.getObject("institution_id", UUID.class),
				rs.getString("institution_name"), rs.getString("region_code"), rs.getString("technology"),
				rs.getString("technology_name"), rs.getString("title"), rs.getString("message"),
				this.json.readValue(rs.getString("evidence"), Evidence.class),
				AlertStatus.valueOf(rs.getString("viewer_status")), rs.getInt("episode"),
				rs.getObject("first_seen", LocalDate.class), rs.getObject("last_seen", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class));
	}

}
