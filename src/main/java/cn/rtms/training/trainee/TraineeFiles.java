package cn.rtms.training.trainee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.rtms.audit.AuditTrail;
import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.CurrentUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.TraineeEvaluation;
import cn.rtms.rules.TrainingRecordSource;
import cn.rtms.training.TrainingBaseDirectory;
import cn.rtms.training.TrainingBaseRef;
import cn.rtms.training.trainee.TraineeModel.CaseEntry;
import cn.rtms.training.trainee.TraineeModel.CaseEntryInput;
import cn.rtms.training.trainee.TraineeModel.CaseRole;
import cn.rtms.training.trainee.TraineeModel.Conclusion;
import cn.rtms.training.trainee.TraineeModel.ConclusionInput;
import cn.rtms.training.trainee.TraineeModel.Enrolment;
import cn.rtms.training.trainee.TraineeModel.ExamEntry;
import cn.rtms.training.trainee.TraineeModel.ExamInput;
import cn.rtms.training.trainee.TraineeModel.ExamKind;
import cn.rtms.training.trainee.TraineeModel.FileEdit;
import cn.rtms.training.trainee.TraineeModel.FileSummary;
import cn.rtms.training.trainee.TraineeModel.Workload;
import cn.rtms.training.trainee.TraineeModel.FileView;
import cn.rtms.training.trainee.TraineeModel.Tally;
import cn.rtms.training.trainee.TraineeModel.Verdict;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainee file (学员培训档案, docs/training.md "Trainees"): enrolment checked against the
 * spec's 培训对象 clauses at a base filed for the technology that day, the training period
 * and theory hours, the case log (each case inside the period with an instructor of the
 * base on that day), the exams, the base's conclusion and the engine's completion
 * verdict. Every change is audited and feeds the eligibility engine through
 * {@link FileTrainingRecords}.
 */
@Service
public class TraineeFiles {

	/** Longest training period accepted. */
	static final int MAX_PERIOD_YEARS = 3;

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final int MAX_LIST = 500;

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final TraineeAccess access;

	private final PersonnelManagement people;

	private final InstitutionManagement institutions;

	private final TrainingBaseDirectory bases;

	private final EligibilityManagement eligibility;

	private final AuditTrail audit;

	private final TrainingFileChanges changes;

	private final Clock clock;

