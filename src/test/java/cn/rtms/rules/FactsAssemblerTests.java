package cn.rtms.rules;

import java.util.Arrays;

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
	void staffRolesNameTheSameConstantsOnBothSides() {
		assertThat(names(cn.rtms.personnel.StaffRole.class))
			.containsExactlyInAnyOrder(names(cn.rtms.rules.engine.facts.StaffRole.class));
	}

}
