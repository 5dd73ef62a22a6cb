package cn.rtms.seeds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.seeds.SeedCommands.RecordSafety;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Radiation-safety records of G07 三(七) — staff radiation-protection training and health
 * examinations, the institution's environmental inspections — and the 放射诊疗许可证 and 辐射安全许可证
 * of 一(三) as the institution's record holds them (docs/seed-ledger.md). Each has a due
 * date; {@link RadiationSafetyAlerts} raises what is due or past it.
 */
@Service
public class RadiationSafetyManagement {

	/** Licence kinds of {@link InstitutionDetails#licences()} that G07 一(三) requires. */
	static final Map<String, String> LICENCES = Map.of("RADIOLOGY", "放射诊疗许可证", "RADIATION_SAFETY", "辐射安全许可证");

	/** A record or licence is "due soon" this many days before its due date. */
	static final int DUE_SOON_DAYS = 30;

	/**
	 * A licence is "due soon" this many days before it expires (its renewal takes time).
	 */
	static final int LICENCE_DUE_SOON_DAYS = 60;

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
			Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final AuditTrail audit;

	private final Clock clock;

	RadiationSafetyManagement(JdbcClient jdbc, AccessPolicy access, InstitutionManagement institutions,
			PersonnelManagement people, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.institutions = institutions;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One record, or a licence, with its state today.
	 *
	 * @param id record id (null for a licence)
	 * @param institutionId the institution
	 * @param kind TRAINING, HEALTH_EXAM, ENV_INSPECTION, or the licence kind (RADIOLOGY,
	 * RADIATION_SAFETY)
	 * @param kindLabel its label
	 * @param personId the person, for training and health examinations
	 * @param personName their name
	 * @param doneOn the day done (issued, for a licence)
	 * @param dueOn due again by (valid until, for a licence); null when the licence has
	 * no end or is missing
	 * @param reference certificate, report or licence number
	 * @param conclusion result
	 * @param state OK, DUE_SOON, OVERDUE, or MISSING (a required licence not on record)
	 * @param current whether it is the latest of its kind (and person)
	 * @param actorName who recorded it
	 */
	public record SafetyRecord(@Nullable UUID id, UUID institutionId, String kind, String kindLabel,
			@Nullable UUID personId, @Nullable String personName, @Nullable LocalDate doneOn, @Nullable LocalDate dueOn,
			@Nullable String reference, @Nullable String conclusion, String state, boolean current,
			@Nullable String actorName) {
	}

	/**
	 * @param institutionId the institution
	 * @return its records (newest first, the superseded ones marked not current) and its
	 * two radiation licences
	 */
	@Transactional(readOnly = true)
	public List<SafetyRecord> records(UUID institutionId) {
		this.access.requireRole(READERS);
		this.access.checkInstitution(institutionId, this.institutions.regionCodeOf(institutionId));
		return recordsOf(Set.of(institutionId), true, LocalDate.now(this.clock));
	}

	/**
	 * Records a training, health examination or environmental inspection for the caller's
	 * institution.
	 * @param command the record
	 * @return it, with its state
	 */
	@Transactional
	public SafetyRecord record(RecordSafety command) {
		CurrentUser user = this.access.requireRole(Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN);
		UUID institutionId = Objects.requireNonNull(user.institutionId(), "institutionId");
		SafetyKind kind = command.kind();
		LocalDate today = LocalDate.now(this.clock);
		if (command.doneOn().isAfter(today)) {
			throw new InvalidSeedEntry("doneOn", "日期不能晚于今天");
		}
		if (command.doneOn().isBefore(today.minusYears(10))) {
			throw new InvalidSeedEntry("doneOn", "日期不能早于 10 年前");
		}
		LocalDate longest = command.doneOn().plusMonths(kind.months());
		LocalDate due = command.dueOn() == null ? longest : command.dueOn();
		if (!due.isAfter(command.doneOn()) || due.isAfter(longest)) {
			throw new InvalidSeedEntry("dueOn",
					kind.label() + "的下次到期日须晚于本次日期，且不超过 " + kind.months() + " 个月（" + longest + "）");
		}
		String personName = null;
		if (kind.personal()) {
			if (command.personId() == null) {
				throw new InvalidSeedEntry("personId", kind.label() + "须选择人员");
			}
			PersonDetails person = this.people.get(command.personId());
			if (!institutionId.equals(person.institutionId())) {
				throw new InvalidSeedEntry("personId", "只能登记本机构人员");
			}
			personName = person.name();
		}
		else if (command.personId() != null) {
			throw new InvalidSeedEntry("personId", kind.label() + "是机构的记录，不选人员");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into seeds.safety_record (id, institution_id, kind, person_id, person_name, done_on, due_on,
				  reference, conclusion, actor_id, actor_name, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, institutionId, kind.name(), kind.personal() ? command.personId() : null, personName,
					command.doneOn(), due, blank(command.reference()), blank(command.conclusion()), user.id(),
					user.displayName(),
					OffsetDateTime.ofInstant(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
			.update();
		SafetyRecord saved = recordsOf(Set.of(institutionId), false, today).stream()
			.filter(r -> id.equals(r.id()))
			.findFirst()
			.orElseThrow();
		this.audit.record("RADIATION_SAFETY_RECORDED", "RadiationSafetyRecord", id.toString(), null, saved);
		return saved;
	}

	/**
	 * The records (and, when asked, licences) of institutions, without access checks.
	 * @param institutionIds the institutions
	 * @param withLicences whether to add the institutions' radiation licences
	 * @param today the day the states are for
	 * @return the records, newest first per institution
	 */
	List<SafetyRecord> recordsOf(Set<UUID> institutionIds, boolean withLicences, LocalDate today) {
		List<SafetyRecord> out = new ArrayList<>();
		Map<String, Boolean> seen = new HashMap<>();
		this.jdbc
			.sql("select * from seeds.safety_record where institution_id = any(?)"
					+ " order by institution_id, done_on desc, recorded_at desc")
			.param(institutionIds.toArray(UUID[]::new))
			.query(rs -> {
				SafetyKind kind = SafetyKind.valueOf(rs.getString("kind"));
				UUID institutionId = rs.getObject("institution_id", UUID.class);
				UUID personId = rs.getObject("person_id", UUID.class);
				boolean current = seen.putIfAbsent(institutionId + "/" + kind + "/" + personId, true) == null;
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				out.add(new SafetyRecord(rs.getObject("id", UUID.class), institutionId, kind.name(), kind.label(),
						personId, rs.getString("person_name"), rs.getObject("done_on", LocalDate.class), due,
						rs.getString("reference"), rs.getString("conclusion"), state(due, today, DUE_SOON_DAYS),
						current, rs.getString("actor_name")));
			});
		if (withLicences) {
			for (UUID institutionId : institutionIds) {
				out.addAll(licences(institutionId, today));
			}
		}
		return out;
	}

	private List<SafetyRecord> licences(UUID institutionId, LocalDate today) {
		InstitutionDetails details = this.institutions.all()
			.stream()
			.filter(i -> institutionId.equals(i.id()))
			.findFirst()
			.orElse(null);
		if (details == null) {
			return List.of();
		}
		List<SafetyRecord> out = new ArrayList<>();
		LICENCES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			OtherLicence best = null;
			for (OtherLicence licence : details.licences() == null ? List.<OtherLicence>of() : details.licences()) {
				if (entry.getKey().equals(licence.kind())
						&& (best == null || later(licence.validUntil(), best.validUntil()))) {
					best = licence;
				}
			}
			if (best == null) {
				out.add(new SafetyRecord(null, institutionId, entry.getKey(), entry.getValue(), null, null, null, null,
						null, null, "MISSING", true, null));
			}
			else {
				out.add(new SafetyRecord(null, institutionId, entry.getKey(), entry.getValue(), null, null,
						best.validFrom(), best.validUntil(), best.number(), null,
						best.validUntil() == null ? "OK" : state(best.validUntil(), today, LICENCE_DUE_SOON_DAYS), true,
						null));
			}
		});
		return out;
	}

	private static boolean later(@Nullable LocalDate a, @Nullable LocalDate b) {
		return a == null || (b != null && a.isAfter(b));
	}

	static String state(LocalDate due, LocalDate today, int soonDays) {
		if (due.isBefore(today)) {
			return "OVERDUE";
		}
		return due.isAfter(today.plusDays(soonDays)) ? "OK" : "DUE_SOON";
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
