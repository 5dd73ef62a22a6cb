package cn.rtms.indicators.definition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The indicator files as shipped load, and broken files are refused naming file, path and
 * problem.
 */
class IndicatorSetLoaderTests {

	final IndicatorSetLoader loader = new IndicatorSetLoader();

	static Map<String, String> shipped() throws IOException {
		Map<String, String> sources = new LinkedHashMap<>();
		for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:indicators/*.yaml")) {
			sources.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
		}
		return sources;
	}

	static final String MINIMAL = """
			key: G08-2023
			technology: G08
			edition: "2023"
			title: t
			source: s
			appliesTo: {technologies: [G08]}
			parameters: {asaMax: III}
			indicators:
			  - code: G08.X
			    name: n
			    definition: d
			    unit: CASE
			    kind: RATE
			    attribution: OPERATION_DATE
			    direction: HIGHER_BETTER
			    clause: c
			    numerator:
			      measure: COUNT_CASES
			      where: %s
			    denominator: {measure: COUNT_CASES}
			""";

	@Test
	void shippedSetsLoadWithTheRequiredIndicators() throws IOException {
		List<IndicatorSet> sets = this.loader.loadAll(shipped());
		assertThat(sets).extracting(IndicatorSet::key).contains("G07-2022", "G08-2023", "G10-2023", "HOSPITAL");
		IndicatorSet g08 = sets.stream().filter(s -> s.key().equals("G08-2023")).findFirst().orElseThrow();
		assertThat(g08.indicators()).extracting(Indicator::code)
			.contains("G08.INDICATION", "G08.COMPLETION", "G08.LOCAL_CONTROL", "G08.SERIOUS_COMPLICATION_30D",
					"G08.MAJOR_BLEEDING_30D", "G08.SEVERE_PNEUMOTHORAX_30D", "G08.ADJACENT_ORGAN_INJURY_30D",
					"G08.SEVERE_INFECTION_30D", "G08.MORTALITY_30D", "G08.FOLLOW_UP_6M", "G08.FOLLOW_UP_1Y",
					"G08.FOLLOW_UP_2Y", "G08.FOLLOW_UP_3Y", "G08.FOLLOW_UP_5Y", "G08.AVERAGE_LOS",
					"G08.THYROID_BENIGN_SHARE", "G08.THYROID_SMALL_BENIGN_SHARE");
		assertThat(g08.formKeys()).containsExactly("G08-2022", "G08-2023");
		Indicator los = g08.indicators()
			.stream()
			.filter(i -> i.code().equals("G08.AVERAGE_LOS"))
			.findFirst()
			.orElseThrow();
		assertThat(los.view().unit()).isEqualTo("DAY");
		assertThat(los.view().kind()).isEqualTo("AVERAGE");
		assertThat(los.view().attribution()).isEqualTo("DISCHARGE_DATE");
	}

	@Test
	void ordinalComparisonWithParameterBecomesTheCodesUpToIt() {
		IndicatorSet set = this.loader.load("G08-2023.yaml",
				MINIMAL.formatted("{field: asaClass, le: {param: asaMax}, order: [I, II, III, IV, V, VI]}"));
		assertThat(set.indicators().get(0).numerator().where())
			.isEqualTo(new Filter.Compare("asaClass", "IN", List.of("I", "II", "III")));
	}

	@Test
	void schemaErrorsNameFilePathAndProblem() {
		String bad = MINIMAL.formatted("{field: ecog, lt: 2}").replace("unit: CASE", "unit: CASES");
		assertThatExceptionOfType(DictionaryInvalid.class).isThrownBy(() -> this.loader.load("G08-2023.yaml", bad))
			.satisfies(ex -> assertThat(ex.problems()).anySatisfy(p -> {
				assertThat(p.file()).isEqualTo("G08-2023.yaml");
				assertThat(p.jsonPath()).isEqualTo("$.indicators[0].unit");
				assertThat(p.message()).contains("取值必须为以下之一");
			}));
	}

	@Test
	void semanticErrorsNameFilePathAndProblem() {
		String twoOps = MINIMAL.formatted("{all: [{field: ecog, lt: 2}, {field: ptaPercent, gt: 50, lt: 90}]}");
		assertThatExceptionOfType(DictionaryInvalid.class).isThrownBy(() -> this.loader.load("G08-2023.yaml", twoOps))
			.satisfies(ex -> assertThat(ex.problems()).singleElement().satisfies(p -> {
				assertThat(p.jsonPath()).isEqualTo("$.indicators[0].numerator.where.all[1]");
				assertThat(p.message()).contains("只能有一个比较运算");
			}));
		String unknownParam = MINIMAL.formatted("{field: asaClass, le: {param: asaLimit}, order: [I, II, III]}");
		assertThatExceptionOfType(DictionaryInvalid.class)
			.isThrownBy(() -> this.loader.load("G08-2023.yaml", unknownParam))
			.satisfies(ex -> assertThat(ex.problems()).anySatisfy(p -> {
				assertThat(p.jsonPath()).isEqualTo("$.indicators[0].numerator.where.le.param");
				assertThat(p.message()).contains("asaLimit");
			}));
		String wrongName = MINIMAL.formatted("{field: ecog, lt: 2}");
		assertThatExceptionOfType(DictionaryInvalid.class)
			.isThrownBy(() -> this.loader.load("G08-2022.yaml", wrongName))
			.satisfies(ex -> assertThat(ex.problems()).anySatisfy(p -> {
				assertThat(p.file()).isEqualTo("G08-2022.yaml");
				assertThat(p.message()).contains("G08-2023.yaml");
			}));
		String averageInPercent = MINIMAL.formatted("{field: ecog, lt: 2}").replace("kind: RATE", "kind: AVERAGE");
		assertThatExceptionOfType(DictionaryInvalid.class)
			.isThrownBy(() -> this.loader.load("G08-2023.yaml", averageInPercent))
			.satisfies(ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p.jsonPath()).isEqualTo("$.indicators[0].unit")));
	}

}
