package cn.rtms.training.trainee;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.TraineeEvaluation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exemption requests (免于培训, docs/training.md "Exemptions"): the trainee's hospital asks,
 * the engine evaluates the spec's exemption-pathway clauses (clinical years, title level,
 * cases each year or in total, no serious adverse event, counted before the spec's issue
 * date where the spec says so) and the verdict is stored with the request; an authority
 * whose jurisdiction covers the hospital decides. Approval re-evaluates on the decision
 * day and is refused unless every exemption clause is met. Audited; an approval feeds the
 * engine (ADR 0032).
 */
@Service
public class TrainingExemptions {

	private static final TypeReference<List<EligibilityReport.ClauseResult>> CLAUSES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final TraineeAccess access;

	private final PersonnelManagement people;

	private final EligibilityManagement eligibility;

	private final AuditTrail audit;

	private final TrainingFileChanges changes;

	private final JsonMapper json;

	private final Clock clock;

	TrainingExemptions(JdbcClient jdbc, IdentityManagement identity, TraineeAccess access, PersonnelManagement people,
			EligibilityManagement eligibility, AuditTrail audit, TrainingFileChanges changes, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.access = access;
		this.people = people;
		this.eligibility = eligibility;
		this.audit = audit;
		this.changes = changes;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * An exemption request.
	 *
	 * @param personId the physician
	 * @param technology technology code
	 * @param reason why, at most 500 characters
	 */
	public record ExemptionRequest(@Nullable UUID personId, @Nullable String technology, @Nullable String reason) {
	}

	/**
	 * A decision.
	 *
	 * @param approve approve or reject
	 * @param note the authority's remark, at most 500 characters (required to reject)
	 */
	public record ExemptionDecision(@Nullable Boolean approve, @Nullable String note) {
	}

	/**
	 * An exemption request with its evaluation.
	 *
	 * @param id id
	 * @param personId physician
	 * @param personName name
	 * @param personInstitutionId hospital
	 * @param technology technology
	 * @param specKey edition evaluated
	 * @param reason reason
	 * @param requestedOn day asked
	 * @param evaluationStatus MET when every exemption clause is met
	 * @param clauses the exemption clauses' verdicts (last evaluation)
	 * @param status REQUESTED, APPROVED or REJECTED
	 * @param statusLabel in Chinese
	 * @param decisionNote remark
	 * @param decidedBy who decided
	 * @param decidedOn when
	 * @param mayDecide whether the current user may decide it now
	 */
	public record ExemptionView(UUID id, UUID personId, String personName, UUID personInstitutionId, String technology,
			String specKey, String reason, LocalDate requestedOn, String evaluationStatus,
			List<EligibilityReport.ClauseResult> clauses, String status, String statusLabel,
			@Nullable String decisionNote, @Nullable String decidedBy, @Nullable LocalDate decidedOn,
			boolean mayDecide) {
	}

	/**
	 * Files a request and evaluates it. Audited as {@code TRAINING_EXEMPTION_REQUESTED}.
	 * @param request who, which technology, why
	 * @return the request with the engine's verdict
	 */
	@Transactional
	public ExemptionView request(ExemptionRequest request) {
		CurrentUser user = this.identity.currentUser();
		if (request.personId() == null) {
			throw TraineeProblem.invalid("personId", "请选择申请免于培训的医师");
		}
		if (request.technology() == null || request.technology().isBlank() || request.technology().length() > 10) {
			throw TraineeProblem.invalid("technology", "请选择技术");
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
			throw TraineeProblem.invalid("reason", "请填写申请理由（不超过 500 个字）");
		}
		PersonDetails person = this.people.get(request.personId());
		UUID institution = person.institutionId();
		if (institution == null || !this.access.employs(user, institution)) {
			throw new AccessDenied("无权提出该免于培训申请（限医师所在医疗机构的医务科或医院管理员）");
		}
		LocalDate today = LocalDate.now(this.clock);
		TraineeEvaluation evaluation = evaluate(request.personId(), institution, request.technology(), today);
		List<EligibilityReport.ClauseResult> clauses = evaluation.clauses(evaluation.exemptionClauses());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into training.training_exemption (id, person_id, person_name, person_institution_id, technology,
				  spec_key, reason, requested_on, evaluation, evaluation_status, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, 'REQUESTED', ?)""")
			.params(id, request.personId(), person.name(), institution, request.technology(), evaluation.specKey(),
					request.reason().strip(), today, this.json.writeValueAsString(clauses), status(clauses),
					Timestamp.from(this.clock.instant()))
			.update();
		ExemptionView view = load(id, user);
		this.audit.record("TRAINING_EXEMPTION_REQUESTED", "TrainingExemption", id.toString(), null, view);
		return view;
	}

	/**
	 * Decides a request: an approval re-evaluates the exemption clauses today and is
	 * refused unless all are met. Audited as {@code TRAINING_EXEMPTION_APPROVED} or
	 * {@code TRAINING_EXEMPTION_REJECTED}; an approval feeds the engine.
	 * @param id request
	 * @param decision approve or reject with remark
	 * @return the decided request
	 */
	@Transactional
	public ExemptionView decide(UUID id, ExemptionDecision decision) {
		CurrentUser user = this.identity.currentUser();
		ExemptionView before = load(id, user);
		this.access.checkGoverns(user, before.personInstitutionId());
		if (!"REQUESTED".equals(before.status())) {
			throw TraineeProblem.conflict("TRAINING_EXEMPTION_DECIDED", "申请已处理",
					"该免于培训申请已于 " + before.decidedOn() + " 作出决定（" + before.statusLabel() + "）");
		}
		if (decision.approve() == null) {
			throw TraineeProblem.invalid("approve", "请选择批准或不予批准");
		}
		if (decision.note() != null && decision.note().length() > 500) {
			throw TraineeProblem.invalid("note", "审核意见不能超过 500 个字");
		}
		if (!decision.approve() && (decision.note() == null || decision.note().isBlank())) {
			throw TraineeProblem.invalid("note", "不予批准须填写审核意见");
		}
		LocalDate today = LocalDate.now(this.clock);
		TraineeEvaluation evaluation = evaluate(before.personId(), before.personInstitutionId(), before.technology(),
				today);
		List<EligibilityReport.ClauseResult> clauses = evaluation.clauses(evaluation.exemptionClauses());
		String evaluated = status(clauses);
		if (decision.approve() && !"MET".equals(evaluated)) {
			List<String> unmet = clauses.stream()
				.filter(c -> !"MET".equals(c.status()))
				.map(c -> c.citation() + "（" + c.statusLabel() + "）：" + c.explanation())
				.toList();
			throw TraineeProblem.unprocessable("TRAINING_EXEMPTION_NOT_MET", "不符合免于培训条件",
					before.personName() + " 不符合免于培训条件，不能批准：" + String.join("；", unmet));
		}
		// only while still requested: of two decisions at once the second changes nothing
		int decided = this.jdbc.sql("""
				update training.training_exemption set status = ?, decision_note = ?, decided_by = ?, decided_on = ?,
				  evaluation = cast(? as jsonb), evaluation_status = ? where id = ? and status = 'REQUESTED'""")
			.params(decision.approve() ? "APPROVED" : "REJECTED",
					decision.note() == null || decision.note().isBlank() ? null : decision.note().strip(),
					OverseasTrainings.decidedBy(user), today, this.json.writeValueAsString(clauses), evaluated, id)
			.update();
		if (decided != 1) {
			throw TraineeProblem.conflict("TRAINING_EXEMPTION_DECIDED", "申请已处理", "该免于培训申请刚刚已由他人处理，请刷新后查看");
		}
		ExemptionView after = load(id, user);
		this.audit.record(decision.approve() ? "TRAINING_EXEMPTION_APPROVED" : "TRAINING_EXEMPTION_REJECTED",
				"TrainingExemption", id.toString(), before, after);
		if (decision.approve()) {
			this.changes.changed(after.personInstitutionId(), after.personId(), "training exemption approved");
		}
		return after;
	}

	/**
	 * @param personId restrict to a person, or null
	 * @return the requests the current user may read, newest first (at most 500)
	 */
	@Transactional(readOnly = true)
	public List<ExemptionView> list(@Nullable UUID personId) {
		CurrentUser user = this.identity.currentUser();
		List<ExemptionView> result = new ArrayList<>();
		for (UUID id : this.jdbc
			.sql("select id from training.training_exemption where (cast(? as uuid) is null or person_id = ?)"
					+ " order by created_at desc, id limit 2000")
			.params(personId, personId)
			.query(UUID.class)
			.list()) {
			Map<String, Object> row = row(id);
			if (this.access.reads(user, (UUID) row.get("person_id"), (UUID) row.get("person_institution_id"), null)) {
				result.add(view(row, user));
			}
			if (result.size() >= 500) {
				break;
			}
		}
		return result;
	}

	/**
	 * @param id request
	 * @return it, if the current user may read it
	 */
	@Transactional(readOnly = true)
	public ExemptionView get(UUID id) {
		return load(id, this.identity.currentUser());
	}

	private TraineeEvaluation evaluate(UUID personId, UUID institution, String technology, LocalDate today) {
		TraineeEvaluation evaluation = this.eligibility
			.traineeEvaluation(personId, institution, technology, null, today)
			.orElseThrow(() -> TraineeProblem.unprocessable("TRAINEE_NOT_AT_INSTITUTION", "医师已不在原医疗机构",
					"医师已不在申请时所在的医疗机构，无法评估"));
		if (evaluation.exemptionClauses().isEmpty()) {
			throw TraineeProblem.unprocessable("TRAINING_EXEMPTION_NOT_PROVIDED", "本规范无免于培训途径",
					evaluation.excerpt()
							? "规范 " + evaluation.specKey() + " 的原文为节选，缺少培训管理要求，是否规定免于培训的条件无从判断，"
									+ "本平台不能受理该技术的免于培训申请，请按完整规范向卫生健康行政部门申请"
							: "规范 " + evaluation.specKey() + " 未规定免于培训的条件，不能申请免于培训");
		}
		return evaluation;
	}

	private static String status(List<EligibilityReport.ClauseResult> clauses) {
		if (clauses.stream().allMatch(c -> "MET".equals(c.status()))) {
			return "MET";
		}
		return clauses.stream().anyMatch(c -> "NOT_MET".equals(c.status())) ? "NOT_MET" : "UNKNOWN";
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("select * from training.training_exemption where id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> TraineeProblem.notFound("TRAINING_EXEMPTION_NOT_FOUND", "免于培训申请"));
	}

	private ExemptionView load(UUID id, CurrentUser user) {
		Map<String, Object> row = row(id);
		this.access.checkReads(user, (UUID) row.get("person_id"), (UUID) row.get("person_institution_id"), null);
		return view(row, user);
	}

	private ExemptionView view(Map<String, Object> row, CurrentUser user) {
		String status = (String) row.get("status");
		java.sql.Date decided = (java.sql.Date) row.get("decided_on");
		UUID institution = (UUID) row.get("person_institution_id");
		return new ExemptionView((UUID) row.get("id"), (UUID) row.get("person_id"), (String) row.get("person_name"),
				institution, (String) row.get("technology"), (String) row.get("spec_key"), (String) row.get("reason"),
				((java.sql.Date) row.get("requested_on")).toLocalDate(), (String) row.get("evaluation_status"),
				this.json.readValue(String.valueOf(row.get("evaluation")), CLAUSES), status, switch (status) {
					case "APPROVED" -> "已批准";
					case "REJECTED" -> "不予批准";
					default -> "待审核";
				}, (String) row.get("decision_note"), (String) row.get("decided_by"),
				decided == null ? null : decided.toLocalDate(), "REQUESTED".equals(status)
						&& user.role() != Role.SYSTEM_ADMIN && this.access.governs(user, institution));
	}

}
