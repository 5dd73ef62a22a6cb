package cn.rtms.institutions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.rtms.audit.AuditTrail;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based upsert of institutions from a staging table (or view) the caller filled in
 * the same transaction (the bulk load, ADR 0037): institutions are matched by 统一社会信用代码,
 * else by name when the existing institution has no credit code yet (it then receives
 * it); rows equal to the stored record change nothing (no version bump). The caller
 * validates every value and checks scope first; this class owns only the writes to its
 * table.
 * <p>
 * The staging table has the columns {@value #STAGING_COLUMNS}, each collection a JSONB
 * array in the form of {@link InstitutionDetails} or null to keep the stored one.
 */
@Service
public class InstitutionBulkUpsert {

	/** The staging table's columns, in order. */
	public static final String STAGING_COLUMNS = "row int, credit_code text, name text, region_code text, level text, "
			+ "type text, specialty text, licence_number text, licence_issued_by text, licence_issuer_region_code text, "
			+ "licence_valid_from date, licence_valid_until date, departments jsonb, facilities jsonb, equipment jsonb, "
			+ "operating_rooms jsonb, licences jsonb";

	private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	InstitutionBulkUpsert(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.audit = audit;
	}

	/** The stored fields an update may change, as the audit entry names them. */
	private static final String FIELDS_OLD = fields("o", "o");

	private static final String FIELDS_NEW = fields("m", "o");

	private static String fields(String row, String stored) {
		return """
				jsonb_build_object('creditCode', %1$s.credit_code, 'name', %1$s.name, 'regionCode', %1$s.region_code,
				  'level', %1$s.level, 'type', %1$s.type, 'specialty', %1$s.specialty,
				  'licenceNumber', %1$s.licence_number, 'licenceIssuedBy', %1$s.licence_issued_by,
				  'licenceIssuerRegionCode', %1$s.licence_issuer_region_code,
				  'licenceValidFrom', %1$s.licence_valid_from, 'licenceValidUntil', %1$s.licence_valid_until,
				  'departments', coalesce(%1$s.departments, %2$s.departments),
				  'facilities', coalesce(%1$s.facilities, %2$s.facilities),
				  'equipment', coalesce(%1$s.equipment, %2$s.equipment),
				  'operatingRooms', coalesce(%1$s.operating_rooms, %2$s.operating_rooms),
				  'licences', coalesce(%1$s.licences, %2$s.licences), 'version', %2$s.version%3$s)""".formatted(row,
				stored, row.equals(stored) ? "" : " + 1");
	}

	/**
	 * An institution as stored, for reference by credit code.
	 *
	 * @param id its id
	 * @param name its name
	 * @param regionCode its region
	 */
	public record Ref(UUID id, String name, String regionCode) {
	}

	/**
	 * How a staged row matches what is stored.
	 *
	 * @param row the staged row number
	 * @param id the matched institution, null for a new one
	 * @param regionCode the matched institution's current region
	 * @param level its level
	 * @param type its type
	 * @param licenceNumber its licence number
	 * @param licenceIssuerRegionCode its licence's issuer region
	 * @param nameTakenBy the name of another institution that already has the row's name
	 * (null: none)
	 * @param licenceTakenBy the name of another institution that already has the row's
	 * licence number (null: none)
	 */
	public record Match(int row, @Nullable UUID id, @Nullable String regionCode, @Nullable String level,
			@Nullable String type, @Nullable String licenceNumber, @Nullable String licenceIssuedBy,
			@Nullable String licenceIssuerRegionCode, @Nullable LocalDate licenceValidFrom,
			@Nullable LocalDate licenceValidUntil, @Nullable String nameTakenBy, @Nullable String licenceTakenBy) {
	}

	/**
	 * What an upsert did.
	 *
	 * @param created institutions created
	 * @param updated institutions whose record changed
	 * @param unchanged staged rows equal to the stored record
	 * @param changed ids of the created and updated institutions
	 */
	public record Counts(int created, int updated, int unchanged, Set<UUID> changed) {
	}

	/**
	 * @param consumer receives every institution that has a credit code (one per
	 * institution, not per imported row)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void byCreditCode(java.util.function.BiConsumer<String, Ref> consumer) {
		this.jdbc.sql(
				"select credit_code, id, name, region_code from institutions.institution where credit_code is not null")
			.query(rs -> {
				consumer.accept(rs.getString(1),
						new Ref(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
			});
	}

	/**
	 * @param institutionId an institution
	 * @return its credit code, or null when none is recorded
	 */
	public @Nullable String creditCode(UUID institutionId) {
		return this.jdbc.sql("select credit_code from institutions.institution where id = ?")
			.param(institutionId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Streams, for every staged row, what it matches and what it would collide with.
	 * @param table the staging table (a plain identifier)
	 * @param consumer receives one match per staged row, in row order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void matches(String table, Consumer<Match> consumer) {
		this.jdbc.sql("""
				with m as (
				  select s.row, s.credit_code, s.name, s.licence_number, coalesce(a.id, b.id) as id
				  from %1$s s
				  left join institutions.institution a on a.credit_code = s.credit_code
				  left join institutions.institution b on a.id is null and b.credit_code is null and b.name = s.name)
				select m.row, m.id, i.region_code, i.level, i.type, i.licence_number, i.licence_issued_by,
				  i.licence_issuer_region_code, i.licence_valid_from, i.licence_valid_until,
				  (select o.name from institutions.institution o where o.name = m.name
				     and o.id is distinct from m.id limit 1) as name_taken,
				  (select o.name from institutions.institution o where o.licence_number = m.licence_number
				     and o.id is distinct from m.id limit 1) as licence_taken
				from m left join institutions.institution i on i.id = m.id
				order by m.row""".formatted(identifier(table))).query(rs -> {
			consumer.accept(new Match(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
					rs.getString(12)));
		});
	}

	/**
	 * Upserts every staged row: matched institutions are updated when a value differs
	 * (version + 1), the others are created. Publishes one {@link InstitutionsChanged}
	 * naming the changed institutions (not a created one: nothing refers to it yet — no
	 * filing, training base or authorization — and the re-checks would only cost). Each
	 * updated institution is audited as {@code INSTITUTION_BULK_UPDATED} by the acting
	 * user with the fields that changed, before and after, as an edit on the institution
	 * page is (the caller records one entry per import with its counts, which covers the
	 * created ones).
	 * @param table the staging table or view
	 * @return the counts
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Counts upsert(String table) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int[] counts = new int[3];
		Set<UUID> changed = new LinkedHashSet<>();
		Set<UUID> updated = new LinkedHashSet<>();
		this.jdbc.sql("""
				with m as (
				  select s.*, coalesce(a.id, b.id) as id
				  from %1$s s
				  left join institutions.institution a on a.credit_code = s.credit_code
				  left join institutions.institution b on a.id is null and b.credit_code is null and b.name = s.name),
				upd as (
				  update institutions.institution i set credit_code = m.credit_code, name = m.name,
				    region_code = m.region_code, level = m.level, type = m.type, specialty = m.specialty,
				    licence_number = m.licence_number, licence_issued_by = m.licence_issued_by,
				    licence_issuer_region_code = m.licence_issuer_region_code,
				    licence_valid_from = m.licence_valid_from, licence_valid_until = m.licence_valid_until,
				    departments = coalesce(m.departments, i.departments),
				    facilities = coalesce(m.facilities, i.facilities), equipment = coalesce(m.equipment, i.equipment),
				    operating_rooms = coalesce(m.operating_rooms, i.operating_rooms),
				    licences = coalesce(m.licences, i.licences), version = i.version + 1, updated_at = :now
				  from m join institutions.institution o on o.id = m.id where i.id = m.id
				    and (i.credit_code, i.name, i.region_code, i.level, i.type, i.specialty, i.licence_number,
				         i.licence_issued_by, i.licence_issuer_region_code, i.licence_valid_from,
				         i.licence_valid_until, i.departments, i.facilities, i.equipment, i.operating_rooms, i.licences)
				      is distinct from
				        (m.credit_code, m.name, m.region_code, m.level, m.type, m.specialty, m.licence_number,
				         m.licence_issued_by, m.licence_issuer_region_code, m.licence_valid_from,
				         m.licence_valid_until, coalesce(m.departments, i.departments),
				         coalesce(m.facilities, i.facilities), coalesce(m.equipment, i.equipment),
				         coalesce(m.operating_rooms, i.operating_rooms), coalesce(m.licences, i.licences))
				  returning i.id, %2$s as before, %3$s as after),
				ins as (
				  insert into institutions.institution (id, credit_code, name, region_code, level, type, specialty,
				    licence_number, licence_issued_by, licence_issuer_region_code, licence_valid_from,
				    licence_valid_until, departments, facilities, equipment, operating_rooms, licences, version,
				    created_at, updated_at)
				  select gen_random_uuid(), credit_code, name, region_code, level, type, specialty, licence_number,
				    licence_issued_by, licence_issuer_region_code, licence_valid_from, licence_valid_until,
				    departments, facilities, equipment, operating_rooms, licences, 0, :now, :now
				  from m where m.id is null
				  returning id)
				select 'C' as what, id, null::text, null::text from ins
				union all select 'U', id, before::text, after::text from upd
				union all select 'T', null, null, null from m""".formatted(identifier(table), FIELDS_OLD, FIELDS_NEW))
			.param("now", now)
			.query(rs -> {
				switch (rs.getString(1)) {
					case "C" -> {
						counts[0]++;
						changed.add(rs.getObject(2, UUID.class));
					}
					case "U" -> {
						counts[1]++;
						UUID id = rs.getObject(2, UUID.class);
						changed.add(id);
						updated.add(id);
						this.audit.recordChanges("INSTITUTION_BULK_UPDATED", "Institution", id.toString(),
								rs.getString(3), rs.getString(4));
					}
					default -> counts[2]++;
				}
			});
		if (!updated.isEmpty()) {
			this.events.publishEvent(new InstitutionsChanged(updated));
		}
		return new Counts(counts[0], counts[1], counts[2] - counts[0] - counts[1], changed);
	}

	static String identifier(String table) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("staging table must be a plain identifier: " + table);
		}
		return table;
	}

}
