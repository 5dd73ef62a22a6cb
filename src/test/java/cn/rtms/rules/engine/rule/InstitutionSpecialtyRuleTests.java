package cn.rtms.rules.engine.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.rtms.rules.engine.rule.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InstitutionSpecialtyRuleTests {

	private static final InstitutionSpecialtyRule ORAL = new InstitutionSpecialtyRule(List.of("STOMATOLOGY"));

	@Test
	void metForASpecialtyHospitalOfThatSpecialty() {
		RuleResult result = evaluate(ORAL, institution("type: SPECIALTY\nspecialty: STOMATOLOGY"));
		assertThat(result.status()).isEqualTo(Status.MET);
		assertThat(result.explanation()).isEqualTo("本机构为口腔专科医院");
	}

	@Test
	void notMetForAnotherSpecialtyOrAGeneralHospital() {
		assertThat(evaluate(ORAL, institution("type: SPECIALTY\nspecialty: ONCOLOGY")).status())
			.isEqualTo(Status.NOT_MET);
		assertThat(evaluate(ORAL, institution("type: GENERAL")).status()).isEqualTo(Status.NOT_MET);
	}

	@Test
	void unknownWhenTheSpecialtyIsNotRecorded() {
		assertThat(evaluate(ORAL, institution("type: SPECIALTY")).status()).isEqualTo(Status.UNKNOWN);
		assertThat(evaluate(ORAL, anyInstitution()).status()).isEqualTo(Status.UNKNOWN);
	}

}
