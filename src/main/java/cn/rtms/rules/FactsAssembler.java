package cn.rtms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.rtms.identity.Confirmation;
import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.rules.engine.facts.Attestation;
import cn.rtms.rules.engine.facts.CaseVolume;
import cn.rtms.rules.engine.facts.CleanGrade;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.InstitutionLevel;
import cn.rtms.rules.engine.facts.InstitutionType;
import cn.rtms.rules.engine.facts.OperationCategory;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;
import cn.rtms.rules.engine.facts.Title;
import org.jspecify.annotations.Nullable;

/**
 * Translates the institutions' and personnel modules' records into the engine's facts.
 * Enumerations are mapped by name; {@code FactsAssemblerTests} proves the two sides name
 * the same constants.
 */
final class FactsAssembler {

	private FactsAssembler() {
	}

	static InstitutionFacts institution(InstitutionDetails d, List<PersonDetails> staff) {
		return institution(d, staff, List.of(), Map.of());
	}

	/**
	 * @param d the institution record
	 * @param staff its people
	 * @param register the equipment register's units of the institution (ADR 0031): for a
	 * kind it holds, they replace the declared count ({@link EquipmentMerge})
	 * @return the facts
	 */
	static InstitutionFacts institution(InstitutionDetails d, List<PersonDetails> staff,
			List<EquipmentRegisterSource.Unit> register) {
		return institution(d, staff, register, Map.of());
	}

	/**
	 * @param d the institution
	 * @param staff its people
	 * @param fileTrainings the people's trainings from the training file, by person
	 * @return the facts
	 */
	static InstitutionFacts institution(InstitutionDetails d, List<PersonDetails> staff,
			Map<UUID, List<TrainingRecordSource.FileTraining>> fileTrainings) {
		return institution(d, staff, List.of(), fileTrainings);
	}

	/**
	 * @param d the institution
	 * @param staff its people
	 * @param register the equipment register's units of the institution (ADR 0031)
	 * @param fileTrainings the people's trainings from the training file, by person (ADR
	 * 0032)
	 * @return the facts
	 */
	static InstitutionFacts institution(InstitutionDetails d, List<PersonDetails> staff,
			List<EquipmentRegisterSource.Unit> register,
			Map<UUID, List<TrainingRecordSource.FileTraining>> fileTrainings) {
		return institution(d, staff, register, fileTrainings, Map.of());
	}

	/**
	 * @param d the institution
	 * @param staff its people
	 * @param register the equipment register's units of the institution (ADR 0031)
	 * @param fileTrainings the people's trainings from the training file, by person (ADR
	 * 0032)
	 * @param exemptions the people's approved exemptions (免于培训), by person (ADR 0032)
	 * @return the facts
	 */
	static InstitutionFacts institution(InstitutionDetails d, List<PersonDetails> staff,
			List<EquipmentRegisterSource.Unit> register,
			Map<UUID, List<TrainingRecordSource.FileTraining>> fileTrainings,
			Map<UUID, List<TrainingRecordSource.GrantedExemption>> exemptions) {
		return new InstitutionFacts(String.valueOf(d.id()), d.name(), d.regionCode(),
				InstitutionLevel.valueOf(d.level().name()), InstitutionType.valueOf(d.type().name()), d.specialty(),
				d.registeredSubjects(),
				map(d.departments(),
						x -> new InstitutionFacts.Department(x.name(), x.subjects(), x.beds(), x.since(),
								x.technologies(), x.annualOperations())),
				map(d.facilities(), x -> new InstitutionFacts.Facility(x.kind(), x.count(), x.beds())),
				EquipmentMerge.merge(
						map(d.equipment(), x -> new InstitutionFacts.Equipment(x.kind(), x.count(), x.model())),
						register),
				map(d.operatingRooms(),
						x -> new InstitutionFacts.OperatingRoom(x.name(), CleanGrade.valueOf(x.cleanGrade()))),
				map(d.licences(),
						x -> new InstitutionFacts.Licence(x.kind(), x.number(), x.validFrom(), x.validUntil())),
				d.firstCases(), d.subTechniques(),
				map(d.caseVolumes(),
						x -> new CaseVolume(x.technology(), x.subTechnique(), x.year(), x.month(), x.cases())),
				map(d.attestations(), FactsAssembler::attestation),
				staff.stream()
					.map(p -> person(p, d, fileTrainings.getOrDefault(p.id(), List.of()),
							exemptions.getOrDefault(p.id(), List.of())))
					.toList());
	}

	/**
	 * Translates a person. The licence's registered institution (执业注册机构) is the person's
	 * own recorded fact, never the institution whose staff list the person is on;
	 * {@code institution} only supplies the name when the registration points at it.
	 * @param p the person
	 * @param institution the institution being evaluated, or {@code null}
	 * @return the facts
	 */
	static PersonFacts person(PersonDetails p, @Nullable InstitutionDetails institution) {
		return person(p, institution, List.of());
	}

	/**
	 * Translates a person with the trainings of the training file (ADR 0032): the manual
	 * records stay, labelled 证书登记 (recorded from a certificate), followed by the file's,
	 * labelled with their origin.
	 * @param p the person
	 * @param institution the institution being evaluated, or {@code null}
	 * @param fileTrainings the person's trainings from the training file
	 * @return the facts
	 */
	static PersonFacts person(PersonDetails p, @Nullable InstitutionDetails institution,
			List<TrainingRecordSource.FileTraining> fileTrainings) {
		return person(p, institution, fileTrainings, List.of());
	}

