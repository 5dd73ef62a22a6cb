package cn.rtms.cases.gate;

import java.time.LocalDate;
import java.util.Optional;

import cn.rtms.rules.SpecProcedureCodes;
import cn.rtms.rules.SpecProcedureCodesFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureCodesTests {

	static final SpecProcedureCodes SPECS = SpecProcedureCodesFixture.bundled();

	static final ProcedureCodes CODES = new ProcedureCodes(SPECS.all());

	static final String REGION = "220102";

	static Optional<ProcedureCodes.Match> on(String raw, LocalDate day) {
		return ProcedureCodes.normalise(raw)
			.flatMap(code -> CODES.find(code, tech -> SPECS.editionInForce(tech, day, REGION)));
	}

	static Optional<ProcedureCodes.Match> today(String raw) {
		return on(raw, LocalDate.of(2026, 11, 22));
	}

	@Test
	void removesStraySpacesOfTheTranscribedRegulation() {
		assertThat(ProcedureCodes.normalise("52. 2200x007")).contains("52.2200x007");
		assertThat(ProcedureCodes.normalise(" 50.2400 x002\t")).contains("50.2400x002");
		assertThat(ProcedureCodes.normalise("50.2400\u3000x002")).contains("50.2400x002");
	}

	@Test
	void lowerCasesTheXAndKeepsTheXInTheCategoryPart() {
		assertThat(ProcedureCodes.normalise("54.4X00X055")).contains("54.4x00x055");
		assertThat(ProcedureCodes.normalise("544x00x055")).contains("54.4x00x055");
	}

	@Test
	void insertsAMissingDotAfterTheTwoDigitCategory() {
		assertThat(ProcedureCodes.normalise("502400x002")).contains("50.2400x002");
		assertThat(ProcedureCodes.normalise("174100")).contains("17.4100");
	}

	@Test
	void acceptsFullWidthDigitsAndDots() {
		assertThat(ProcedureCodes.normalise("１７．４１００")).contains("17.4100");
		assertThat(ProcedureCodes.normalise("50。2400x002")).contains("50.2400x002");
	}

	@Test
	void refusesWhatCannotBeACode() {
		assertThat(ProcedureCodes.normalise("abc")).isEmpty();
		assertThat(ProcedureCodes.normalise("")).isEmpty();
		assertThat(ProcedureCodes.normalise(null)).isEmpty();
		assertThat(ProcedureCodes.normalise("5")).isEmpty();
		assertThat(ProcedureCodes.normalise("50.2400y002")).isEmpty();
		assertThat(ProcedureCodes.normalise("1".repeat(41))).isEmpty();
		assertThat(ProcedureCodes.normalise("50.2400x002; drop table")).isEmpty();
	}

	@Test
	void mapsAblationCodesToG08WithTheirSubTechnique() {
		assertThat(today("52. 2200x007")).get()
			.extracting(ProcedureCodes.Match::technology, ProcedureCodes.Match::subTechnique,
					ProcedureCodes.Match::specKey)
			.containsExactly("G08", "CRYO", "G08-2023");
		assertThat(today("544X00X055")).get().extracting(ProcedureCodes.Match::subTechnique).isEqualTo("IRE");
		assertThat(today("06.3100x002")).get().extracting(ProcedureCodes.Match::subTechnique).isEqualTo("MWA");
	}

	@Test
	void mapsRoboticCodes1741To1749ToG10AlsoInTheShortForm() {
		assertThat(today("17.41")).get()
			.extracting(ProcedureCodes.Match::technology, ProcedureCodes.Match::code)
			.containsExactly("G10", "17.4100");
		assertThat(today("17.4900")).get().extracting(ProcedureCodes.Match::technology).isEqualTo("G10");
		assertThat(today("1745")).get().extracting(ProcedureCodes.Match::code).isEqualTo("17.4500");
	}

	/**
	 * Review F5: a subcategory form of a listed NN.NN00 (a local sixth digit, an
	 * extension) is that code, as in the discharge scan; the gate used to answer
	 * NOT_RESTRICTED.
	 */
	@Test
	void mapsSubcategoryFormsOfAListedCodeLikeTheDischargeScan() {
		assertThat(today("17.4101")).get()
			.extracting(ProcedureCodes.Match::technology, ProcedureCodes.Match::code)
			.containsExactly("G10", "17.4100");
		assertThat(today("17.4100x003")).get()
			.extracting(ProcedureCodes.Match::technology, ProcedureCodes.Match::code)
			.containsExactly("G10", "17.4100");
		assertThat(today("06.3100×001")).get().extracting(ProcedureCodes.Match::technology).isEqualTo("G08");
		assertThat(today("06.3100x009")).isEmpty();
	}

	@Test
	void codesOutsideEveryListAreNotRestricted() {
		assertThat(today("99.99")).isEmpty();
		assertThat(today("50.2200")).isEmpty();
		assertThat(today("52.22")).isEmpty();
	}

	@Test
	void usesAnotherEditionsListWhenTheEditionInForceListsNone() {
		// G08-2022 (in force until 2022-12-31) lists no codes: the 2023 list still tells
		// ablation
		assertThat(on("50.2400x002", LocalDate.of(2022, 6, 1))).get()
			.extracting(ProcedureCodes.Match::technology, ProcedureCodes.Match::specKey)
			.containsExactly("G08", "G08-2023");
	}

	@Test
	void mapsNothingWhenNoEditionOfTheTechnologyIsInForce() {
		assertThat(on("17.4100", LocalDate.of(2022, 6, 1))).isEmpty();
		assertThat(on("50.2400x002", LocalDate.of(1990, 1, 1))).isEmpty();
	}

}
