package cn.rtms.rules.engine.facts;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FactsReaderTests {

	@Test
	void readsTheDocumentedShape() {
		Facts facts = FactsReader.fromYaml("""
				institution:
				  name: 长春市示例肿瘤医院
				  regionCode: "220102"
				  level: TERTIARY_A
				  operatingRooms: [{name: 3号手术间, cleanGrade: I}]
				  firstCases: {G08: 2014-05-10}
				  caseVolumes: [{technology: G08, subTechnique: RFA, year: 2025, cases: 260}]
				person:
				  name: 王强
				  roles: [PHYSICIAN]
				  titles: [{title: ATTENDING, since: 2013-12-01}]
				  trainings: []
				""");
		assertThat(facts.institution().level()).isEqualTo(InstitutionLevel.TERTIARY_A);
		assertThat(facts.institution().operatingRooms().get(0).cleanGrade()).isEqualTo(CleanGrade.I);
		assertThat(facts.institution().firstCases()).containsEntry("G08", LocalDate.of(2014, 5, 10));
		assertThat(facts.institution().departments()).isNull();
		assertThat(facts.person().trainings()).isEmpty();
		assertThat(facts.person().adverseEvents()).isNull();
		assertThat(facts.person().titles().get(0).title().label()).isEqualTo("主治医师");
	}

	@Test
	void readsJson() {
		Facts facts = FactsReader.fromJson("{\"person\":{\"name\":\"王强\",\"clinicalStart\":\"2008-07-01\"}}");
		assertThat(facts.person().clinicalStart()).isEqualTo(LocalDate.of(2008, 7, 1));
	}

	@Test
	void rejectsUnknownProperties() {
		assertThatExceptionOfType(InvalidFactsException.class)
			.isThrownBy(() -> FactsReader.fromYaml("person: {name: 王强, titel: []}"))
			.withMessageContaining("titel");
	}

	@Test
	void rejectsIncompleteEntries() {
		assertThatExceptionOfType(InvalidFactsException.class)
			.isThrownBy(() -> FactsReader.fromYaml("person: {titles: [{title: CHIEF}]}"));
	}

	@Test
	void levelComparison() {
		assertThat(InstitutionLevel.TERTIARY_A.isAtLeast(InstitutionLevel.TERTIARY)).isTrue();
		assertThat(InstitutionLevel.TERTIARY.isAtLeast(InstitutionLevel.TERTIARY_A)).isFalse();
		assertThat(InstitutionLevel.SECONDARY_A.isAtLeast(InstitutionLevel.TERTIARY)).isFalse();
		assertThat(InstitutionLevel.TERTIARY_C.isAtLeast(InstitutionLevel.SECONDARY_A)).isTrue();
		assertThat(Title.CHIEF.isAtLeast(Title.ATTENDING)).isTrue();
		assertThat(CleanGrade.IV.isAtLeast(CleanGrade.III)).isFalse();
	}

}
