package cn.rtms.seeds;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseView;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.seeds.SeedCommands.CorrectMovement;
import cn.rtms.seeds.SeedCommands.ReceiveLot;
import cn.rtms.seeds.SeedCommands.RecordCount;
import cn.rtms.seeds.SeedCommands.RecordMovement;
import cn.rtms.seeds.SeedCommands.TickStep;
import cn.rtms.seeds.SeedViews.Count;
import cn.rtms.seeds.SeedViews.Incident;
import cn.rtms.seeds.SeedViews.Isotope;
import cn.rtms.seeds.SeedViews.Issue;
import cn.rtms.seeds.SeedViews.Lot;
import cn.rtms.seeds.SeedViews.LotLedger;
import cn.rtms.seeds.SeedViews.Movement;
import cn.rtms.seeds.SeedViews.Step;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed ledger's use cases (docs/seed-ledger.md). Hospital clerks and hospital
 * administrators record for their own institution; authorities read their region, the
 * system administrator reads everything. Every entry takes its actor from the session and
 * its time from the clock, is audited, and is refused — nothing saved — when it would
 * make a balance negative. A movement locks its lot's row first, so two parallel issues
 * of the same lot cannot overdraw it.
 */
@Service
public class SeedLedgerManagement {

	static final String G07 = "G07";

	/** A lot must be counted at least this often (months). */
	static final int COUNT_INTERVAL_MONTHS = 6;