	TraineeFiles(JdbcClient jdbc, IdentityManagement identity, TraineeAccess access, PersonnelManagement people,
			InstitutionManagement institutions, TrainingBaseDirectory bases, EligibilityManagement eligibility,
			AuditTrail audit, TrainingFileChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.access = access;
		this.people = people;
		this.institutions = institutions;
		this.bases = bases;
		this.eligibility = eligibility;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Enrols a person at a base for its technology. The base must be filed for the
	 * technology today and the person must meet the spec's 培训对象 clauses today; the
	 * refusal names every unmet clause. Audited as {@code TRAINEE_ENROLLED}.
	 * @param enrolment person, base and period
	 * @return the new file
	 */
	@Transactional
	public FileView enrol(Enrolment enrolment) {
		CurrentUser user = this.identity.currentUser();
		if (enrolment.personId() == null) {
			throw TraineeProblem.invalid("personId", "请选择学员");
		}
		if (enrolment.baseId() == null) {
			throw TraineeProblem.invalid("baseId", "请选择培训基地");
		}
		TrainingBaseRef base = this.bases.find(enrolment.baseId())
			.orElseThrow(() -> TraineeProblem.notFound("TRAINING_BASE_NOT_FOUND", "培训基地"));
		PersonDetails person = this.people.get(enrolment.personId());
		UUID personInstitution = person.institutionId();
		if (personInstitution == null) {
			throw TraineeProblem.unprocessable("TRAINEE_NOT_AT_INSTITUTION", "学员未登记所在医疗机构",
					"学员 " + person.name() + " 未登记所在医疗机构，无法报名培训");
		}
		if (!this.access.employs(user, personInstitution) && !this.access.keepsBase(user, base.institutionId())) {
			throw new AccessDenied("无权为该人员报名培训（限学员所在医疗机构的医务科、医院管理员，或培训基地所在机构）");
		}
		LocalDate today = today();
		checkPeriod(enrolment.startedOn(), enrolment.endedOn());
		if (!base.filedOn(today)) {
			throw TraineeProblem.unprocessable("TRAINEE_BASE_NOT_FILED", "培训基地未备案", "该培训基地于 " + today
					+ " 未在省级卫生健康行政部门备案 " + base.technology() + " 技术（状态：" + base.status().label() + "），不能招收学员");
		}
		TraineeEvaluation evaluation = evaluate(enrolment.personId(), personInstitution, base.technology(), null,
				today);
		List<String> unmet = new ArrayList<>();
		for (EligibilityReport.ClauseResult clause : evaluation.clauses(evaluation.prerequisites())) {
			if (!"MET".equals(clause.status())) {
				unmet.add(clause.citation() + "（" + clause.statusLabel() + "）：" + clause.explanation());
			}
		}
		if (!unmet.isEmpty()) {
			throw TraineeProblem.unprocessable("TRAINEE_PREREQUISITES_UNMET", "不符合培训对象要求",
					person.name() + " 不符合培训对象要求：" + String.join("；", unmet));
		}
		Integer existing = this.jdbc
			.sql("select count(*) from training.trainee_file where person_id = ? and base_id = ? and technology = ?")
			.params(enrolment.personId(), base.id(), base.technology())
			.query(Integer.class)
			.single();
		if (existing > 0) {
			throw TraineeProblem.conflict("TRAINEE_ALREADY_ENROLLED", "已报名",
					person.name() + " 已在该培训基地报名 " + base.technology() + " 技术培训");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into training.trainee_file (id, person_id, person_name, person_institution_id, base_id,
				  base_institution_id, technology, spec_key, enrolled_on, started_on, ended_on, theory_hours,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(id, enrolment.personId(), person.name(), personInstitution, base.id(), base.institutionId(),
					base.technology(), evaluation.specKey(), today, enrolment.startedOn(), enrolment.endedOn(), now,
					now)
			.update();
		FileView view = load(id, user);
		this.audit.record("TRAINEE_ENROLLED", "TraineeFile", id.toString(), null, view);
		this.changes.changed(personInstitution, enrolment.personId(), "training file enrolment");
		return view;
	}

	/**
	 * @param baseId restrict to a base, or null
	 * @param personId restrict to a person, or null
	 * @return the files the current user may read (at most 500, newest first)
	 */
	@Transactional(readOnly = true)
	public List<FileSummary> list(@Nullable UUID baseId, @Nullable UUID personId) {
		CurrentUser user = this.identity.currentUser();
		StringBuilder sql = new StringBuilder(
				"select id, person_id, person_name, person_institution_id, base_id, base_institution_id, technology,"
						+ " started_on, ended_on, conclusion from training.trainee_file where true");
		List<Object> params = new ArrayList<>();
		if (baseId != null) {
			sql.append(" and base_id = ?");
			params.add(baseId);
		}
		if (personId != null) {
			sql.append(" and person_id = ?");
			params.add(personId);
		}
		if (user.role() == Role.PHYSICIAN) {
			sql.append(" and person_id = ?");
			params.add(Objects.requireNonNull(user.personId()));
		}
		else if (user.role().isInstitutional()) {
			sql.append(" and (person_institution_id = ? or base_institution_id = ?)");
			params.add(Objects.requireNonNull(user.institutionId()));
			params.add(user.institutionId());
		}
		else if (!user.role().isAuthority() && user.role() != Role.SYSTEM_ADMIN) {
			return List.of();
		}
		sql.append(" order by created_at desc, id limit ").append(MAX_LIST * 4);
		Map<UUID, String> names = new HashMap<>();
		List<FileSummary> result = new ArrayList<>();
		for (Map<String, Object> row : this.jdbc.sql(sql.toString()).params(params).query().listOfRows()) {
			UUID pid = (UUID) row.get("person_id");
			UUID pinst = (UUID) row.get("person_institution_id");
			UUID binst = (UUID) row.get("base_institution_id");
			if (!this.access.reads(user, pid, pinst, binst)) {
				continue;
			}
			String conclusion = (String) row.get("conclusion");
			Conclusion c = conclusion == null ? null : Conclusion.valueOf(conclusion);
			result.add(new FileSummary((UUID) row.get("id"), pid, (String) row.get("person_name"),
					names.computeIfAbsent(pinst, this.institutions::nameOf), (UUID) row.get("base_id"),
					names.computeIfAbsent(binst, this.institutions::nameOf), (String) row.get("technology"),
					((java.sql.Date) row.get("started_on")).toLocalDate(),
					((java.sql.Date) row.get("ended_on")).toLocalDate(), c, c == null ? "培训中" : c.label()));
			if (result.size() >= MAX_LIST) {
				break;
			}
		}
		return result;
	}

	/**
	 * What the trainees of the current user's institution's bases need from the base (the
	 * training-base administrator's workbench): open files, those whose training period
	 * has ended without the base's conclusion, and those whose period ends within
	 * {@code days} days.
	 * @param days how far ahead "ending soon" looks
	 * @return the counts; zero for users without an institution
	 */
	@Transactional(readOnly = true)
	public Workload workload(int days) {
		CurrentUser user = this.identity.currentUser();
		UUID institution = user.institutionId();
		if (!user.role().isInstitutional() || institution == null) {
			return new Workload(0, 0, 0, days);
		}
		LocalDate today = today();
		return this.jdbc.sql("""
				select count(*),
				       count(*) filter (where ended_on < ?),
				       count(*) filter (where ended_on >= ? and ended_on <= ?)
				  from training.trainee_file
				 where base_institution_id = ? and conclusion is null""")
			.params(today, today, today.plusDays(days), institution)
			.query((rs, n) -> new Workload(rs.getLong(1), rs.getLong(2), rs.getLong(3), days))
			.single();
	}

	/**
	 * @param id file
	 * @return the whole file
	 */
	@Transactional(readOnly = true)
	public FileView get(UUID id) {
		return load(id, this.identity.currentUser());
	}

	/**
	 * Changes the period and the theory hours of an open file; every logged case must
	 * stay inside the period. Audited as {@code TRAINEE_FILE_UPDATED}.
	 * @param id file
	 * @param edit the new values and the version they are based on
	 * @return the file
	 */
	@Transactional
	public FileView update(UUID id, FileEdit edit) {
		CurrentUser user = this.identity.currentUser();
		FileView before = writable(id, user);
		checkPeriod(edit.startedOn(), edit.endedOn());
		if (edit.theoryHours() == null || edit.theoryHours() < 0 || edit.theoryHours() > PersonDetails.MAX_HOURS) {
			throw TraineeProblem.invalid("theoryHours", "理论学时应为 0–" + PersonDetails.MAX_HOURS + " 的整数");
		}
		if (edit.version() == null || edit.version() != before.version()) {
			throw TraineeProblem.conflict("TRAINEE_FILE_STALE", "档案已被他人修改", "该学员培训档案已被他人修改，请刷新后重试");
		}
		for (CaseEntry entry : before.cases()) {
			if (outside(entry.performedOn(), edit.startedOn(), edit.endedOn())) {
				throw TraineeProblem.bad("TRAINEE_CASE_OUTSIDE_PERIOD", "病例日期不在培训期内",
						"已记录 " + entry.performedOn() + " 的病例，培训期不能改为 " + edit.startedOn() + " 至 " + edit.endedOn());
			}
		}
		this.jdbc.sql("""
				update training.trainee_file set started_on = ?, ended_on = ?, theory_hours = ?, version = version + 1,
				  updated_at = ? where id = ?""")
			.params(edit.startedOn(), edit.endedOn(), edit.theoryHours(), Timestamp.from(this.clock.instant()), id)
			.update();
		return changed(id, user, "TRAINEE_FILE_UPDATED", before, "training file period");
	}

	/**
	 * Logs a case: inside the training period, not in the future, with an instructor of
	 * the base on that day. Audited as {@code TRAINEE_CASE_LOGGED}.
	 * @param id file
	 * @param input the case
	 * @return the file
	 */
	@Transactional
	public FileView logCase(UUID id, CaseEntryInput input) {
		CurrentUser user = this.identity.currentUser();
		FileView before = writable(id, user);
		if (input.performedOn() == null) {
			throw TraineeProblem.invalid("performedOn", "请填写病例日期");
		}
		if (input.role() == null) {
			throw TraineeProblem.invalid("role", "请选择学员在该病例中的角色（参与完成、在指导下独立完成或全过程管理）");
		}
		if (input.instructorId() == null) {
			throw TraineeProblem.invalid("instructorId", "请选择指导医师");
		}
		if (input.note() != null && input.note().length() > 200) {
			throw TraineeProblem.invalid("note", "备注不能超过 200 个字");
		}
		if (outside(input.performedOn(), before.startedOn(), before.endedOn())) {
			throw TraineeProblem.bad("TRAINEE_CASE_OUTSIDE_PERIOD", "病例日期不在培训期内", "病例日期 " + input.performedOn()
					+ " 不在培训期 " + before.startedOn() + " 至 " + before.endedOn() + " 内，未保存");
		}
		if (input.performedOn().isAfter(today())) {
			throw TraineeProblem.invalid("performedOn", "病例日期不能晚于今天");
		}
		if (!this.bases.instructorsOn(before.baseId(), input.performedOn()).contains(input.instructorId())) {
			throw TraineeProblem.bad("TRAINEE_INSTRUCTOR_NOT_QUALIFIED", "指导医师不符合要求",
					"所选人员于 " + input.performedOn() + " 不是本培训基地的指导医师，不能指导该病例，未保存");
		}
		this.jdbc.sql("""
				insert into training.trainee_case (id, file_id, performed_on, role, instructor_id, instructor_name,
				  case_id, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id, input.performedOn(), input.role().name(), input.instructorId(),
					instructorName(input.instructorId()), input.caseId(), blankToNull(input.note()),
					Timestamp.from(this.clock.instant()))
			.update();
		touch(id);
		return changed(id, user, "TRAINEE_CASE_LOGGED", before, "training file case log");
	}

	/**
	 * Removes a wrongly logged case from an open file. Audited as
	 * {@code TRAINEE_CASE_REMOVED}.
	 * @param id file
	 * @param caseEntryId the logged case
	 * @return the file
	 */
	@Transactional
	public FileView removeCase(UUID id, UUID caseEntryId) {
		CurrentUser user = this.identity.currentUser();
		FileView before = writable(id, user);
		int removed = this.jdbc.sql("delete from training.trainee_case where id = ? and file_id = ?")
			.params(caseEntryId, id)
			.update();
		if (removed == 0) {
			throw TraineeProblem.notFound("TRAINEE_CASE_NOT_FOUND", "病例记录");
		}
		touch(id);
		return changed(id, user, "TRAINEE_CASE_REMOVED", before, "training file case log");
	}

	/**
	 * Records an exam (score 0–100, pass mark 60) taken inside the period or after it,
	 * not in the future. Audited as {@code TRAINEE_EXAM_RECORDED}.
	 * @param id file
	 * @param input the exam
	 * @return the file
	 */
	@Transactional
	public FileView recordExam(UUID id, ExamInput input) {
		CurrentUser user = this.identity.currentUser();
		FileView before = writable(id, user);
		if (input.kind() == null) {
			throw TraineeProblem.invalid("kind", "请选择考核类型（理论考核或技能考核）");
		}
		if (input.score() == null || input.score().compareTo(BigDecimal.ZERO) < 0
				|| input.score().compareTo(BigDecimal.valueOf(100)) > 0 || input.score().scale() > 1) {
			throw TraineeProblem.invalid("score", "成绩应为 0–100 的数，最多一位小数");
		}
		if (input.takenOn() == null) {
			throw TraineeProblem.invalid("takenOn", "请填写考核日期");
		}
		if (input.takenOn().isBefore(before.startedOn()) || input.takenOn().isAfter(today())) {
			throw TraineeProblem.invalid("takenOn", "考核日期应在培训开始（" + before.startedOn() + "）之后且不晚于今天");
		}
		this.jdbc.sql("""
				insert into training.trainee_exam (id, file_id, kind, score, taken_on, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id, input.kind().name(), input.score(), input.takenOn(),
					Timestamp.from(this.clock.instant()))
			.update();
		touch(id);
		return changed(id, user, "TRAINEE_EXAM_RECORDED", before, "training file exam");
	}

	/**
	 * Records the base's conclusion, today, after the end of the period; 合格 needs a
	 * passed theory and a passed skills exam (the latest of each). Closes the file. A
	 * passed file at a base filed for the technology today then counts as the person's
	 * training (ADR 0032). Audited as {@code TRAINEE_CONCLUDED}.
	 * @param id file
	 * @param input the conclusion
	 * @return the file
	 */
	@Transactional
	public FileView conclude(UUID id, ConclusionInput input) {
		CurrentUser user = this.identity.currentUser();
		FileView before = writable(id, user);
		if (input.conclusion() == null) {
			throw TraineeProblem.invalid("conclusion", "请选择考核结论（合格或不合格）");
		}
		if (input.note() != null && input.note().length() > 500) {
			throw TraineeProblem.invalid("note", "结论说明不能超过 500 个字");
		}
		LocalDate today = today();
		if (today.isBefore(before.endedOn())) {
			throw TraineeProblem.invalid("conclusion", "培训期至 " + before.endedOn() + " 结束，结束后才能作出考核结论");
		}
		if (input.conclusion() == Conclusion.PASSED
				&& (!before.tally().theoryPassed() || !before.tally().skillsPassed())) {
			throw TraineeProblem.unprocessable("TRAINEE_EXAMS_MISSING", "考核未完成",
					"考核合格须有合格的理论考核和技能考核成绩（以最近一次为准，60 分及格）");
		}
		this.jdbc.sql("""
				update training.trainee_file set conclusion = ?, concluded_on = ?, conclusion_note = ?,
				  version = version + 1, updated_at = ? where id = ?""")
			.params(input.conclusion().name(), today, blankToNull(input.note()), Timestamp.from(this.clock.instant()),
					id)
			.update();
		return changed(id, user, "TRAINEE_CONCLUDED", before, "training file conclusion");
	}

	/**
	 * The engine's completion verdict of a file, clause by clause: the 培训对象 clauses and
	 * the training-requirement clauses (duration, theory hours, cases by role,
	 * assessment) evaluated with this file alone.
	 * @param id file
	 * @return the verdict
	 */
	@Transactional(readOnly = true)
	public Verdict verdict(UUID id) {
		FileView file = get(id);
		LocalDate asOf = file.concludedOn() != null ? file.concludedOn()
				: (today().isAfter(file.endedOn()) ? today() : file.endedOn());
		boolean filed = this.bases.find(file.baseId()).map(b -> b.filedOn(asOf)).orElse(false);
		TrainingRecordSource.FileTraining training = asTraining(file, filed);
		TraineeEvaluation evaluation = evaluate(file.personId(), file.personInstitutionId(), file.technology(),
				training, asOf);
		List<EligibilityReport.ClauseResult> trainingClauses = evaluation.clauses(evaluation.trainingClauses());
		String status;
		String label;
		String notice = null;
		if (trainingClauses.isEmpty()) {
			status = file.conclusion() == Conclusion.PASSED ? "MET"
					: file.conclusion() == Conclusion.FAILED ? "NOT_MET" : "UNKNOWN";
			label = switch (status) {
				case "MET" -> "符合";
				case "NOT_MET" -> "不符合";
				default -> "信息不全";
			};
			notice = "规范 " + evaluation.specKey() + " 未规定培训时长、学时与病例数要求，完成情况以培训基地考核结论为准";
		}
		else {
			boolean allMet = trainingClauses.stream().allMatch(c -> "MET".equals(c.status()));
			boolean anyNotMet = trainingClauses.stream().anyMatch(c -> "NOT_MET".equals(c.status()));
			status = allMet ? "MET" : anyNotMet ? "NOT_MET" : "UNKNOWN";
			label = allMet ? "符合" : anyNotMet ? "不符合" : "信息不全";
		}
		return new Verdict(evaluation.specKey(), asOf, status, label, filed,
				evaluation.clauses(evaluation.prerequisites()), trainingClauses, notice);
	}

	/**
	 * The file as the engine reads a training.
	 * @param file the file
	 * @param baseFiled whether the base is filed for the technology on the completion day
	 * @return the training
	 */
	TrainingRecordSource.FileTraining asTraining(FileView file, boolean baseFiled) {
		return new TrainingRecordSource.FileTraining(file.technology(),
				(file.baseName() != null) ? file.baseName() : "培训基地", baseFiled, false, file.startedOn(),
				file.endedOn(), file.tally().participated(), file.tally().independent(), file.tally().fullCourse(),
				file.theoryHours(), file.conclusion() == null ? null : file.conclusion() == Conclusion.PASSED,
				TrainingRecordSource.Origin.TRAINING_FILE);
	}

	private TraineeEvaluation evaluate(UUID personId, UUID institutionId, String technology,
			TrainingRecordSource.@Nullable FileTraining candidate, LocalDate asOf) {
		return this.eligibility.traineeEvaluation(personId, institutionId, technology, candidate, asOf)
			.orElseThrow(() -> TraineeProblem.unprocessable("TRAINEE_NOT_AT_INSTITUTION", "学员已不在原医疗机构",
					"学员已不在报名时所在的医疗机构，无法评估"));
	}

	private FileView changed(UUID id, CurrentUser user, String action, FileView before, String what) {
		FileView after = load(id, user);
		this.audit.record(action, "TraineeFile", id.toString(), before, after);
		this.changes.changed(after.personInstitutionId(), after.personId(), what);
		return after;
	}

	private void touch(UUID id) {
		this.jdbc.sql("update training.trainee_file set version = version + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/**
	 * The file, locked for the caller's transaction: two writers take turns, and the
	 * second reads what the first committed (its version, its conclusion) before it
	 * checks anything.
	 */
	private FileView writable(UUID id, CurrentUser user) {
		this.jdbc.sql("select id from training.trainee_file where id = ? for update").param(id).query().listOfRows();
		FileView file = load(id, user);
		this.access.checkKeepsBase(user, file.baseInstitutionId());
		if (file.conclusion() != null) {
			throw TraineeProblem.conflict("TRAINEE_FILE_CLOSED", "档案已结业",
					"该学员培训档案已于 " + file.concludedOn() + " 作出考核结论（" + file.conclusion().label() + "），不能再修改");
		}
		return file;
	}

	private String instructorName(UUID instructorId) {
		try {
			return this.people.get(instructorId).name();
		}
		catch (RuntimeException ex) {
			return "指导医师";
		}
	}

	private static void checkPeriod(@Nullable LocalDate startedOn, @Nullable LocalDate endedOn) {
		if (startedOn == null) {
			throw TraineeProblem.invalid("startedOn", "请填写培训开始日期");
		}
		if (endedOn == null) {
			throw TraineeProblem.invalid("endedOn", "请填写培训结束日期");
		}
		if (startedOn.isBefore(EARLIEST)) {
			throw TraineeProblem.invalid("startedOn", "培训开始日期不能早于 " + EARLIEST);
		}
		if (endedOn.isBefore(startedOn)) {
			throw TraineeProblem.invalid("endedOn", "培训结束日期不能早于开始日期");
		}
		if (Period.between(startedOn, endedOn).toTotalMonths() >= MAX_PERIOD_YEARS * 12L) {
			throw TraineeProblem.invalid("endedOn", "培训期不能超过 " + MAX_PERIOD_YEARS + " 年");
		}
	}

	private static boolean outside(LocalDate day, LocalDate from, LocalDate to) {
		return day.isBefore(from) || day.isAfter(to);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	FileView load(UUID id, CurrentUser user) {
		Map<String, Object> row = this.jdbc.sql("select * from training.trainee_file where id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> TraineeProblem.notFound("TRAINEE_FILE_NOT_FOUND", "学员培训档案"));
		UUID personId = (UUID) row.get("person_id");
		UUID personInstitution = (UUID) row.get("person_institution_id");
		UUID baseInstitution = (UUID) row.get("base_institution_id");
		this.access.checkReads(user, personId, personInstitution, baseInstitution);
		return view(row, this.access.keepsBase(user, baseInstitution) && row.get("conclusion") == null);
	}

	/**
	 * A file without scope check, for the training record source and tests.
	 */
	FileView loadUnchecked(UUID id) {
		Map<String, Object> row = this.jdbc.sql("select * from training.trainee_file where id = ?")
			.param(id)
			.query()
			.listOfRows()
			.getFirst();
		return view(row, false);
	}

	private FileView view(Map<String, Object> row, boolean mayEdit) {
		UUID id = (UUID) row.get("id");
		List<CaseEntry> cases = this.jdbc.sql("""
				select id, performed_on, role, instructor_id, instructor_name, case_id, note from training.trainee_case
				where file_id = ? order by performed_on, created_at, id""")
			.param(id)
			.query(TraineeFiles::caseEntry)
			.list();
		List<ExamEntry> exams = this.jdbc
			.sql("select id, kind, score, taken_on from training.trainee_exam where file_id = ?"
					+ " order by taken_on, created_at, id")
			.param(id)
			.query(TraineeFiles::examEntry)
			.list();
		String conclusion = (String) row.get("conclusion");
		Conclusion c = conclusion == null ? null : Conclusion.valueOf(conclusion);
		UUID personInstitution = (UUID) row.get("person_institution_id");
		UUID baseInstitution = (UUID) row.get("base_institution_id");
		java.sql.Date concluded = (java.sql.Date) row.get("concluded_on");
		return new FileView(id, (UUID) row.get("person_id"), (String) row.get("person_name"), personInstitution,
				this.institutions.nameOf(personInstitution), (UUID) row.get("base_id"), baseInstitution,
				this.institutions.nameOf(baseInstitution), (String) row.get("technology"), (String) row.get("spec_key"),
				date(row, "enrolled_on"), date(row, "started_on"), date(row, "ended_on"),
				((Number) row.get("theory_hours")).intValue(), c, c == null ? "培训中" : c.label(),
				concluded == null ? null : concluded.toLocalDate(), (String) row.get("conclusion_note"),
				((Number) row.get("version")).longValue(), cases, exams, tally(cases, exams), mayEdit);
	}

	static Tally tally(List<CaseEntry> cases, List<ExamEntry> exams) {
		int participated = 0;
		int independent = 0;
		int fullCourse = 0;
		for (CaseEntry entry : cases) {
			switch (entry.role()) {
				case PARTICIPATED -> participated++;
				case SUPERVISED -> {
					participated++;
					independent++;
				}
				case FULL_COURSE -> fullCourse++;
			}
		}
		Map<ExamKind, ExamEntry> latest = new LinkedHashMap<>();
		for (ExamEntry exam : exams) {
			latest.put(exam.kind(), exam);
		}
		return new Tally(participated, independent, fullCourse,
				latest.containsKey(ExamKind.THEORY) && latest.get(ExamKind.THEORY).passed(),
				latest.containsKey(ExamKind.SKILLS) && latest.get(ExamKind.SKILLS).passed());
	}

	private static LocalDate date(Map<String, Object> row, String column) {
		return ((java.sql.Date) row.get(column)).toLocalDate();
	}

	private static CaseEntry caseEntry(ResultSet rs, int n) throws SQLException {
		CaseRole role = CaseRole.valueOf(rs.getString("role"));
		return new CaseEntry(rs.getObject("id", UUID.class), rs.getObject("performed_on", LocalDate.class), role,
				role.label(), rs.getObject("instructor_id", UUID.class), rs.getString("instructor_name"),
				rs.getObject("case_id", UUID.class), rs.getString("note"));
	}

	private static ExamEntry examEntry(ResultSet rs, int n) throws SQLException {
		ExamKind kind = ExamKind.valueOf(rs.getString("kind"));
		BigDecimal score = rs.getBigDecimal("score").setScale(1, RoundingMode.HALF_UP);
		return new ExamEntry(rs.getObject("id", UUID.class), kind, kind.label(), score,
				score.compareTo(TraineeModel.PASS_MARK) >= 0, rs.getObject("taken_on", LocalDate.class));
	}

}
