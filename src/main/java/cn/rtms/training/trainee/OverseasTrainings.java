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
import cn.rtms.rules.TraineeEvaluation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overseas trainings (境外培训, docs/training.md "Overseas training"): accepted only for a
 * technology whose spec has the overseas pathway; the trainee's hospital submits it with
 * the certificate (PDF, JPEG or PNG, at most 10 MB); an authority whose jurisdiction
 * covers the hospital assesses it (accepted or rejected, with the assessment). An
 * accepted one feeds the engine as a training abroad (ADR 0032). Audited.
 */
@Service
public class OverseasTrainings {

	/** Largest certificate accepted. */
	public static final int MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

	/**
	 * Refuses a certificate over {@link #MAX_CERTIFICATE_BYTES} (also by its declared
	 * size, before it is read into memory).
	 * @param size its size in bytes
	 */
	public static void checkCertificateSize(long size) {
		if (size > MAX_CERTIFICATE_BYTES) {
			throw TraineeProblem.invalid("certificate", "证书文件不能超过 10 MB");
		}
	}

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final TraineeAccess access;

	private final PersonnelManagement people;

	private final EligibilityManagement eligibility;

	private final AuditTrail audit;

	private final TrainingFileChanges changes;

	private final Clock clock;

	OverseasTrainings(JdbcClient jdbc, IdentityManagement identity, TraineeAccess access, PersonnelManagement people,
			EligibilityManagement eligibility, AuditTrail audit, TrainingFileChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.access = access;
		this.people = people;
		this.eligibility = eligibility;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * A submitted overseas training.
	 *
	 * @param personId physician
	 * @param technology technology code
	 * @param host the foreign institution, at most 200 characters
	 * @param country country or region, at most 60 characters
	 * @param startedOn start
	 * @param endedOn end
	 */
	public record Submission(@Nullable UUID personId, @Nullable String technology, @Nullable String host,
			@Nullable String country, @Nullable LocalDate startedOn, @Nullable LocalDate endedOn) {
	}

	/**
	 * An assessment.
	 *
	 * @param accept accept or reject
	 * @param assessment the assessment text, required, at most 500 characters
	 */
	public record OverseasAssessment(@Nullable Boolean accept, @Nullable String assessment) {
	}

	/**
	 * An overseas training.
	 *
	 * @param id id
	 * @param personId physician
	 * @param personName name
	 * @param technology technology
	 * @param host foreign institution
	 * @param country country
	 * @param startedOn start
	 * @param endedOn end
	 * @param certificateName certificate file name
	 * @param status SUBMITTED, ACCEPTED or REJECTED
	 * @param statusLabel in Chinese
	 * @param assessment the assessment
	 * @param assessedBy who assessed
	 * @param assessedOn when
	 * @param mayAssess whether the current user may assess it now
	 */
	public record OverseasView(UUID id, UUID personId, String personName, String technology, String host,
			String country, LocalDate startedOn, LocalDate endedOn, String certificateName, String status,
			String statusLabel, @Nullable String assessment, @Nullable String assessedBy,
			@Nullable LocalDate assessedOn, boolean mayAssess) {
	}

	/**
	 * A stored certificate.
	 *
	 * @param name file name
	 * @param contentType media type
	 * @param content bytes
	 */
	public record Certificate(String name, String contentType, byte[] content) {
	}

	/**
	 * Submits an overseas training with its certificate. Audited as
	 * {@code OVERSEAS_TRAINING_SUBMITTED}.
	 * @param submission the training
	 * @param certificate the certificate
	 * @return the stored training
	 */
	@Transactional
	public OverseasView submit(Submission submission, @Nullable Certificate certificate) {
		CurrentUser user = this.identity.currentUser();
		if (submission.personId() == null) {
			throw TraineeProblem.invalid("personId", "请选择医师");
		}
		if (submission.technology() == null || submission.technology().isBlank()
				|| submission.technology().length() > 10) {
			throw TraineeProblem.invalid("technology", "请选择技术");
		}
		if (submission.host() == null || submission.host().isBlank() || submission.host().length() > 200) {
			throw TraineeProblem.invalid("host", "请填写境外培训机构（不超过 200 个字）");
		}
		if (submission.country() == null || submission.country().isBlank() || submission.country().length() > 60) {
			throw TraineeProblem.invalid("country", "请填写国家或地区（不超过 60 个字）");
		}
		if (submission.startedOn() == null || submission.endedOn() == null
				|| submission.endedOn().isBefore(submission.startedOn())) {
			throw TraineeProblem.invalid("endedOn", "请填写培训起止日期，结束日期不能早于开始日期");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (submission.endedOn().isAfter(today)) {
			throw TraineeProblem.invalid("endedOn", "境外培训结束后才能登记");
		}
		if (certificate == null || certificate.content().length == 0) {
			throw TraineeProblem.invalid("certificate", "请上传境外培训证书");
		}
		checkCertificateSize(certificate.content().length);
		String type = sniff(certificate.content());
		if (type == null) {
			throw TraineeProblem.invalid("certificate", "证书文件须为 PDF、JPEG 或 PNG");
		}
		PersonDetails person = this.people.get(submission.personId());
		UUID institution = person.institutionId();
		if (institution == null || !this.access.employs(user, institution)) {
			throw new AccessDenied("无权登记该医师的境外培训（限医师所在医疗机构的医务科或医院管理员）");
		}
		TraineeEvaluation evaluation = this.eligibility
			.traineeEvaluation(submission.personId(), institution, submission.technology(), null, today)
			.orElseThrow(() -> TraineeProblem.unprocessable("TRAINEE_NOT_AT_INSTITUTION", "医师不在本机构", "医师不在本机构"));
		if (evaluation.abroadClauses().isEmpty()) {
			throw TraineeProblem.unprocessable("OVERSEAS_TRAINING_NOT_ALLOWED", "本规范不认可境外培训",
					"规范 " + evaluation.specKey() + " 未规定境外培训途径，" + submission.technology() + " 技术的境外培训不能作为培训记录");
		}
		UUID id = UUID.randomUUID();
		String name = certificate.name().length() > 200 ? certificate.name().substring(0, 200) : certificate.name();
		this.jdbc.sql("""
				insert into training.overseas_training (id, person_id, person_name, person_institution_id, technology,
				  host, country, started_on, ended_on, certificate_name, certificate_type, certificate, status,
				  created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)""")
			.params(id, submission.personId(), person.name(), institution, submission.technology(),
					submission.host().strip(), submission.country().strip(), submission.startedOn(),
					submission.endedOn(), name, type, certificate.content(), Timestamp.from(this.clock.instant()))
			.update();
		OverseasView view = load(id, user);
		this.audit.record("OVERSEAS_TRAINING_SUBMITTED", "OverseasTraining", id.toString(), null, view);
		return view;
	}

	/**
	 * Assesses a submitted overseas training. Audited as
	 * {@code OVERSEAS_TRAINING_ACCEPTED} or {@code OVERSEAS_TRAINING_REJECTED}; an
	 * accepted one feeds the engine.
	 * @param id the training
	 * @param assessment accept or reject, with the assessment
	 * @return the training
	 */
	@Transactional
	public OverseasView assess(UUID id, OverseasAssessment assessment) {
		CurrentUser user = this.identity.currentUser();
		OverseasView before = load(id, user);
		Map<String, Object> row = row(id);
		UUID institution = (UUID) row.get("person_institution_id");
		this.access.checkGoverns(user, institution);
		if (!"SUBMITTED".equals(before.status())) {
			throw TraineeProblem.conflict("OVERSEAS_TRAINING_ASSESSED", "已评估",
					"该境外培训已于 " + before.assessedOn() + " 评估");
		}
		if (assessment.accept() == null) {
			throw TraineeProblem.invalid("accept", "请选择认可或不予认可");
		}
		if (assessment.assessment() == null || assessment.assessment().isBlank()
				|| assessment.assessment().length() > 500) {
			throw TraineeProblem.invalid("assessment", "请填写评估意见（不超过 500 个字）");
		}
		// only while still submitted: of two assessments at once the second changes
		// nothing
		int assessed = this.jdbc.sql("""
				update training.overseas_training set status = ?, assessment = ?, assessed_by = ?, assessed_on = ?
				where id = ? and status = 'SUBMITTED'""")
			.params(assessment.accept() ? "ACCEPTED" : "REJECTED", assessment.assessment().strip(), decidedBy(user),
					LocalDate.now(this.clock), id)
			.update();
		if (assessed != 1) {
			throw TraineeProblem.conflict("OVERSEAS_TRAINING_ASSESSED", "已评估", "该境外培训刚刚已由他人评估，请刷新后查看");
		}
		OverseasView after = load(id, user);
		this.audit.record(assessment.accept() ? "OVERSEAS_TRAINING_ACCEPTED" : "OVERSEAS_TRAINING_REJECTED",
				"OverseasTraining", id.toString(), before, after);
		if (assessment.accept()) {
			this.changes.changed(institution, after.personId(), "overseas training accepted");
		}
		return after;
	}

	/**
	 * Who decided, as stored beside the decision (name and role, within the column's 100
	 * characters).
	 */
	static String decidedBy(CurrentUser user) {
		String role = "（" + user.role().label() + "）";
		String name = user.displayName();
		int room = 100 - role.length();
		return ((name.length() > room) ? name.substring(0, room - 1) + "…" : name) + role;
	}

	/**
	 * @param personId restrict to a person, or null
	 * @return what the current user may read, newest first (at most 500)
	 */
	@Transactional(readOnly = true)
	public List<OverseasView> list(@Nullable UUID personId) {
		CurrentUser user = this.identity.currentUser();
		List<OverseasView> result = new ArrayList<>();
		for (UUID id : this.jdbc
			.sql("select id from training.overseas_training where (cast(? as uuid) is null or person_id = ?)"
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
	 * @param id the training
	 * @return its certificate, if the current user may read the training
	 */
	@Transactional(readOnly = true)
	public Certificate certificate(UUID id) {
		load(id, this.identity.currentUser());
		return this.jdbc
			.sql("select certificate_name, certificate_type, certificate from training.overseas_training where id = ?")
			.param(id)
			.query((rs, n) -> new Certificate(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.single();
	}

	/**
	 * The certificate's type from its first bytes (what the browser declares is not
	 * trusted).
	 */
	static @Nullable String sniff(byte[] content) {
		if (content.length >= 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
			return "application/pdf";
		}
		if (content.length >= 4 && (content[0] & 0xFF) == 0x89 && content[1] == 'P' && content[2] == 'N'
				&& content[3] == 'G') {
			return "image/png";
		}
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8
				&& (content[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		return null;
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("""
				select id, person_id, person_name, person_institution_id, technology, host, country, started_on,
				  ended_on, certificate_name, status, assessment, assessed_by, assessed_on
				from training.overseas_training where id = ?""")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> TraineeProblem.notFound("OVERSEAS_TRAINING_NOT_FOUND", "境外培训记录"));
	}

	private OverseasView load(UUID id, CurrentUser user) {
		Map<String, Object> row = row(id);
		this.access.checkReads(user, (UUID) row.get("person_id"), (UUID) row.get("person_institution_id"), null);
		return view(row, user);
	}

	private OverseasView view(Map<String, Object> row, CurrentUser user) {
		String status = (String) row.get("status");
		java.sql.Date assessed = (java.sql.Date) row.get("assessed_on");
		UUID institution = (UUID) row.get("person_institution_id");
		return new OverseasView((UUID) row.get("id"), (UUID) row.get("person_id"), (String) row.get("person_name"),
				(String) row.get("technology"), (String) row.get("host"), (String) row.get("country"),
				((java.sql.Date) row.get("started_on")).toLocalDate(),
				((java.sql.Date) row.get("ended_on")).toLocalDate(), (String) row.get("certificate_name"), status,
				switch (status) {
					case "ACCEPTED" -> "已认可";
					case "REJECTED" -> "不予认可";
					default -> "待评估";
				}, (String) row.get("assessment"), (String) row.get("assessed_by"),
				assessed == null ? null : assessed.toLocalDate(), "SUBMITTED".equals(status)
						&& user.role() != Role.SYSTEM_ADMIN && this.access.governs(user, institution));
	}

}
