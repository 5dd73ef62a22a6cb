package cn.rtms.rules.engine.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known about an institution. Every list or map that is {@code null} is "not
 * recorded"; an empty one is "recorded: none".
 *
 * @param id optional identifier (UUID text)
 * @param name institution name
 * @param regionCode GB/T 2260 code of where it is
 * @param level level and grade
 * @param type 综合 or 专科
 * @param specialty for a 专科 hospital, its specialty code (ONCOLOGY, STOMATOLOGY, ENT,
 * NEUROSURGERY …); {@code null} when not recorded (and for general hospitals)
 * @param registeredSubjects 诊疗科目 on the practice licence
 * @param departments clinical departments with beds
 * @param facilities rooms and units (PACU, ICU …)
 * @param equipment equipment by kind
 * @param operatingRooms operating rooms with clean grade
 * @param licences licences held (放射诊疗许可证 …)
 * @param firstCases date of the first case per technology code
 * @param subTechniques the sub-techniques (forms) the institution performs, per
 * technology code, e.g. {@code S04: [DEEP]}; a technology without an entry, or with an
 * empty list, is "not recorded"
 * @param caseVolumes yearly case volumes per technology (and optionally sub-technique)
 * @param attestations clauses confirmed by a reviewer
 * @param staff people registered at the institution
 */
public record InstitutionFacts(@Nullable String id, @Nullable String name, @Nullable String regionCode,
		@Nullable InstitutionLevel level, @Nullable InstitutionType type, @Nullable String specialty,
		@Nullable List<String> registeredSubjects, @Nullable List<Department> departments,
		@Nullable List<Facility> facilities, @Nullable List<Equipment> equipment,
		@Nullable List<OperatingRoom> operatingRooms, @Nullable List<Licence> licences,
		@Nullable Map<String, LocalDate> firstCases, @Nullable Map<String, List<String>> subTechniques,
		@Nullable List<CaseVolume> caseVolumes, @Nullable List<Attestation> attestations,
		@Nullable List<PersonFacts> staff) {

	/**
	 * A clinical department.
	 *
	 * @param name department name
	 * @param subjects clinical subjects of the department (matched by prefix)
	 * @param beds number of beds, {@code null} when not recorded
	 * @param since when the department started its clinical work, {@code null} when not
	 * recorded
	 * @param technologies restricted technologies the department carries out (codes),
	 * {@code null} when not recorded
	 * @param annualOperations operations the department performed in the last complete
	 * year (年手术量), {@code null} when not recorded
	 */
	public record Department(@Nullable String name, @Nullable List<String> subjects, @Nullable Integer beds,
			@Nullable LocalDate since, @Nullable List<String> technologies, @Nullable Integer annualOperations) {
	}

	/**
	 * A facility (room or unit) of some kind.
	 *
	 * @param kind code such as PACU, ICU, OPERATING_ROOM
	 * @param count how many; {@code null} counts as one
	 * @param beds beds in it, if any
	 */
	public record Facility(String kind, @Nullable Integer count, @Nullable Integer beds) {

		/**
		 * Checks the kind is given.
		 */
		public Facility {
			Objects.requireNonNull(kind, "设施缺少 kind");
		}

	}

	/**
	 * Equipment of one kind.
	 *
	 * @param kind code such as CT, MRI, ULTRASOUND
	 * @param count units; {@code null} counts as one
	 * @param model optional model name (extension, informational only)
	 * @param register when the count comes from the equipment register (ADR 0031): the
	 * register's account of the kind in Chinese, naming the units not counted and why;
	 * {@code null} for a count declared in the institution record
	 */
	public record Equipment(String kind, @Nullable Integer count, @Nullable String model, @Nullable String register) {

		/**
		 * Checks the kind is given.
		 */
		public Equipment {
			Objects.requireNonNull(kind, "设备缺少 kind");
		}

		/**
		 * A declared count (not from the register).
		 * @param kind code
		 * @param count units
		 * @param model model name
		 */
		public Equipment(String kind, @Nullable Integer count, @Nullable String model) {
			this(kind, count, model, null);
		}

	}

	/**
	 * An operating room.
	 *
	 * @param name room name
	 * @param cleanGrade clean grade, {@code null} when not recorded
	 */
	public record OperatingRoom(@Nullable String name, @Nullable CleanGrade cleanGrade) {
	}

	/**
	 * A licence held by the institution.
	 *
	 * @param kind RADIOLOGY, RADIATION_SAFETY, PRACTICE, TISSUE_BANK …
	 * @param number licence number
	 * @param validFrom first valid day ({@code null}: no lower bound)
	 * @param validUntil last valid day ({@code null}: open ended)
	 */
	public record Licence(String kind, @Nullable String number, @Nullable LocalDate validFrom,
			@Nullable LocalDate validUntil) {

		/**
		 * Checks the kind is given.
		 */
		public Licence {
			Objects.requireNonNull(kind, "许可证缺少 kind");
		}

	}

}
