package cn.rtms.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The trainings a person has from the platform's own training file (学员培训档案, service
 * provider interface, ADR 0032): the rules module declares it, the training module
 * implements it, so that rules never depends on training. A training counts when it is
 * completed and passed at a base filed for its technology on the completion day, or an
 * overseas training the authority accepted. An exemption (免于培训) approved by the authority
 * is not a training: it comes through {@link #exemptionsOf} and reaches the engine as a
 * fact of its own ({@code PersonFacts.ExemptionGrant}). {@code FactsAssembler} merges
 * these with the manual {@code PersonDetails.trainings}, which stay and are labelled 证书登记
 * (recorded from a certificate). Without an implementation only the manual records count.
 */
public interface TrainingRecordSource {

	/**
	 * @param personIds people
	 * @return each person's trainings from the training file (people without any absent)
	 */
	Map<UUID, List<FileTraining>> trainingsOf(Collection<UUID> personIds);

	/**
	 * @param personIds people
	 * @return each person's approved exemptions (people without any absent)
	 */
	default Map<UUID, List<GrantedExemption>> exemptionsOf(Collection<UUID> personIds) {
		return Map.of();
	}

	/**
	 * An exemption from training (免于培训) approved by an authority.
	 *
	 * @param technology technology code
	 * @param specKey the edition evaluated when it was approved, e.g. {@code G07-2022}
	 * @param approvedOn the decision day
	 * @param approvedBy who decided (name and role)
	 */
	record GrantedExemption(String technology, String specKey, LocalDate approvedOn, @Nullable String approvedBy) {

		/**
		 * Checks the required parts.
		 */
		public GrantedExemption {
			Objects.requireNonNull(technology, "technology");
			Objects.requireNonNull(specKey, "specKey");
			Objects.requireNonNull(approvedOn, "approvedOn");
		}

	}

	/**
	 * A revision of the training file of the people working at an institution, changed in
	 * the same transaction as anything that feeds {@link #trainingsOf} changes: part of
	 * the eligibility cache key.
	 * @param institutionId the institution employing the trainees
	 * @return the revision, 0 when nothing was ever recorded
	 */
	long revision(UUID institutionId);

	/** Where a training of the file comes from. */
	enum Origin {

		/** 培训档案: completed and passed at a filed base. */
		TRAINING_FILE("培训档案"),

		/** 境外培训（已认可）: accepted by the authority with its certificate. */
		OVERSEAS("境外培训（已认可）");

		private final String label;

		Origin(String label) {
			this.label = label;
		}

		/**
		 * @return the Chinese label shown after the base's name
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * One training as the engine reads it ({@code PersonFacts.Training}).
	 *
	 * @param technology technology code
	 * @param base the base's (or foreign institution's) name
	 * @param baseFiled whether the base was filed for the technology on the completion
	 * day
	 * @param abroad trained abroad
	 * @param startedOn start
	 * @param endedOn completion day
	 * @param cases cases participated in (参与完成)
	 * @param independentCases cases performed independently under supervision
	 * @param patientsManaged patients managed through the whole course
	 * @param theoryHours theory hours
	 * @param passed passed the base's assessment, {@code null} while not concluded
	 * @param origin where it comes from
	 */
	record FileTraining(String technology, String base, @Nullable Boolean baseFiled, @Nullable Boolean abroad,
			@Nullable LocalDate startedOn, LocalDate endedOn, @Nullable Integer cases,
			@Nullable Integer independentCases, @Nullable Integer patientsManaged, @Nullable Integer theoryHours,
			@Nullable Boolean passed, Origin origin) {

		/**
		 * Checks the required parts.
		 */
		public FileTraining {
			Objects.requireNonNull(technology, "technology");
			Objects.requireNonNull(base, "base");
			Objects.requireNonNull(endedOn, "endedOn");
			Objects.requireNonNull(origin, "origin");
		}

	}

}
