package cn.rtms.rules.engine.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What is known about a person (physician, other professional staff or trainee).
 * {@code null} lists are "not recorded".
 *
 * @param id optional identifier
 * @param name the person's name
 * @param roles roles held at the institution
 * @param licence the 医师执业证书, {@code null} when not recorded
 * @param titles title history, each from the date obtained
 * @param clinicalStart start of clinical work
 * @param specialties specialties with the date the person started in each
 * @param trainings training records
 * @param caseVolumes independently performed cases per technology and year
 * @param adverseEvents adverse events
 * @param attestations clauses confirmed by a reviewer for this person
 * @param operatorVolumes operations performed as operator (术者) per category and year
 * @param exemptions exemptions from training (免于培训) granted by an authority, each a fact
 * of its own (ADR 0032): a grant satisfies the spec's exemption pathway as decided, it is
 * not a training
 */
public record PersonFacts(@Nullable String id, @Nullable String name, @Nullable List<StaffRole> roles,
		@Nullable PhysicianLicence licence, @Nullable List<TitleRecord> titles, @Nullable LocalDate clinicalStart,
		@Nullable List<Specialty> specialties, @Nullable List<Training> trainings,
		@Nullable List<CaseVolume> caseVolumes, @Nullable List<AdverseEvent> adverseEvents,
		@Nullable List<Attestation> attestations, @Nullable List<OperatorVolume> operatorVolumes,
		@Nullable List<ExemptionGrant> exemptions) {

	/**
	 * An exemption from training (免于培训) an authority approved after evaluating the spec's
	 * exemption pathway on the decision day. It satisfies the exemption pathway of the
	 * edition it was approved under, and of another edition of the same technology whose
	 * exemption clauses have the same text, from the approval day on; nothing else (it is
	 * not a training, so clauses asking for a passed training do not read it).
	 *
	 * @param technology technology code
	 * @param spec the edition evaluated when it was approved, e.g. {@code G07-2022}
	 * @param approvedOn the decision day
	 * @param approvedBy who approved it, {@code null} when not recorded
	 */
	public record ExemptionGrant(String technology, String spec, LocalDate approvedOn, @Nullable String approvedBy) {

		/**
		 * Checks the required parts.
		 */
		public ExemptionGrant {
			Objects.requireNonNull(technology, "免于培训记录缺少 technology");
			Objects.requireNonNull(spec, "免于培训记录缺少 spec");
			Objects.requireNonNull(approvedOn, "免于培训记录缺少 approvedOn");
		}

	}

	/**
	 * Operations of a category performed as operator (术者) in one calendar year.
	 *
	 * @param category the category
	 * @param year calendar year
	 * @param cases number of operations
	 */
	public record OperatorVolume(OperationCategory category, int year, int cases) {

		/**
		 * Checks the category is given.
		 */
		public OperatorVolume {
			Objects.requireNonNull(category, "术者手术例数记录缺少 category");
		}

	}

	/**
	 * A 医师执业证书.
	 *
	 * @param number certificate number
	 * @param issuedOn date issued
	 * @param scopes 执业范围
	 * @param registeredInstitution name of the institution where the physician is
	 * registered (执业注册的医疗机构), {@code null} when not recorded
	 * @param registeredInstitutionId that institution's identifier when it is known to
	 * the platform, compared with the evaluated institution's {@code id} before names are
	 * compared
	 */
	public record PhysicianLicence(@Nullable String number, @Nullable LocalDate issuedOn, @Nullable List<String> scopes,
			@Nullable String registeredInstitution, @Nullable String registeredInstitutionId) {
	}

	/**
	 * A title held from a date.
	 *
	 * @param title the title
	 * @param since date obtained
	 */
	public record TitleRecord(Title title, LocalDate since) {

		/**
		 * Checks title and date are given.
		 */
		public TitleRecord {
			Objects.requireNonNull(title, "职称记录缺少 title");
			Objects.requireNonNull(since, "职称记录缺少 since");
		}

	}

	/**
	 * A specialty the person works in.
	 *
	 * @param name specialty name, e.g. 肿瘤
	 * @param since start date
	 */
	public record Specialty(String name, @Nullable LocalDate since) {

		/**
		 * Checks the name is given.
		 */
		public Specialty {
			Objects.requireNonNull(name, "专业记录缺少 name");
		}

	}

	/**
	 * A training record.
	 *
	 * @param technology technology code
	 * @param base training base name
	 * @param baseFiled whether the base is filed with the provincial authority
	 * @param abroad whether the training took place abroad
	 * @param startedOn start date
	 * @param endedOn end date
	 * @param cases cases participated in / operated
	 * @param independentCases cases completed independently
	 * @param patientsManaged patients managed through the whole course
	 * @param theoryHours hours of theory
	 * @param passed whether the final assessment was passed
	 */
	public record Training(String technology, @Nullable String base, @Nullable Boolean baseFiled,
			@Nullable Boolean abroad, @Nullable LocalDate startedOn, @Nullable LocalDate endedOn,
			@Nullable Integer cases, @Nullable Integer independentCases, @Nullable Integer patientsManaged,
			@Nullable Integer theoryHours, @Nullable Boolean passed) {

		/**
		 * Checks the technology is given.
		 */
		public Training {
			Objects.requireNonNull(technology, "培训记录缺少 technology");
		}

	}

	/**
	 * An adverse event.
	 *
	 * @param technology technology code, {@code null} when not attributed
	 * @param occurredOn date it occurred
	 * @param serious whether it was serious
	 * @param summary short description
	 */
	public record AdverseEvent(@Nullable String technology, LocalDate occurredOn, boolean serious,
			@Nullable String summary) {

		/**
		 * Checks the date is given.
		 */
		public AdverseEvent {
			Objects.requireNonNull(occurredOn, "不良事件缺少 occurredOn");
		}

	}

}