	/**
	 * Translates a person with the trainings of the training file and the exemptions
	 * (免于培训) an authority approved, each a {@link PersonFacts.ExemptionGrant} (ADR 0032).
	 * @param p the person
	 * @param institution the institution being evaluated, or {@code null}
	 * @param fileTrainings the person's trainings from the training file
	 * @param exemptions the person's approved exemptions
	 * @return the facts
	 */
	static PersonFacts person(PersonDetails p, @Nullable InstitutionDetails institution,
			List<TrainingRecordSource.FileTraining> fileTrainings,
			List<TrainingRecordSource.GrantedExemption> exemptions) {
		PersonDetails.PhysicianLicence licence = p.licence();
		return new PersonFacts(String.valueOf(p.id()), p.name(),
				p.roles().stream().map(r -> StaffRole.valueOf(r.name())).toList(),
				licence == null ? null
						: new PersonFacts.PhysicianLicence(licence.number(), licence.issuedOn(), licence.scopes(),
								registeredName(licence, institution), registeredId(licence)),
				map(p.titles(), x -> new PersonFacts.TitleRecord(Title.valueOf(x.title().name()), x.since())),
				p.clinicalStart(), map(p.specialties(), x -> new PersonFacts.Specialty(x.name(), x.since())),
				trainings(p.trainings(), fileTrainings),
				map(p.caseVolumes(), x -> new CaseVolume(x.technology(), null, x.year(), x.month(), x.cases())),
				map(p.adverseEvents(),
						x -> new PersonFacts.AdverseEvent(x.technology(), x.occurredOn(), x.serious(), x.summary())),
				map(p.attestations(), FactsAssembler::attestation),
				map(p.operatorVolumes(),
						x -> new PersonFacts.OperatorVolume(OperationCategory.valueOf(x.category().name()), x.year(),
								x.cases())),
				exemptions.isEmpty() ? null
						: exemptions.stream()
							.map(x -> new PersonFacts.ExemptionGrant(x.technology(), x.specKey(), x.approvedOn(),
									x.approvedBy()))
							.toList());
	}

	/**
	 * A recorded confirmation as the engine reads it: who (name and role, as recorded by
	 * the platform), when, on what evidence, and whether it is a review or the hospital's
	 * own declaration.
	 */
	static Attestation attestation(Confirmation c) {
		return new Attestation(c.clause(), c.confirmedBy() + "（" + c.confirmedByRoleLabel() + "）", c.confirmedOn(),
				c.evidence(), Attestation.Kind.valueOf(c.kind().name()));
	}

	/**
	 * The manual records (labelled 证书登记) and the training file's; {@code null} (not
	 * recorded) only when both are absent.
	 */
	private static @Nullable List<PersonFacts.Training> trainings(@Nullable List<PersonDetails.TrainingRecord> manual,
			List<TrainingRecordSource.FileTraining> file) {
		if (manual == null && file.isEmpty()) {
			return null;
		}
		List<PersonFacts.Training> all = new ArrayList<>();
		for (PersonDetails.TrainingRecord x : (manual != null) ? manual : List.<PersonDetails.TrainingRecord>of()) {
			all.add(new PersonFacts.Training(x.technology(), labelled(x.base(), CERTIFICATE), x.baseFiled(), x.abroad(),
					x.startedOn(), x.endedOn(), x.cases(), x.independentCases(), x.patientsManaged(), x.theoryHours(),
					x.passed()));
		}
		for (TrainingRecordSource.FileTraining x : file) {
			all.add(training(x));
		}
		return all;
	}

	/**
	 * @param x a training of the training file
	 * @return as the engine reads it, the base labelled with the training's origin
	 */
	static PersonFacts.Training training(TrainingRecordSource.FileTraining x) {
		return new PersonFacts.Training(x.technology(), labelled(x.base(), x.origin().label()), x.baseFiled(),
				x.abroad(), x.startedOn(), x.endedOn(), x.cases(), x.independentCases(), x.patientsManaged(),
				x.theoryHours(), x.passed());
	}

	/** The label of a manual training record: entered from its certificate. */
	static final String CERTIFICATE = "证书登记";

	private static String labelled(@Nullable String base, String origin) {
		return ((base != null && !base.isBlank()) ? base : "未记录名称的培训基地") + "（" + origin + "）";
	}

	private static @Nullable String registeredName(PersonDetails.PhysicianLicence licence,
			@Nullable InstitutionDetails institution) {
		UUID registeredId = licence.registeredInstitutionId();
		if (registeredId != null && institution != null && registeredId.equals(institution.id())) {
			return institution.name();
		}
		return licence.registeredInstitution();
	}

	private static @Nullable String registeredId(PersonDetails.PhysicianLicence licence) {
		UUID id = licence.registeredInstitutionId();
		return id == null ? null : id.toString();
	}

	private static <S, T> @Nullable List<T> map(@Nullable List<S> source, Function<S, T> mapper) {
		return source == null ? null : source.stream().map(mapper).toList();
	}

}