	private static final Role[] WRITERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN };

	private static final Role[] READERS = { Role.HOSPITAL_CLERK, Role.HOSPITAL_ADMIN, Role.COUNTY_AUTHORITY,
			Role.CITY_AUTHORITY, Role.PROVINCE_AUTHORITY, Role.SYSTEM_ADMIN };

	private static final String LOT_SELECT = """
			select l.*, i.name as isotope_name, i.half_life_days,
			  coalesce(b.received, 0) as received, coalesce(b.in_stock, 0) as in_stock,
			  coalesce(b.outstanding, 0) as outstanding,
			  c.counted_on as last_counted_on, c.counted - c.expected as last_discrepancy,
			  coalesce(r.storage_location, l.storage_location) as current_location,
			  coalesce(r.custodian_id, l.custodian_id) as current_custodian_id,
			  coalesce(r.custodian_name, l.custodian_name) as current_custodian_name
			from seeds.lot l
			join seeds.isotope i on i.code = l.isotope
			left join (
			  select lot_id,
			    sum(case when kind = 'RECEIVED' then sign * quantity else 0 end) as received,
			    sum(sign * quantity * case
			      when kind in ('RECEIVED', 'RETURNED') then 1
			      when kind in ('ISSUED', 'DISPOSED') then -1
			      when kind in ('LOST', 'LEAKED') and issue_id is null then -1
			      else 0 end) as in_stock,
			    sum(sign * quantity * case
			      when kind = 'ISSUED' then 1
			      when kind in ('IMPLANTED', 'RETURNED', 'LOST', 'LEAKED') and issue_id is not null then -1
			      else 0 end) as outstanding
			  from seeds.movement group by lot_id) b on b.lot_id = l.id
			left join lateral (
			  select counted_on, counted, expected from seeds.stock_count sc where sc.lot_id = l.id
			  order by recorded_at desc limit 1) c on true
			left join lateral (
			  select storage_location, custodian_id, custodian_name from seeds.movement rm
			  where rm.lot_id = l.id and rm.kind = 'RELOCATED' and rm.sign = 1
			    and not exists (select 1 from seeds.movement cm where cm.corrects_id = rm.id)
			  order by rm.seq desc limit 1) r on true
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final CaseManagement cases;

	private final AuditTrail audit;

	private final Clock clock;

	SeedLedgerManagement(JdbcClient jdbc, AccessPolicy access, InstitutionManagement institutions,
			PersonnelManagement people, CaseManagement cases, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.institutions = institutions;
		this.people = people;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the isotopes the ledger knows, with their half-lives
	 */
	@Transactional(readOnly = true)
	public List<Isotope> isotopes() {
		this.access.requireRole(READERS);
		return this.jdbc.sql("select code, name, half_life_days from seeds.isotope order by ordinal")
			.query((rs, n) -> new Isotope(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	/**
	 * @param institutionId one institution, or null for every institution in the caller's
	 * scope
	 * @return the lots with their live balances, newest receipt first
	 */
	@Transactional(readOnly = true)
	public List<Lot> lots(@Nullable UUID institutionId) {
		CurrentUser user = this.access.requireRole(READERS);
		if (institutionId != null) {
			checkRead(institutionId);
		}
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, String> names = new HashMap<>();
		return this.jdbc
			.sql(LOT_SELECT + " where (cast(:inst as uuid) is null or l.institution_id = cast(:inst as uuid))"
					+ " order by l.received_on desc, l.created_at desc")
			.param("inst", institutionId)
			.query((rs, n) -> lot(rs, today, names))
			.list()
			.stream()
			.filter(l -> institutionId != null || this.access.canSeeInstitution(user, l.institutionId(),
					this.institutions.regionCodeOf(l.institutionId())))
			.toList();
	}

	/**
	 * @param lotId a lot
	 * @param activityDate the day to compute the activity for, today when null
	 * @return the lot's balances, every entry, its issues and its counts
	 */
	@Transactional(readOnly = true)
	public LotLedger ledger(UUID lotId, @Nullable LocalDate activityDate) {
		this.access.requireRole(READERS);
		Lot lot = loadLot(lotId);
		checkRead(lot.institutionId());
		LocalDate day = activityDate == null ? LocalDate.now(this.clock) : activityDate;
		if (day.isBefore(lot.calibrationDate().minusYears(1)) || day.isAfter(lot.calibrationDate().plusYears(100))) {
			// Before the seeds existed the decay law gives no activity (for Au-198 a
			// few years back it overflows a double).
			String message = "计算活度的日期应在标定日期（" + lot.calibrationDate() + "）前 1 年至后 100 年之间";
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "请求参数格式错误", message,
					List.of(new ProblemException.FieldProblem("date", message)));
		}
		return new LotLedger(lot, day,
				Decay.activityOn(lot.activityMci(), lot.halfLifeDays(), lot.calibrationDate(), day), movements(lotId),
				issues(lotId), counts(lotId));
	}

	/**
	 * 入库: registers a received lot and its RECEIVED entry, for the caller's institution.
	 * @param command the receipt
	 * @return the new lot's ledger
	 */
	@Transactional
	public LotLedger receive(ReceiveLot command) {
		CurrentUser user = this.access.requireRole(WRITERS);
		UUID institutionId = Objects.requireNonNull(user.institutionId(), "institutionId");
		String isotope = command.isotope().strip();
		if (this.jdbc.sql("select count(*) from seeds.isotope where code = ?")
			.param(isotope)
			.query(Long.class)
			.single() == 0) {
			throw new InvalidSeedEntry("isotope", "未知的核素：" + isotope);
		}
		LocalDate today = LocalDate.now(this.clock);
		if (command.calibrationDate().isBefore(today.minusYears(5))
				|| command.calibrationDate().isAfter(today.plusYears(1))) {
			throw new InvalidSeedEntry("calibrationDate", "标定日期须在今天之前 5 年至之后 1 年内");
		}
		PersonDetails custodian = custodian(command.custodianId(), institutionId);
		String lotNo = command.lotNo().strip();
		if (this.jdbc.sql("select count(*) from seeds.lot where institution_id = ? and lot_no = ? and isotope = ?")
			.params(institutionId, lotNo, isotope)
			.query(Long.class)
			.single() > 0) {
			throw new InvalidSeedEntry("lotNo", "本机构已登记 " + isotope + " 批号 " + lotNo + "，同一批次请勿重复入库");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				insert into seeds.lot (id, institution_id, isotope, supplier, nmpa_approval, lot_no, activity_mci,
				  calibration_date, received_on, storage_location, custodian_id, custodian_name, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, institutionId, isotope, command.supplier().strip(), command.nmpaApproval().strip(), lotNo,
					command.activityMci(), command.calibrationDate(), today, command.storageLocation().strip(),
					command.custodianId(), custodian.name(), now)
			.update();
		insertMovement(UUID.randomUUID(), id, institutionId, MovementKind.RECEIVED, command.quantity(), 1, null, null,
				null, command.note(), user, now, null);
		LotLedger ledger = ledger(id, null);
		this.audit.record("SEED_LOT_RECEIVED", "SeedLot", id.toString(), null, ledger.lot());
		return ledger;
	}

	/**
	 * Records a movement of a lot, refusing it (nothing saved) when a balance would
	 * become negative. LOST and LEAKED open an incident.
	 * @param lotId the lot
	 * @param command the movement
	 * @return the lot's ledger after it
	 */
	@Transactional
	public LotLedger move(UUID lotId, RecordMovement command) {
		CurrentUser user = this.access.requireRole(WRITERS);
		UUID institutionId = lockLot(lotId);
		checkWrite(user, institutionId);
		MovementKind kind = command.kind();
		int quantity = command.quantity();
		UUID issueId = command.issueId();
		UUID caseId = command.caseId();
		switch (kind) {
			case RECEIVED -> throw new InvalidSeedEntry("kind", "入库请登记新批次；同一批次补录数量请先冲正原入库记录");
			case ISSUED, DISPOSED -> {
				if (issueId != null) {
					throw new InvalidSeedEntry("issueId", kind.label() + "不属于某次领用，请勿选择领用记录");
				}
			}
			case IMPLANTED, RETURNED -> {
				if (issueId == null) {
					throw new InvalidSeedEntry("issueId", kind.label() + "须选择对应的领用记录");
				}
			}
			case RELOCATED -> {
				if (issueId != null) {
					throw new InvalidSeedEntry("issueId", "转移的是库存粒子，不属于某次领用，请勿选择领用记录");
				}
			}
			default -> {
			}
		}
		if (kind != MovementKind.RELOCATED
				&& (blankToNull(command.storageLocation()) != null || command.custodianId() != null)) {
			throw new InvalidSeedEntry("storageLocation", "只有转移登记新的储存位置和保管人");
		}
		if (caseId != null && kind != MovementKind.ISSUED && kind != MovementKind.IMPLANTED) {
			throw new InvalidSeedEntry("caseId", "只有领用和植入可关联病例");
		}
		if (issueId != null) {
			requireIssue(lotId, issueId);
		}
		if (caseId != null) {
			checkCase(caseId, institutionId, lotNo(lotId));
		}
		Balances before = balances(lotId);
		int sign = 1;
		checkBalances(before, kind, quantity, sign, issueId, "");
		Place place = null;
		if (kind == MovementKind.RELOCATED) {
			place = relocation(lotId, institutionId, command, before);
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		insertMovement(id, lotId, institutionId, kind, quantity, sign, kind == MovementKind.ISSUED ? id : issueId,
				caseId, null, command.note(), user, now, place);
		if (kind.opensIncident()) {
			UUID incidentId = UUID.randomUUID();
			this.jdbc.sql("""
					insert into seeds.incident (id, institution_id, lot_id, movement_id, kind, quantity, opened_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""").params(incidentId, institutionId, lotId, id, kind.name(), quantity, now).update();
			this.audit.record("SEED_INCIDENT_OPENED", "SeedIncident", incidentId.toString(), null,
					Map.of("lotId", lotId, "movementId", id, "kind", kind.name(), "quantity", quantity));
		}
		LotLedger ledger = ledger(lotId, null);
		this.audit.record("SEED_MOVEMENT_RECORDED", "SeedLot", lotId.toString(), balanceState(before),
				movementState(ledger, id));
		return ledger;
	}

	/**
	 * Cancels a wrong entry with a compensating one (same kind and quantity, sign −1),
	 * refused when the cancellation would make a balance negative (a receipt whose seeds
	 * were issued, an issue whose seeds were implanted) or the entry is already
	 * cancelled.
	 * @param movementId the wrong entry
	 * @param command the reason
	 * @return the lot's ledger after it
	 */
	@Transactional
	public LotLedger correct(UUID movementId, CorrectMovement command) {
		CurrentUser user = this.access.requireRole(WRITERS);
		Map<String, Object> original = this.jdbc
			.sql("select lot_id, kind, quantity, sign, issue_id, case_id, storage_location, custodian_id,"
					+ " custodian_name from seeds.movement where id = ?")
			.param(movementId)
			.query((rs, n) -> {
				Map<String, Object> row = new HashMap<>();
				row.put("lot", rs.getObject(1, UUID.class));
				row.put("kind", MovementKind.valueOf(rs.getString(2)));
				row.put("quantity", rs.getInt(3));
				row.put("sign", rs.getInt(4));
				row.put("issue", rs.getObject(5, UUID.class));
				row.put("case", rs.getObject(6, UUID.class));
				row.put("place", (rs.getString(7) == null) ? null
						: new Place(rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9)));
				return row;
			})
			.optional()
			.orElseThrow(() -> new SeedNotFound("台账记录", movementId));
		UUID lotId = (UUID) original.get("lot");
		UUID institutionId = lockLot(lotId);
		checkWrite(user, institutionId);
		if ((int) original.get("sign") < 0) {
			throw new InvalidSeedEntry("movementId", "冲正记录不能再冲正；请重新登记正确的变动");
		}
		if (this.jdbc.sql("select count(*) from seeds.movement where corrects_id = ?")
			.param(movementId)
			.query(Long.class)
			.single() > 0) {
			throw new InvalidSeedEntry("movementId", "该记录已冲正，不能重复冲正");
		}
		MovementKind kind = (MovementKind) original.get("kind");
		int quantity = (int) original.get("quantity");
		UUID issueId = (UUID) original.get("issue");
		Balances before = balances(lotId);
		checkBalances(before, kind, quantity, -1, issueId, "冲正后");
		UUID id = UUID.randomUUID();
		insertMovement(id, lotId, institutionId, kind, quantity, -1, issueId, (UUID) original.get("case"), movementId,
				"冲正：" + command.reason().strip(), user, now(), (Place) original.get("place"));
		// a loss or leakage entered by mistake: its open incident closes as cancelled,
		// visibly
		// (the authorities' alert ends, the incident list says 已冲正 and why)
		String cancelled = "冲正：" + command.reason().strip();
		for (UUID incidentId : this.jdbc
			.sql("select id from seeds.incident where movement_id = ? and closed_at is null for update")
			.param(movementId)
			.query(UUID.class)
			.list()) {
			this.jdbc.sql("update seeds.incident set closed_at = ?, cancelled_reason = ? where id = ?")
				.params(now(), cancelled, incidentId)
				.update();
			this.audit.record("SEED_INCIDENT_CANCELLED", "SeedIncident", incidentId.toString(), Map.of("open", true),
					Map.of("movementId", movementId, "correctionId", id, "reason", cancelled));
		}
		LotLedger ledger = ledger(lotId, null);
		this.audit.record("SEED_MOVEMENT_CORRECTED", "SeedLot", lotId.toString(), balanceState(before),
				movementState(ledger, id));
		return ledger;
	}

	/**
	 * 盘点: records the seeds physically found in the store for a lot; a count that differs
	 * from the ledger is kept and flagged (a discrepancy alert until a later count
	 * matches).
	 * @param lotId the lot
	 * @param command the count
	 * @return the count with its discrepancy
	 */
	@Transactional
	public Count count(UUID lotId, RecordCount command) {
		CurrentUser user = this.access.requireRole(WRITERS);
		UUID institutionId = lockLot(lotId);
		checkWrite(user, institutionId);
		int expected = balances(lotId).inStock();
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		this.jdbc
			.sql("""
					insert into seeds.stock_count (id, lot_id, institution_id, counted_on, expected, counted, note, actor_id,
					  actor_name, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(id, lotId, institutionId, now.atZoneSameInstant(this.clock.getZone()).toLocalDate(), expected,
					command.counted(), blankToNull(command.note()), user.id(), user.displayName(), now)
			.update();
		Count count = counts(lotId).getFirst();
		this.audit.record("SEED_COUNT_RECORDED", "SeedLot", lotId.toString(), null, count);
		return count;
	}

	/**
	 * @param openOnly only incidents not closed
	 * @return the incidents of the institutions in the caller's scope, newest first
	 */
	@Transactional(readOnly = true)
	public List<Incident> incidents(boolean openOnly) {
		CurrentUser user = this.access.requireRole(READERS);
		return loadIncidents(null, openOnly).stream()
			.filter(i -> this.access.canSeeInstitution(user, i.institutionId(),
					this.institutions.regionCodeOf(i.institutionId())))
			.toList();
	}

	/**
	 * Ticks a step of an incident's emergency plan with the caller and the time; the last
	 * step (关闭) needs every other step ticked and closes the incident.
	 * @param incidentId the incident
	 * @param code the step
	 * @param command what was done
	 * @return the incident after it
	 */
	@Transactional
	public Incident tick(UUID incidentId, String code, TickStep command) {
		CurrentUser user = this.access.requireRole(WRITERS);
		// lock first: two clicks on the same step must not both pass the "not done" check
		this.jdbc.sql("select id from seeds.incident where id = ? for update")
			.param(incidentId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new SeedNotFound("应急事件", incidentId));
		Incident incident = loadIncidents(incidentId, false).getFirst();
		checkWrite(user, incident.institutionId());
		if (incident.cancelledReason() != null) {
			throw new InvalidSeedEntry("code", "该事件的登记已冲正，事件已关闭（" + incident.cancelledReason() + "）");
		}
		Step step = incident.steps()
			.stream()
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidSeedEntry("code", "应急预案中没有步骤 " + code));
		if (step.done()) {
			throw new InvalidSeedEntry("code",
					"步骤“" + step.label() + "”已于 " + step.doneAt() + " 由 " + step.actorName() + " 完成");
		}
		List<Step> steps = incident.steps();
		boolean last = steps.getLast().code().equals(code);
		if (last) {
			List<String> missing = steps.stream()
				.filter(s -> !s.done() && !s.code().equals(code))
				.map(Step::label)
				.toList();
			if (!missing.isEmpty()) {
				throw new InvalidSeedEntry("code", "尚有步骤未完成，不能关闭事件：" + String.join("、", missing));
			}
		}
		OffsetDateTime now = now();
		this.jdbc.sql("""
				insert into seeds.incident_step (incident_id, code, note, actor_id, actor_name, done_at)
				values (?, ?, ?, ?, ?, ?)
				""").params(incidentId, code, blankToNull(command.note()), user.id(), user.displayName(), now).update();
		if (last) {
			this.jdbc.sql("update seeds.incident set closed_at = ? where id = ?").params(now, incidentId).update();
		}
		Incident after = loadIncidents(incidentId, false).getFirst();
		this.audit.record(last ? "SEED_INCIDENT_CLOSED" : "SEED_INCIDENT_STEP_DONE", "SeedIncident",
				incidentId.toString(), null,
				Map.of("step", code, "note", Objects.requireNonNullElse(command.note(), "")));
		return after;
	}

	/**
	 * The ledger entries of a G07 case (docs/seed-ledger.md "A case's entries"), read
	 * with the case's own scope: whoever may read the case (its hospital, the physician
	 * who operated, the authorities over it) reads them, nobody else. The entries linked
	 * to the case and every entry of an issue linked to it (implanted, returned, lost,
	 * and the compensating entries), in ledger order.
	 * @param caseId the case
	 * @return the entries with their lot
	 * @throws cn.rtms.cases.CaseNotFound when there is no such case
	 * @throws AccessDenied when the case is outside the caller's scope
	 */
	@Transactional(readOnly = true)
	public List<SeedViews.CaseSeedEntry> caseEntries(UUID caseId) {
		this.cases.get(caseId);
		return this.jdbc.sql("""
				with issue as (
				  select distinct coalesce(issue_id, id) as id from seeds.movement where case_id = :case
				    and (kind = 'ISSUED' or issue_id is not null))
				select m.*, l.lot_no, l.isotope, c.id as corrected_by from seeds.movement m
				join seeds.lot l on l.id = m.lot_id
				left join seeds.movement c on c.corrects_id = m.id
				where m.case_id = :case or m.issue_id in (select id from issue)
				order by m.seq
				""").param("case", caseId).query((rs, n) -> {
			MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
			return new SeedViews.CaseSeedEntry(rs.getObject("id", UUID.class), rs.getLong("seq"),
					rs.getObject("lot_id", UUID.class), rs.getString("lot_no"), rs.getString("isotope"), kind,
					kind.label(), rs.getInt("quantity"), rs.getInt("sign"), rs.getObject("issue_id", UUID.class),
					caseId.equals(rs.getObject("case_id", UUID.class)), rs.getObject("corrected_by", UUID.class),
					rs.getString("note"), rs.getString("actor_name"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	/**
	 * Every entry of the institutions in the caller's scope, for the export.
	 * @param institutionId one institution, or null for the caller's scope
	 * @return the lots and their entries
	 */
	@Transactional(readOnly = true)
	public Map<Lot, List<Movement>> export(@Nullable UUID institutionId) {
		Map<Lot, List<Movement>> out = new LinkedHashMap<>();
		for (Lot lot : lots(institutionId)) {
			out.put(lot, movements(lot.id()));
		}
		return out;
	}

	// --- for the alerts (no access checks: supervision runs them as the system)

	List<Lot> lotsOf(Set<UUID> institutionIds, LocalDate today) {
		Map<UUID, String> names = new HashMap<>();
		return this.jdbc.sql(LOT_SELECT + " where l.institution_id = any(?)")
			.param(institutionIds.toArray(UUID[]::new))
			.query((rs, n) -> lot(rs, today, names))
			.list();
	}

	List<Issue> openIssuesOf(UUID lotId) {
		return issues(lotId).stream().filter(i -> i.outstanding() > 0).toList();
	}

	List<Incident> openIncidentsOf(Set<UUID> institutionIds) {
		return loadIncidents(null, true).stream().filter(i -> institutionIds.contains(i.institutionId())).toList();
	}

	// --- internals

	private void checkRead(UUID institutionId) {
		this.access.checkInstitution(institutionId, this.institutions.regionCodeOf(institutionId));
	}

	private void checkWrite(CurrentUser user, UUID institutionId) {
		if (!institutionId.equals(user.institutionId())) {
			throw new AccessDenied("无权登记其他医疗机构的放射性粒子台账（仅本机构医务科、医院管理员可登记）");
		}
	}

	private PersonDetails custodian(UUID personId, UUID institutionId) {
		PersonDetails person = this.people.get(personId);
		if (!institutionId.equals(person.institutionId())) {
			throw new InvalidSeedEntry("custodianId", "保管人须为本机构人员");
		}
		return person;
	}

	private void checkCase(UUID caseId, UUID institutionId, String lotNo) {
		CaseView view = this.cases.get(caseId);
		if (!G07.equals(view.technology())) {
			throw new InvalidSeedEntry("caseId", "只能关联放射性粒子植入治疗（G07）病例，该病例为 " + view.technology());
		}
		if (!institutionId.equals(view.institutionId())) {
			throw new InvalidSeedEntry("caseId", "只能关联本机构的病例");
		}
		Object caseLot = view.fields().get("seedLot");
		if (caseLot instanceof String s && !s.isBlank() && !s.strip().equals(lotNo)) {
			throw new InvalidSeedEntry("caseId", "病例登记的粒子批号为 " + s.strip() + "，与本批次 " + lotNo + " 不符，请核对");
		}
	}

	/**
	 * Locks the lot's row for the rest of the transaction and returns its institution.
	 */
	private UUID lockLot(UUID lotId) {
		return this.jdbc.sql("select institution_id from seeds.lot where id = ? for update")
			.param(lotId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new SeedNotFound("粒子批次", lotId));
	}

	private String lotNo(UUID lotId) {
		return this.jdbc.sql("select lot_no from seeds.lot where id = ?").param(lotId).query(String.class).single();
	}

	private void requireIssue(UUID lotId, UUID issueId) {
		long found = this.jdbc
			.sql("select count(*) from seeds.movement where id = ? and lot_id = ? and kind = 'ISSUED' and sign = 1")
			.params(issueId, lotId)
			.query(Long.class)
			.single();
		if (found == 0) {
			throw new InvalidSeedEntry("issueId", "该批次没有这条领用记录：" + issueId);
		}
	}

	/**
	 * The lot's store balance and each issue's outstanding seeds.
	 */
	record Balances(int inStock, Map<UUID, Integer> outstanding) {
	}

	private Balances balances(UUID lotId) {
		Lot lot = loadLot(lotId);
		Map<UUID, Integer> outstanding = new HashMap<>();
		for (Issue issue : issues(lotId)) {
			outstanding.put(issue.issueId(), issue.outstanding());
		}
		return new Balances(lot.inStock(), outstanding);
	}

	private static void checkBalances(Balances before, MovementKind kind, int quantity, int sign,
			@Nullable UUID issueId, String when) {
		int store = switch (kind) {
			case RECEIVED, RETURNED -> 1;
			case ISSUED, DISPOSED -> -1;
			case LOST, LEAKED -> issueId == null ? -1 : 0;
			case IMPLANTED, RELOCATED -> 0;
		};
		int issue = switch (kind) {
			case ISSUED -> 1;
			case IMPLANTED, RETURNED -> -1;
			case LOST, LEAKED -> issueId == null ? 0 : -1;
			default -> 0;
		};
		int newStock = before.inStock() + sign * store * quantity;
		if (newStock < 0) {
			throw new SeedBalanceNegative(when + kind.label() + " " + quantity + " 颗将使库存结存为 " + newStock + " 颗：该批次库存现有 "
					+ before.inStock() + " 颗，未保存");
		}
		if (issueId != null && issue != 0) {
			int outstanding = before.outstanding().getOrDefault(issueId, 0);
			int newOutstanding = outstanding + sign * issue * quantity;
			if (newOutstanding < 0) {
				throw new SeedBalanceNegative(when + kind.label() + " " + quantity + " 颗超出该次领用尚未落实去向的 " + outstanding
						+ " 颗（领用数 = 植入 + 退回 + 丢失/泄漏），未保存");
			}
		}
	}

	/**
	 * Where a relocation puts the lot's store.
	 */
	record Place(String storageLocation, UUID custodianId, String custodianName) {
	}

	/**
	 * Checks a relocation: the whole store moves (the lot has one place), to a place or
	 * custodian that differs from the current one, the custodian a person of the
	 * institution.
	 */
	private Place relocation(UUID lotId, UUID institutionId, RecordMovement command, Balances before) {
		String location = blankToNull(command.storageLocation());
		if (location == null) {
			throw new InvalidSeedEntry("storageLocation", "转移须填写新的储存位置");
		}
		if (command.custodianId() == null) {
			throw new InvalidSeedEntry("custodianId", "转移须选择转移后的保管人");
		}
		if (before.inStock() == 0) {
			throw new InvalidSeedEntry("kind", "该批次库存为 0 颗，没有可转移的粒子");
		}
		if (command.quantity() != before.inStock()) {
			throw new InvalidSeedEntry("quantity",
					"转移须整批转移库存：该批次库存现有 " + before.inStock() + " 颗，登记为 " + command.quantity() + " 颗，未保存");
		}
		PersonDetails custodian = custodian(command.custodianId(), institutionId);
		Lot lot = loadLot(lotId);
		if (lot.storageLocation().equals(location) && lot.custodianId().equals(command.custodianId())) {
			throw new InvalidSeedEntry("storageLocation",
					"储存位置和保管人与现在相同（" + location + "，" + lot.custodianName() + "），无需转移");
		}
		return new Place(location, command.custodianId(), custodian.name());
	}

	private void insertMovement(UUID id, UUID lotId, UUID institutionId, MovementKind kind, int quantity, int sign,
			@Nullable UUID issueId, @Nullable UUID caseId, @Nullable UUID correctsId, @Nullable String note,
			CurrentUser user, OffsetDateTime at, @Nullable Place place) {
		this.jdbc.sql("""
				insert into seeds.movement (id, lot_id, institution_id, kind, quantity, sign, issue_id, case_id,
				  corrects_id, note, actor_id, actor_name, occurred_at, storage_location, custodian_id, custodian_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, lotId, institutionId, kind.name(), quantity, sign, issueId, caseId, correctsId,
					blankToNull(note), user.id(), user.displayName(), at,
					(place == null) ? null : place.storageLocation(), (place == null) ? null : place.custodianId(),
					(place == null) ? null : place.custodianName())
			.update();
	}

	private Lot loadLot(UUID lotId) {
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc.sql(LOT_SELECT + " where l.id = ?")
			.param(lotId)
			.query((rs, n) -> lot(rs, today, new HashMap<>()))
			.optional()
			.orElseThrow(() -> new SeedNotFound("粒子批次", lotId));
	}

	private Lot lot(ResultSet rs, LocalDate today, Map<UUID, String> names) throws SQLException {
		UUID institutionId = rs.getObject("institution_id", UUID.class);
		LocalDate receivedOn = rs.getObject("received_on", LocalDate.class);
		LocalDate lastCounted = rs.getObject("last_counted_on", LocalDate.class);
		Integer discrepancy = lastCounted == null ? null : rs.getInt("last_discrepancy");
		LocalDate due = (lastCounted == null ? receivedOn : lastCounted).plusMonths(COUNT_INTERVAL_MONTHS);
		int inStock = rs.getInt("in_stock");
		int outstanding = rs.getInt("outstanding");
		BigDecimal activity = rs.getBigDecimal("activity_mci");
		BigDecimal halfLife = rs.getBigDecimal("half_life_days");
		LocalDate calibration = rs.getObject("calibration_date", LocalDate.class);
		return new Lot(rs.getObject("id", UUID.class), institutionId,
				names.computeIfAbsent(institutionId, this.institutions::nameOf), rs.getString("isotope"),
				rs.getString("isotope_name"), halfLife, rs.getString("supplier"), rs.getString("nmpa_approval"),
				rs.getString("lot_no"), activity, calibration, receivedOn, rs.getString("current_location"),
				rs.getObject("current_custodian_id", UUID.class), rs.getString("current_custodian_name"),
				rs.getInt("received"), inStock, outstanding, Decay.activityOn(activity, halfLife, calibration, today),
				lastCounted, discrepancy, due, (inStock > 0 || outstanding > 0) && today.isAfter(due));
	}

	private List<Movement> movements(UUID lotId) {
		return this.jdbc.sql("""
				select m.*, c.id as corrected_by from seeds.movement m
				left join seeds.movement c on c.corrects_id = m.id
				where m.lot_id = ? order by m.seq
				""").param(lotId).query((rs, n) -> {
			MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
			return new Movement(rs.getObject("id", UUID.class), rs.getLong("seq"), lotId, kind, kind.label(),
					rs.getInt("quantity"), rs.getInt("sign"), rs.getObject("issue_id", UUID.class),
					rs.getObject("case_id", UUID.class), rs.getObject("corrects_id", UUID.class),
					rs.getObject("corrected_by", UUID.class), rs.getString("note"), rs.getString("actor_name"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("storage_location"),
					rs.getString("custodian_name"));
		}).list();
	}

	private List<Issue> issues(UUID lotId) {
		return this.jdbc
			.sql("""
					select i.id, i.occurred_at,
					  (select m.case_id from seeds.movement m where m.issue_id = i.id and m.case_id is not null and m.sign = 1
					     and not exists (select 1 from seeds.movement c where c.corrects_id = m.id)
					   order by m.seq desc limit 1) as case_id,
					  sum(case when m.kind = 'ISSUED' then m.sign * m.quantity else 0 end) as issued,
					  sum(case when m.kind = 'IMPLANTED' then m.sign * m.quantity else 0 end) as implanted,
					  sum(case when m.kind = 'RETURNED' then m.sign * m.quantity else 0 end) as returned,
					  sum(case when m.kind in ('LOST', 'LEAKED') then m.sign * m.quantity else 0 end) as lost
					from seeds.movement i join seeds.movement m on m.issue_id = i.id
					where i.lot_id = ? and i.kind = 'ISSUED' and i.sign = 1
					group by i.id, i.occurred_at, i.seq order by i.seq
					""")
			.param(lotId)
			.query((rs, n) -> {
				int issued = rs.getInt("issued");
				int implanted = rs.getInt("implanted");
				int returned = rs.getInt("returned");
				int lost = rs.getInt("lost");
				return new Issue(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
						rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), issued, implanted, returned,
						lost, issued - implanted - returned - lost);
			})
			.list();
	}

	private List<Count> counts(UUID lotId) {
		return this.jdbc.sql("select * from seeds.stock_count where lot_id = ? order by recorded_at desc, id")
			.param(lotId)
			.query((rs, n) -> new Count(rs.getObject("id", UUID.class), rs.getObject("counted_on", LocalDate.class),
					rs.getInt("expected"), rs.getInt("counted"), rs.getInt("counted") - rs.getInt("expected"),
					rs.getString("note"), rs.getString("actor_name"),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private List<Incident> loadIncidents(@Nullable UUID incidentId, boolean openOnly) {
		List<Step> plan = this.jdbc.sql("select code, label, guidance from seeds.emergency_step order by ordinal")
			.query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), false, null, null, null))
			.list();
		Map<UUID, String> names = new HashMap<>();
		List<Incident> incidents = this.jdbc.sql("""
				select i.*, l.lot_no from seeds.incident i join seeds.lot l on l.id = i.lot_id
				where (cast(:id as uuid) is null or i.id = cast(:id as uuid))
				  and (not :open or i.closed_at is null)
				order by i.opened_at desc
				""").param("id", incidentId).param("open", openOnly).query((rs, n) -> {
			UUID institutionId = rs.getObject("institution_id", UUID.class);
			MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
			OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
			return new Incident(rs.getObject("id", UUID.class), institutionId,
					names.computeIfAbsent(institutionId, this.institutions::nameOf), rs.getObject("lot_id", UUID.class),
					rs.getString("lot_no"), rs.getObject("movement_id", UUID.class), kind, kind.label(),
					rs.getInt("quantity"), rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
					closed == null ? null : closed.toInstant(), rs.getString("cancelled_reason"), List.of());
		}).list();
		List<Incident> out = new ArrayList<>();
		for (Incident incident : incidents) {
			Map<String, Step> done = new HashMap<>();
			this.jdbc.sql("select code, note, actor_name, done_at from seeds.incident_step where incident_id = ?")
				.param(incident.id())
				.query(rs -> {
					done.put(rs.getString(1), new Step(rs.getString(1), "", "", true, rs.getString(3),
							rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(2)));
				});
			List<Step> steps = plan.stream().map(s -> {
				Step d = done.get(s.code());
				return d == null ? s
						: new Step(s.code(), s.label(), s.guidance(), true, d.actorName(), d.doneAt(), d.note());
			}).toList();
			out.add(new Incident(incident.id(), incident.institutionId(), incident.institutionName(), incident.lotId(),
					incident.lotNo(), incident.movementId(), incident.kind(), incident.kindLabel(), incident.quantity(),
					incident.openedAt(), incident.closedAt(), incident.cancelledReason(), steps));
		}
		return out;
	}

	private static Map<String, Object> balanceState(Balances balances) {
		return Map.of("inStock", balances.inStock(), "outstanding",
				balances.outstanding().values().stream().mapToInt(Integer::intValue).sum());
	}

	private static Map<String, Object> movementState(LotLedger ledger, UUID movementId) {
		Map<String, Object> state = new LinkedHashMap<>();
		ledger.movements().stream().filter(m -> m.id().equals(movementId)).findFirst().ifPresent(m -> {
			state.put("movementId", m.id());
			state.put("kind", m.kind().name());
			state.put("quantity", m.quantity());
			state.put("sign", m.sign());
			if (m.issueId() != null) {
				state.put("issueId", m.issueId());
			}
			if (m.caseId() != null) {
				state.put("caseId", m.caseId());
			}
			if (m.correctsId() != null) {
				state.put("correctsId", m.correctsId());
			}
		});
		state.put("inStock", ledger.lot().inStock());
		state.put("outstanding", ledger.lot().outstanding());
		return state;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
