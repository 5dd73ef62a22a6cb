package cn.rtms.rules.engine.rule;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The rule kinds a spec may use, by the name written in {@code kind}, and their
 * factories.
 */
public final class RuleKinds {

	private static final Map<String, Function<RuleParameters, Rule>> FACTORIES = Map.ofEntries(
			Map.entry("institutionLevel", InstitutionLevelRule::from),
			Map.entry("institutionType", InstitutionTypeRule::from),
			Map.entry("registeredSubject", RegisteredSubjectRule::from), Map.entry("beds", BedsRule::from),
			Map.entry("facility", FacilityRule::from), Map.entry("equipment", EquipmentRule::from),
			Map.entry("operatingRoom", OperatingRoomRule::from), Map.entry("licence", LicenceRule::from),
			Map.entry("qualifiedStaff", QualifiedStaffRule::from), Map.entry("instructors", InstructorsRule::from),
			Map.entry("instructorGroups", InstructorGroupsRule::from),
			Map.entry("performedYears", PerformedYearsRule::from),
			Map.entry("institutionCases", InstitutionCasesRule::from),
			Map.entry("physicianLicence", PhysicianLicenceRule::from), Map.entry("staffRole", StaffRoleRule::from),
			Map.entry("clinicalExperience", ClinicalExperienceRule::from), Map.entry("title", TitleRule::from),
			Map.entry("titleTenure", TitleTenureRule::from), Map.entry("personCases", PersonCasesRule::from),
			Map.entry("operatorCases", OperatorCasesRule::from),
			Map.entry("noSeriousAdverseEvent", NoSeriousAdverseEventRule::from),
			Map.entry("trainingRecord", TrainingRecordRule::from),
			Map.entry("traineeQualified", TraineeQualifiedRule::from), Map.entry("allOf", AllOfRule::from),
			Map.entry("applicableWhen", ApplicableWhenRule::from),
			Map.entry("performsSubTechnique", PerformsSubTechniqueRule::from),
			Map.entry("department", DepartmentRule::from), Map.entry("qualifiedTeam", QualifiedTeamRule::from),
			Map.entry("institutionSpecialty", InstitutionSpecialtyRule::from), Map.entry("anyOf", AnyOfRule::from));

	private RuleKinds() {
	}

	/**
	 * Returns every kind name.
	 * @return the names
	 */
	public static Set<String> names() {
		return FACTORIES.keySet();
	}

	/**
	 * Builds a rule of the given kind, reporting parameter problems to
	 * {@code parameters}. The {@code asOf} parameter is handled by the caller (see
	 * {@link IssueDateRule}).
	 * @param kind the kind name
	 * @param parameters the parameters
	 * @return the rule, or {@code null} when the kind is unknown
	 */
	public static @Nullable Rule create(String kind, RuleParameters parameters) {
		Function<RuleParameters, Rule> factory = FACTORIES.get(kind);
		return (factory != null) ? factory.apply(parameters) : null;
	}

}
