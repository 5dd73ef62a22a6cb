package cn.rtms.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.spec.SpecValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecificationManagementTests {

	@Test
	void loadsEveryBundledEdition() {
		SpecificationManagement specs = new SpecificationManagement("");
		assertThat(specs.all()).extracting(s -> s.key())
			.contains("G07-2022", "G08-2022", "G08-2023", "G10-2023", "S01-2022", "S02-2022", "S03-2022", "S04-2017",
					"S04-2022", "S05-2022");
	}

	@Test
	void listsTheProcedureCodesOfEveryEditionOldestFirst() {
		List<SpecProcedureCode> codes = new SpecificationManagement("").procedureCodes();
		assertThat(codes).filteredOn(c -> c.specKey().equals("G08-2023")).hasSize(41);
		assertThat(codes).filteredOn(c -> c.technology().equals("G10")).hasSize(6);
		assertThat(codes).filteredOn(c -> c.code().equals("54.4x00x055"))
			.singleElement()
			.satisfies(c -> assertThat(c.subTechnique()).isEqualTo("IRE"))
			.satisfies(c -> assertThat(c.name()).isEqualTo("经皮腹膜后病损纳米刀消融术"));
		assertThat(codes).extracting(SpecProcedureCode::effectiveFrom).isSorted();
	}

	@Test
	void listsSubTechniquesOfTheEditionInForce() {
		SpecificationManagement specs = new SpecificationManagement("");
		assertThat(specs.subTechniquesInForce("G08", java.time.LocalDate.parse("2026-11-22"), "220102"))
			.containsEntry("RFA", "射频消融")
			.containsEntry("MWA", "微波消融");
		assertThat(specs.subTechniquesInForce("G08", java.time.LocalDate.parse("1990-01-01"), "220102")).isEmpty();
	}

	@Test
	void provincialEditionAppliesOnlyInItsProvince() {
		SpecificationManagement specs = new SpecificationManagement("");
		LocalDate date = LocalDate.of(2025, 1, 1);
		assertThat(specs.inForce("S04", date, "220102")).get().extracting(s -> s.key()).isEqualTo("S04-2022");
		assertThat(specs.inForce("S04", date, "210102")).as("附件17 ended with the 2022 national catalogue").isEmpty();
		assertThat(specs.inForce("S04", LocalDate.of(2022, 4, 19), "210102")).get()
			.extracting(s -> s.key())
			.isEqualTo("S04-2017");
		assertThat(specs.inForce("S01", date, "210102")).isEmpty();
	}

	@Test
	void aBrokenExtraSpecFileStopsLoadingWithFilePathAndProblemNamed(@TempDir Path dir) throws Exception {
		String valid = new ClassPathResource("specs/G08-2022.yaml").getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("G08-2099.yaml"),
				valid.replace("edition: \"2022\"", "edition: \"2099\"").replaceFirst("min: 30", "min: -30"));
		assertThatThrownBy(() -> new SpecificationManagement(dir.toString()))
			.isInstanceOf(SpecValidationException.class)
			.hasMessageContaining("G08-2099.yaml")
			.hasMessageContaining("min");
	}

	@Test
	void anExtraValidEditionIsPickedUpWithoutCodeChanges(@TempDir Path dir) throws Exception {
		String valid = new ClassPathResource("specs/G08-2022.yaml").getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("G08-2030.yaml"), valid.replace("edition: \"2022\"", "edition: \"2030\"")
			.replace("effectiveFrom: 2022-04-20", "effectiveFrom: 2030-01-01"));
		SpecificationManagement specs = new SpecificationManagement(dir.toString());
		assertThat(specs.inForce("G08", LocalDate.of(2030, 6, 1), "220102")).get()
			.extracting(s -> s.key())
			.isEqualTo("G08-2030");
	}

}
