package cn.rtms.rules.engine.spec;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpecLibraryTests {

	private static final SpecLoader LOADER = new SpecLoader();

	private static RequirementSpec spec(String technology, String edition, String level, String jurisdiction,
			String effectiveFrom) {
		String yaml = """
				technology: %s
				edition: "%s"
				title: 测试
				level: %s
				jurisdiction: "%s"
				issuedOn: %s
				effectiveFrom: %s
				source: {file: a.txt, document: 测试}
				truncated: false
				scope: 测试。
				clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]
				""".formatted(technology, edition, level, jurisdiction, effectiveFrom, effectiveFrom);
		return LOADER.load(technology + "-" + edition + ".yaml", yaml);
	}

	private final SpecLibrary library = SpecLibrary.of(List.of(spec("G08", "2022", "NATIONAL", "000000", "2022-04-20"),
			spec("G08", "2023", "NATIONAL", "000000", "2023-06-01"),
			spec("S04", "2013", "NATIONAL", "000000", "2013-12-01"),
			spec("S04", "2022JL", "PROVINCIAL", "220000", "2022-03-01")));

	@Test
	void picksTheNewestEditionInForce() {
		assertThat(this.library.inForce("G08", LocalDate.of(2023, 5, 31), "110101")).map(RequirementSpec::key)
			.contains("G08-2022");
		assertThat(this.library.inForce("G08", LocalDate.of(2023, 6, 1), "110101")).map(RequirementSpec::key)
			.contains("G08-2023");
		assertThat(this.library.inForce("G08", LocalDate.of(2022, 4, 19), "110101")).isEmpty();
	}

	@Test
	void provincialEditionOnlyInItsProvince() {
		assertThat(this.library.inForce("S04", LocalDate.of(2026, 1, 1), "220102")).map(RequirementSpec::key)
			.contains("S04-2022JL");
		assertThat(this.library.inForce("S04", LocalDate.of(2026, 1, 1), "110101")).map(RequirementSpec::key)
			.contains("S04-2013");
		assertThat(this.library.inForce("S04", LocalDate.of(2026, 1, 1), null)).map(RequirementSpec::key)
			.contains("S04-2013");
	}

	@Test
	void anEditionWithAnEndNoLongerAppliesAfterIt() {
		RequirementSpec ended = LOADER.load("S04-2017.yaml", """
				technology: S04
				edition: "2017"
				title: 测试
				level: NATIONAL
				jurisdiction: "000000"
				issuedOn: 2017-02-14
				effectiveFrom: 2017-02-14
				effectiveUntil: 2022-04-19
				source: {file: a.txt, document: 测试}
				truncated: false
				scope: 测试。
				clauses: [{ref: 一, section: INSTITUTION, subject: INSTITUTION, text: x, heading: true}]
				""");
		SpecLibrary library = SpecLibrary.of(List.of(ended, spec("S04", "2022", "PROVINCIAL", "220000", "2022-11-22")));
		assertThat(library.inForce("S04", LocalDate.of(2022, 4, 19), "110101")).map(RequirementSpec::key)
			.contains("S04-2017");
		assertThat(library.inForce("S04", LocalDate.of(2022, 4, 20), "110101")).isEmpty();
		assertThat(library.inForce("S04", LocalDate.of(2022, 11, 21), "220102")).isEmpty();
		assertThat(library.inForce("S04", LocalDate.of(2022, 11, 22), "220102")).map(RequirementSpec::key)
			.contains("S04-2022");
	}

	@Test
	void theBundledNationalHyperthermiaEditionEndedWithThe2022Catalogue() {
		SpecLibrary bundled = SpecLibrary.of(LOADER.loadDirectory(java.nio.file.Path.of("src/main/resources/specs")));
		assertThat(bundled.inForce("S04", LocalDate.of(2022, 4, 19), "110101")).map(RequirementSpec::key)
			.contains("S04-2017");
		assertThat(bundled.inForce("S04", LocalDate.of(2026, 1, 1), "110101")).isEmpty();
		assertThat(bundled.inForce("S04", LocalDate.of(2026, 1, 1), "220102")).map(RequirementSpec::key)
			.contains("S04-2022");
		assertThat(bundled.find("G08-2023").orElseThrow().issuedOnAssumed()).isTrue();
		assertThat(bundled.find("G10-2023").orElseThrow().issuedOnAssumed()).isTrue();
		assertThat(bundled.find("G08-2022").orElseThrow().issuedOnAssumed()).isFalse();
	}

	@Test
	void anEditionIsSupersededByTheNextOfItsJurisdictionUnlessItEndedBefore() {
		RequirementSpec g08of2022 = this.library.find("G08-2022").orElseThrow();
		assertThat(this.library.successor(g08of2022)).map(RequirementSpec::key).contains("G08-2023");
		assertThat(this.library.successor(this.library.find("G08-2023").orElseThrow())).isEmpty();
		// a provincial edition takes over only in its province: not the national one's
		// successor
		assertThat(this.library.successor(this.library.find("S04-2013").orElseThrow())).isEmpty();
		SpecLibrary bundled = SpecLibrary.of(LOADER.loadDirectory(java.nio.file.Path.of("src/main/resources/specs")));
		assertThat(bundled.successor(bundled.find("G08-2022").orElseThrow())).map(RequirementSpec::effectiveFrom)
			.contains(LocalDate.of(2023, 1, 1));
		// the 2017 hyperthermia edition ended with the 2022 catalogue, before any
		// successor
		assertThat(bundled.successor(bundled.find("S04-2017").orElseThrow())).isEmpty();
	}

	@Test
	void jurisdictionCoverage() {
		assertThat(SpecLibrary.covers("000000", null)).isTrue();
		assertThat(SpecLibrary.covers("220000", "220102")).isTrue();
		assertThat(SpecLibrary.covers("220000", "210102")).isFalse();
		assertThat(SpecLibrary.covers("220100", "220102")).isTrue();
		assertThat(SpecLibrary.covers("220100", "220201")).isFalse();
	}

	@Test
	void listsEditionsOldestFirst() {
		assertThat(this.library.editions("G08")).extracting(RequirementSpec::key)
			.containsExactly("G08-2022", "G08-2023");
		assertThat(this.library.editions("G01")).isEmpty();
		assertThat(this.library.technologies()).containsExactly("G08", "S04");
	}

	@Test
	void rejectsDuplicateKeys() {
		RequirementSpec spec = spec("G08", "2022", "NATIONAL", "000000", "2022-04-20");
		assertThatIllegalArgumentException().isThrownBy(() -> SpecLibrary.of(List.of(spec, spec)));
	}

}
