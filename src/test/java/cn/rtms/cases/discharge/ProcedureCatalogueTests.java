package cn.rtms.cases.discharge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.cases.codes.ProcedureCodeNormaliser;
import cn.rtms.cases.discharge.ProcedureCatalogue.CodeNote;
import cn.rtms.cases.discharge.ProcedureCatalogue.Mapping;
import cn.rtms.cases.discharge.ProcedureCatalogue.Note;
import cn.rtms.cases.discharge.ProcedureCatalogue.Procedure;
import cn.rtms.rules.SpecProcedureCode;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping codes of a discharge record to restricted technologies with the real spec
 * files.
 */
class ProcedureCatalogueTests {

	static final List<RequirementSpec> SPECS = specs();

	static final ProcedureCatalogue CATALOGUE = ProcedureCatalogue.of(SPECS.stream()
		.flatMap(spec -> spec.procedureCodes()
			.stream()
			.map(c -> new SpecProcedureCode(spec.technology(), spec.key(), spec.effectiveFrom(), c.code(), c.name(),
					c.subTechnique())))
		.toList());

	static List<RequirementSpec> specs() {
		Map<String, String> sources = new LinkedHashMap<>();
		for (String name : List.of("G07-2022", "G08-2022", "G08-2023", "G10-2023", "S01-2022", "S02-2022", "S03-2022",
				"S04-2017", "S04-2022", "S05-2022")) {
			try (InputStream in = ProcedureCatalogueTests.class.getResourceAsStream("/specs/" + name + ".yaml")) {
				sources.put(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new SpecLoader().loadAll(sources);
	}

	static Mapping map(String principal, String... others) {
		return CATALOGUE.map(principal.isEmpty() ? null : ProcedureCodeNormaliser.normalise(principal),
				java.util.Arrays.stream(others).map(ProcedureCodeNormaliser::normalise).toList());
	}

	@Test
	void everyCodeOfTheG08ListMapsToG08WithItsSubTechnique() {
		RequirementSpec g08 = SPECS.stream().filter(s -> s.key().equals("G08-2023")).findFirst().orElseThrow();
		assertThat(g08.procedureCodes()).hasSize(41);
		for (var code : g08.procedureCodes()) {
			Mapping mapping = map(code.code());
			assertThat(mapping.procedures()).as(code.code())
				.singleElement()
				.satisfies(p -> assertThat(p.technology()).isEqualTo("G08"))
				.satisfies(p -> assertThat(p.subTechnique()).isEqualTo(code.subTechnique()))
				.satisfies(p -> assertThat(p.specKey()).isEqualTo("G08-2023"));
			assertThat(mapping.notes()).isEmpty();
		}
	}

	@ParameterizedTest
	@CsvSource({ "52. 2200x007, 52.2200x007, CRYO", "54.4X00X055, 54.4x00x055, IRE", "063100x002, 06.3100x002, MWA",
			"'０６．３１００ｘ００１', 06.3100x001, RFA" })
	void mapsMessyFormsOfListedCodes(String raw, String code, String subTechnique) {
		assertThat(map(raw).procedures()).singleElement()
			.satisfies(p -> assertThat(p.code()).isEqualTo(code))
			.satisfies(p -> assertThat(p.subTechnique()).isEqualTo(subTechnique));
	}

	@Test
	void aRoboticCodeBesideAMainProcedureMakesTheMainProcedureRobotAssisted() {
		Mapping mapping = map("55.5100", "17.4200");
		assertThat(mapping.procedures()).singleElement().satisfies(p -> {
			assertThat(p.technology()).isEqualTo("G10");
			assertThat(p.code()).isEqualTo("17.4200");
			assertThat(p.name()).isEqualTo("腹腔镜机器人辅助操作");
			assertThat(p.mainProcedure()).isEqualTo("55.5100");
			assertThat(p.principal()).isTrue();
		});
		assertThat(mapping.notes()).isEmpty();
	}

	@Test
	void aRoboticCodeInThePrincipalColumnPairsWithTheFirstOtherCode() {
		Mapping mapping = map("17.41", "60.5x00", "40.1100");
		assertThat(mapping.procedures()).singleElement()
			.satisfies(p -> assertThat(p.code()).isEqualTo("17.41"))
			.satisfies(p -> assertThat(p.mainProcedure()).isEqualTo("60.5x00"));
	}

	@ParameterizedTest
	@CsvSource({ "17.41", "17.4100", "174100", "17.4101", "17.4100x003", "17.49", "17.4500" })
	void everyFormOfAListedRoboticSubcategoryIsG10(String robotic) {
		assertThat(map("32.4100", robotic).procedures()).singleElement()
			.satisfies(p -> assertThat(p.technology()).isEqualTo("G10"));
	}

	@Test
	void anAblationDoneByRobotIsBothG08AndG10() {
		Mapping mapping = map("50.2400x002", "17.4200");
		assertThat(mapping.procedures()).extracting(Procedure::technology).containsExactly("G08", "G10");
		assertThat(mapping.procedures().get(1).mainProcedure()).isEqualTo("50.2400x002");
	}

	@Test
	void aRoboticCodeAloneIsStillG10ButNoted() {
		Mapping mapping = map("17.4200");
		assertThat(mapping.procedures()).singleElement()
			.satisfies(p -> assertThat(p.technology()).isEqualTo("G10"))
			.satisfies(p -> assertThat(p.mainProcedure()).isNull());
		assertThat(mapping.notes()).singleElement()
			.satisfies(n -> assertThat(n.note()).isEqualTo(Note.ROBOTIC_WITHOUT_MAIN));
	}

	@Test
	void roboticSubcategoriesTheRegulationDoesNotListAreReportedNotGuessed() {
		Mapping mapping = map("32.4100", "17.46");
		assertThat(mapping.procedures()).isEmpty();
		assertThat(mapping.notes()).singleElement().satisfies(n -> {
			assertThat(n.note()).isEqualTo(Note.SUSPECT_CODE);
			assertThat(n.message()).contains("17.46").contains("不在 G10 规范编码表内");
		});
	}

	@ParameterizedTest
	@CsvSource({ "17.4", "17.40", "17.4000", "1740", "17.4x00" })
	void theRoboticCategoryWithoutSubcategoryIsSuspectNeitherG10NorAMainProcedure(String robotic) {
		Mapping mapping = map("32.4100", robotic);
		assertThat(mapping.procedures()).isEmpty();
		assertThat(mapping.notes()).singleElement().satisfies(n -> {
			assertThat(n.note()).isEqualTo(Note.SUSPECT_CODE);
			assertThat(n.message()).contains("17.4 机器人辅助操作类目，未细分到亚目");
		});
		Mapping withListedRobotic = map("17.4200", robotic);
		assertThat(withListedRobotic.procedures()).singleElement()
			.satisfies(p -> assertThat(p.mainProcedure()).isNull());
		assertThat(withListedRobotic.notes()).extracting(CodeNote::note)
			.containsExactly(Note.SUSPECT_CODE, Note.ROBOTIC_WITHOUT_MAIN);
	}

	@Test
	void aRoboticCodeBesideAnUnreadableCodeSaysTheMainProcedureCodeCannotBeRead() {
		Mapping mapping = map("待补录", "17.4200");
		assertThat(mapping.procedures()).singleElement().satisfies(p -> assertThat(p.technology()).isEqualTo("G10"));
		assertThat(mapping.notes()).extracting(CodeNote::note)
			.containsExactly(Note.INVALID_CODE, Note.ROBOTIC_WITHOUT_MAIN);
		assertThat(mapping.notes().get(1).message()).contains("主手术编码无法识别").doesNotContain("未伴随主手术编码");
		assertThat(map("17.4200").notes()).singleElement()
			.satisfies(n -> assertThat(n.message()).contains("未伴随主手术编码").doesNotContain("无法识别"));
	}

	@Test
	void anUnlistedExtensionOfAListedStemIsSuspectNotMapped() {
		Mapping mapping = map("06.3100x009");
		assertThat(mapping.procedures()).isEmpty();
		assertThat(mapping.notes()).singleElement().satisfies(n -> {
			assertThat(n.note()).isEqualTo(Note.SUSPECT_CODE);
			assertThat(n.message()).contains("06.3100x001");
		});
	}

	@Test
	void ordinaryCodesMapToNothingAndAreNotNoted() {
		Mapping mapping = map("47.0901", "06.3100", "06.3100x00");
		assertThat(mapping.procedures()).isEmpty();
		assertThat(mapping.notes()).singleElement().satisfies(n -> assertThat(n.note()).isEqualTo(Note.INVALID_CODE));
	}

	@Test
	void listedCodesWithExtensionMatchOnlyThemselves() {
		assertThat(CATALOGUE.find("06.3100x001")).isNotNull();
		assertThat(CATALOGUE.find("06.3100")).isNull();
		assertThat(CATALOGUE.find("06.31")).isNull();
		assertThat(CATALOGUE.find("52.2202")).isNotNull();
		assertThat(CATALOGUE.find("52.22")).isNull();
	}

	@Test
	void keepsOneProcedurePerTechnologyPreferringThePrincipal() {
		Mapping mapping = map("47.0901", "50.2400x002", "06.3100x001");
		assertThat(mapping.procedures()).hasSize(2);
		List<Procedure> one = DischargeRecords.onePerTechnology(mapping.procedures());
		assertThat(one).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("50.2400x002"));
		List<Procedure> principalFirst = DischargeRecords
			.onePerTechnology(map("06.3100x001", "50.2400x002").procedures());
		assertThat(principalFirst).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("06.3100x001"));
	}

}
