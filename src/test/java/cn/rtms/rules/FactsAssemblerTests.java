package cn.rtms.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.rtms.institutions.InstitutionDetails;
import cn.rtms.institutions.InstitutionLevel;
import cn.rtms.institutions.InstitutionType;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.StaffRole;
import cn.rtms.rules.engine.facts.PersonFacts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactsAssemblerTests {

	private static String[] names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
	}

	@Test
	void institutionLevelsNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.institutions.InstitutionLevel.class))
			.containsExactlyInAnyOrder(names(cn.rtms.rules.engine.facts.InstitutionLevel.class));
	}

	@Test
	void institutionTypesNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.institutions.InstitutionType.class))
			.containsExactlyInAnyOrder(names(cn.rtms.rules.engine.facts.InstitutionType.class));
	}

	@Test
	void specialtiesNameTheSameCodesAndNamesOnBothSides() {
		for (String code : cn.rtms.institutions.InstitutionDetails.SPECIALTIES.keySet()) {
			assertThat(cn.rtms.rules.engine.rule.Labels.specialty(code)).as(code)
				.isEqualTo(cn.rtms.institutions.InstitutionDetails.SPECIALTIES.get(code));
		}
		assertThat(cn.rtms.rules.engine.rule.Labels.specialtyCodes())
			.containsExactlyInAnyOrderElementsOf(cn.rtms.institutions.InstitutionDetails.SPECIALTIES.keySet());
	}

	@Test
	void titlesNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.personnel.Title.class)).containsExactly(names(cn.rtms.rules.engine.facts.Title.class));
	}

	@Test
	void operationCategoriesNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.personnel.OperationCategory.class))
			.containsExactly(names(cn.rtms.rules.engine.facts.OperationCategory.class));
	}

	@Test
	void staffRolesNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.personnel.StaffRole.class))
			.containsExactlyInAnyOrder(names(cn.rtms.rules.engine.facts.StaffRole.class));
	}

	private static final UUID HERE = UUID.fromString("11111111-1111-1111-1111-111111111111");

	private static final InstitutionDetails HOSPITAL = new InstitutionDetails(HERE, "长春市示例医院", "220102", null,
			InstitutionLevel.TERTIARY_A, InstitutionType.GENERAL, null, null, List.of(), List.of(), List.of(),
			List.of(), List.of(), List.of(), null, null, List.of(), List.of(), 0);

	private static PersonFacts.@Nullable PhysicianLicence registeredAt(@Nullable UUID id, @Nullable String name) {
		PersonDetails person = new PersonDetails(UUID.randomUUID(), "王强", null, null, List.of(StaffRole.PHYSICIAN),
				HERE, null,
				new PersonDetails.PhysicianLicence("110220000012345", LocalDate.of(2008, 8, 1), List.of(), id, name),
				null, null, null, null, null, null, null, null, 0);
		return FactsAssembler.person(person, HOSPITAL).licence();
	}

	@Test
	void theRegisteredInstitutionIsThePersonsOwnFactNotTheStaffList() {
		assertThat(registeredAt(HERE, null)).satisfies(licence -> {
			assertThat(licence.registeredInstitutionId()).isEqualTo(HERE.toString());
			assertThat(licence.registeredInstitution()).isEqualTo("长春市示例医院");
		});
		UUID elsewhere = UUID.fromString("22222222-2222-2222-2222-222222222222");
		assertThat(registeredAt(elsewhere, null)).satisfies(licence -> {
			assertThat(licence.registeredInstitutionId()).isEqualTo(elsewhere.toString());
			assertThat(licence.registeredInstitution()).isNull();
		});
		assertThat(registeredAt(null, "北京协和医院").registeredInstitution()).isEqualTo("北京协和医院");
		assertThat(registeredAt(null, null)).satisfies(licence -> {
			assertThat(licence.registeredInstitutionId()).isNull();
			assertThat(licence.registeredInstitution()).as("not recorded, although the person is on the staff list")
				.isNull();
		});
	}

}
