package cn.rtms.personnel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.rtms.audit.AuditTrail;
import cn.rtms.institutions.InstitutionsChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based upsert of people from a staging table (or view) the caller filled in the same
 * transaction (the bulk load, ADR 0037): people are matched by 医师执业证书编码; rows equal to
 * the stored record change nothing (no version bump). The caller validates every value
 * and checks scope first; this class owns only the writes to its table.
 * <p>
 * The staging table has the columns {@value #STAGING_COLUMNS}, each collection a JSONB
 * array in the form of {@link PersonDetails} or null to keep the stored one.
 */
@Service
public class PersonBulkUpsert {

	/** The staging table's columns, in order. */
	public static final String STAGING_COLUMNS = "row int, licence_number text, name text, gender text, "
			+ "birth_date date, roles jsonb, institution_id uuid, licence_issued_on date, licence_scopes jsonb, "
			+ "clinical_start date, titles jsonb, specialties jsonb, trainings jsonb, case_volumes jsonb";

	private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	/**
	 * The stored fields an update may change, as the audit entry names them (not the
	 * institution: a person of another institution is refused, see {@link #conflicts}).
	 */
	private static final String FIELDS = """
			jsonb_build_object('name', %1$s.name, 'gender', %1$s.gender, 'birthDate', %1$s.birth_date,
			  'roles', %1$s.roles, 'licenceIssuedOn', %1$s.licence_issued_on, 'licenceScopes', %1$s.licence_scopes,
			  'clinicalStart', %1$s.clinical_start, 'titles', coalesce(%1$s.titles, o.titles),
			  'specialties', coalesce(%1$s.specialties, o.specialties), 'trainings', coalesce(%1$s.trainings, o.trainings),
			  'caseVolumes', coalesce(%1$s.case_volumes, o.case_volumes), 'version', o.version%2$s)""";

	PersonBulkUpsert(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A staged row whose licence number already belongs to a person of another
	 * institution.
	 *
	 * @param row the staged row number
	 * @param personName the person who holds the licence number
	 * @param institutionId that person's institution (null: none)
	 */
	public record Conflict(int row, String personName, @Nullable UUID institutionId) {
	}

	/**
	 * What an upsert did.
	 *
	 * @param created people created
	 * @param updated people whose record changed
	 * @param unchanged staged rows equal to the stored record
	 * @param institutions the institutions of the created and updated people
	 */
	public record Counts(int created, int updated, int unchanged, Set<UUID> institutions) {
	}

	/**
	 * Streams the staged rows whose licence number belongs to a person of another
	 * institution.
	 * @param table the staging table (a plain identifier)
	 * @param consumer receives each conflict, in row order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void conflicts(String table, Consumer<Conflict> consumer) {
		this.jdbc.sql("""
				select s.row, p.name, p.institution_id from %s s
				join personnel.person p on p.licence_number = s.licence_number
				where p.institution_id is distinct from s.institution_id order by s.row""".formatted(identifier(table)))
			.query(rs -> {
				consumer.accept(new Conflict(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class)));
			});
	}

	/**
	 * Upserts every staged row: people matched by licence number are updated when a value
	 * differs (version + 1), the others are created. Publishes one
	 * {@link InstitutionsChanged} naming every institution whose staff changed (not one
	 * {@link PersonChanged} per person nor one event per institution: the listeners
	 * re-check the set in one pass, where 50,000 events would re-check each institution
	 * thousands of times). Each updated person is audited as {@code PERSON_BULK_UPDATED}
	 * by the acting user with the fields that changed, before and after (the caller
	 * records one entry per import with its counts, which covers the created ones).
	 * @param table the staging table or view
	 * @return the counts
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Counts upsert(String table) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int[] counts = new int[3];
		Set<UUID> institutions = new LinkedHashSet<>();
		this.jdbc
			.sql("""
					with m as (
					  select s.*, p.id
					  from %1$s s left join personnel.person p on p.licence_number = s.licence_number),
					upd as (
					  update personnel.person p set name = m.name, gender = m.gender, birth_date = m.birth_date,
					    roles = m.roles, institution_id = m.institution_id, licence_issued_on = m.licence_issued_on,
					    licence_scopes = m.licence_scopes, clinical_start = m.clinical_start,
					    titles = coalesce(m.titles, p.titles), specialties = coalesce(m.specialties, p.specialties),
					    trainings = coalesce(m.trainings, p.trainings),
					    case_volumes = coalesce(m.case_volumes, p.case_volumes), version = p.version + 1,
					    updated_at = :now
					  from m join personnel.person o on o.id = m.id where p.id = m.id
					    and (p.name, p.gender, p.birth_date, p.roles, p.institution_id, p.licence_issued_on,
					         p.licence_scopes, p.clinical_start, p.titles, p.specialties, p.trainings, p.case_volumes)
					      is distinct from
					        (m.name, m.gender, m.birth_date, m.roles, m.institution_id, m.licence_issued_on,
					         m.licence_scopes, m.clinical_start, coalesce(m.titles, p.titles),
					         coalesce(m.specialties, p.specialties), coalesce(m.trainings, p.trainings),
					         coalesce(m.case_volumes, p.case_volumes))
					  returning p.id, p.institution_id, %2$s as before, %3$s as after),
					ins as (
					  insert into personnel.person (id, institution_id, name, gender, birth_date, roles, licence_number,
					    licence_issued_on, licence_scopes, clinical_start, titles, specialties, trainings, case_volumes,
					    version, created_at, updated_at)
					  select gen_random_uuid(), institution_id, name, gender, birth_date, roles, licence_number,
					    licence_issued_on, licence_scopes, clinical_start, titles, specialties, trainings, case_volumes,
					    0, :now, :now
					  from m where m.id is null
					  returning institution_id)
					select 'C' as what, institution_id, count(*), null::uuid, null::text, null::text from ins
					  group by institution_id
					union all select 'U', institution_id, 1, id, before::text, after::text from upd
					union all select 'T', null, count(*), null, null, null from m""".formatted(identifier(table),
					FIELDS.formatted("o", ""), FIELDS.formatted("m", " + 1")))
			.param("now", now)
			.query(rs -> {
				String what = rs.getString(1);
				int n = rs.getInt(3);
				switch (what) {
					case "C" -> counts[0] += n;
					case "U" -> {
						counts[1] += n;
						this.audit.recordChanges("PERSON_BULK_UPDATED", "Person",
								rs.getObject(4, UUID.class).toString(), rs.getString(5), rs.getString(6));
					}
					default -> counts[2] += n;
				}
				UUID institution = rs.getObject(2, UUID.class);
				if (!"T".equals(what) && institution != null) {
					institutions.add(institution);
				}
			});
		if (!institutions.isEmpty()) {
			this.events.publishEvent(new InstitutionsChanged(institutions));
		}
		return new Counts(counts[0], counts[1], counts[2] - counts[0] - counts[1], institutions);
	}

	private static String identifier(String table) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("staging table must be a plain identifier: " + table);
		}
		return table;
	}

}
