package cn.rtms.training.trainee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.rules.EligibilityReport;
import org.jspecify.annotations.Nullable;

/**
 * What the training file shows and accepts (the views and commands of
 * {@link TraineeFiles}, {@link TrainingExemptions} and {@link OverseasTrainings}).
 */
public final class TraineeModel {

	/** Pass mark of an exam (score out of 100). */
	public static final BigDecimal PASS_MARK = BigDecimal.valueOf(60);

	private TraineeModel() {
	}

	/** The role a trainee had in a logged case. */
	public enum CaseRole {

		/** 参与完成: took part in the procedure (counts as a case participated in). */
		PARTICIPATED("参与完成"),

		/**
		 * 在指导下独立完成: performed it independently under the instructor's supervision (counts
		 * as participated and as independent).
		 */
		SUPERVISED("在指导下独立完成"),

		/** 全过程管理: managed the patient through the whole course. */
		FULL_COURSE("全过程管理");

		private final String label;

		CaseRole(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/** An exam of the base's assessment. */
	public enum ExamKind {

		/** 理论考核. */
		THEORY("理论考核"),

		/** 技能考核. */
		SKILLS("技能考核");

		private final String label;

		ExamKind(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/** The base's conclusion. */
	public enum Conclusion {

		/** 考核合格. */
		PASSED("合格"),

		/** 考核不合格. */
		FAILED("不合格");

		private final String label;

		Conclusion(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * Enrolment of a person at a base.
	 *
	 * @param personId the person
	 * @param baseId the base (its technology is the file's)
	 * @param startedOn training period start
	 * @param endedOn training period end
	 */
	public record Enrolment(@Nullable UUID personId, @Nullable UUID baseId, @Nullable LocalDate startedOn,
			@Nullable LocalDate endedOn) {
	}

	/**
	 * An edit of the period and theory hours.
	 *
	 * @param startedOn start
	 * @param endedOn end
	 * @param theoryHours theory hours, 0–10000
	 * @param version the version the edit is based on
	 */
	public record FileEdit(@Nullable LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable Integer theoryHours,
			@Nullable Long version) {
	}

	/**
	 * A case to log.
	 *
	 * @param performedOn date
	 * @param role the trainee's role
	 * @param instructorId the instructor (指导医师), a person of the platform
	 * @param caseId optional id of the case in the case registry
	 * @param note optional note, at most 200 characters
	 */
	public record CaseEntryInput(@Nullable LocalDate performedOn, @Nullable CaseRole role, @Nullable UUID instructorId,
			@Nullable UUID caseId, @Nullable String note) {
	}

	/**
	 * An exam to record.
	 *
	 * @param kind theory or skills
	 * @param score 0–100, one decimal
	 * @param takenOn date
	 */
	public record ExamInput(@Nullable ExamKind kind, @Nullable BigDecimal score, @Nullable LocalDate takenOn) {
	}

	/**
	 * The base's conclusion.
	 *
	 * @param conclusion passed or failed
	 * @param note optional remark, at most 500 characters
	 */
	public record ConclusionInput(@Nullable Conclusion conclusion, @Nullable String note) {
	}

	/**
	 * A logged case.
	 *
	 * @param id id
	 * @param performedOn date
	 * @param role role
	 * @param roleLabel role in Chinese
	 * @param instructorId instructor
	 * @param instructorName instructor's name when logged
	 * @param caseId linked registry case, if any
	 * @param note note
	 */
	public record CaseEntry(UUID id, LocalDate performedOn, CaseRole role, String roleLabel, UUID instructorId,
			String instructorName, @Nullable UUID caseId, @Nullable String note) {
	}

	/**
	 * A recorded exam.
	 *
	 * @param id id
	 * @param kind kind
	 * @param kindLabel kind in Chinese
	 * @param score score
	 * @param passed score at or above the pass mark (60)
	 * @param takenOn date
	 */
	public record ExamEntry(UUID id, ExamKind kind, String kindLabel, BigDecimal score, boolean passed,
			LocalDate takenOn) {
	}

	/**
	 * The case log counted as the spec counts it.
	 *
	 * @param participated cases participated in (参与完成: participated + supervised)
	 * @param independent cases performed independently under supervision
	 * @param fullCourse patients managed through the whole course
	 * @param theoryPassed the latest theory exam passed
	 * @param skillsPassed the latest skills exam passed
	 */
	public record Tally(int participated, int independent, int fullCourse, boolean theoryPassed, boolean skillsPassed) {
	}

	/**
	 * Open trainee files at an institution's bases.
	 *
	 * @param open files without the base's conclusion (培训中)
	 * @param periodEnded open files whose training period has ended (期满待结业)
	 * @param endingSoon open files whose period ends within {@code days} days from today
	 * @param days the look-ahead of {@code endingSoon}
	 */
	public record Workload(long open, long periodEnded, long endingSoon, int days) {
	}

	/**
	 * A trainee file in a list.
	 *
	 * @param id id
	 * @param personId trainee
	 * @param personName trainee's name
	 * @param personInstitutionName trainee's hospital
	 * @param baseId base
	 * @param baseName base's institution name
	 * @param technology technology code
	 * @param startedOn start
	 * @param endedOn end
	 * @param conclusion conclusion, null while open
	 * @param conclusionLabel in Chinese (进行中 while open)
	 */
	public record FileSummary(UUID id, UUID personId, String personName, @Nullable String personInstitutionName,
			UUID baseId, @Nullable String baseName, String technology, LocalDate startedOn, LocalDate endedOn,
			@Nullable Conclusion conclusion, String conclusionLabel) {
	}

	/**
	 * A whole trainee file.
	 *
	 * @param id id
	 * @param personId trainee
	 * @param personName trainee's name
	 * @param personInstitutionId trainee's hospital
	 * @param personInstitutionName its name
	 * @param baseId base
	 * @param baseInstitutionId the base's institution
	 * @param baseName its name
	 * @param technology technology code
	 * @param specKey edition checked at enrolment
	 * @param enrolledOn enrolment day
	 * @param startedOn start
	 * @param endedOn end
	 * @param theoryHours theory hours
	 * @param conclusion conclusion, null while open
	 * @param conclusionLabel in Chinese (进行中 while open)
	 * @param concludedOn day of the conclusion
	 * @param conclusionNote remark
	 * @param version version for edits
	 * @param cases case log, by date
	 * @param exams exams, by date
	 * @param tally counts
	 * @param mayEdit whether the current user keeps the file and it is open
	 */
	public record FileView(UUID id, UUID personId, String personName, UUID personInstitutionId,
			@Nullable String personInstitutionName, UUID baseId, UUID baseInstitutionId, @Nullable String baseName,
			String technology, String specKey, LocalDate enrolledOn, LocalDate startedOn, LocalDate endedOn,
			int theoryHours, @Nullable Conclusion conclusion, String conclusionLabel, @Nullable LocalDate concludedOn,
			@Nullable String conclusionNote, long version, List<CaseEntry> cases, List<ExamEntry> exams, Tally tally,
			boolean mayEdit) {
	}

	/**
	 * The completion verdict of a file from the engine.
	 *
	 * @param specKey edition
	 * @param asOf evaluation day (the conclusion day, or the later of today and the end
	 * of the period while open)
	 * @param status MET when every training-requirement clause is met
	 * @param statusLabel in Chinese
	 * @param baseFiled whether the base is filed for the technology that day
	 * @param prerequisites the 培训对象 clauses
	 * @param training the training-requirement clauses (duration, theory hours, cases,
	 * assessment) evaluated with this file alone
	 * @param notice what the reader must know (no training clause in the spec)
	 */
	public record Verdict(String specKey, LocalDate asOf, String status, String statusLabel, boolean baseFiled,
			List<EligibilityReport.ClauseResult> prerequisites, List<EligibilityReport.ClauseResult> training,
			@Nullable String notice) {
	}

}
