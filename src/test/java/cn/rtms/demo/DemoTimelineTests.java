package cn.rtms.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTimelineTests {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	static JsonNode person() {
		return YAML.readTree("""
				licence: {number: "110220000012345", issuedOn: 2008-08-01}
				titles:
				  - {title: RESIDENT, since: 2016-08-01}
				  - {title: ATTENDING, since: 2021-12-22}
				caseVolumes:
				  - {technology: G08, year: 2020, cases: 90}
				  - {technology: G08, year: 2021, cases: 118}
				  - {technology: G08, year: 2022, cases: 99}
				  - {technology: G08, year: 2025, cases: 127}
				""");
	}

	static List<Integer> years(JsonNode node) {
		List<Integer> years = new ArrayList<>();
		node.path("caseVolumes").forEach(row -> years.add(row.get("year").asInt()));
		return years;
	}

	@Test
	void leavesTheDataAloneOnTheReferenceDate() {
		JsonNode node = new DemoTimeline(DemoTimeline.REFERENCE_DATE).shift(person());
		assertThat(node).isEqualTo(person());
	}

	@Test
	void leavesTheDataAloneBeforeTheReferenceDate() {
		JsonNode node = new DemoTimeline(LocalDate.of(2026, 1, 1)).shift(person());
		assertThat(node).isEqualTo(person());
	}

	@Test
	void movesRecentDatesByTheDaysSinceTheReferenceDate() {
		DemoTimeline timeline = new DemoTimeline(LocalDate.of(2030, 6, 15));
		JsonNode node = timeline.shift(person());
		assertThat(timeline.period()).isEqualTo(java.time.Period.of(3, 6, 24));
		assertThat(node.at("/titles/1/since").asString()).isEqualTo("2025-07-15");
		assertThat(java.time.Period.between(LocalDate.parse(node.at("/titles/1/since").asString()),
				LocalDate.of(2030, 6, 15)))
			.as("a title held 4 years 11 months on the reference date is held 4 years 11 months on the new day")
			.isEqualTo(java.time.Period.between(LocalDate.of(2021, 12, 22), DemoTimeline.REFERENCE_DATE));
		assertThat(node.at("/titles/0/since").asString()).isEqualTo("2016-08-01");
		assertThat(node.at("/licence/issuedOn").asString()).isEqualTo("2008-08-01");
	}

	@Test
	void movesRecentYearsAndRepeatsThePivotYearSoWindowsKeepTheirTotals() {
		JsonNode node = new DemoTimeline(LocalDate.of(2029, 3, 1)).shift(person());
		assertThat(years(node)).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2028);
		assertThat(node.at("/caseVolumes/1/cases").asInt()).isEqualTo(118);
		assertThat(node.at("/caseVolumes/2/cases").asInt()).as("2022 stays: windows before a 2022 issue date end in it")
			.isEqualTo(99);
		assertThat(node.at("/caseVolumes/4/cases").asInt()).isEqualTo(99);
		assertThat(node.at("/caseVolumes/5/cases").asInt()).isEqualTo(99);
		assertThat(node.at("/caseVolumes/6/cases").asInt()).isEqualTo(127);
	}

	@Test
	void aLeapDayStaysAValidDate() {
		JsonNode node = new DemoTimeline(LocalDate.of(2028, 2, 29))
			.shift(YAML.readTree("{validUntil: 2027-01-09, firstCases: {G08: 2024-02-29}}"));
		assertThat(node.get("validUntil").asString()).as("1 month 18 days after today, as on the reference date")
			.isEqualTo("2028-04-16");
		assertThat(node.at("/firstCases/G08").asString()).as("2 years 8 months 24 days before today")
			.isEqualTo("2025-06-05");
	}

	@Test
	void monthlyRowsKeepTheirDistanceToTodayAndReplaceTheWholeYearTheyLandIn() {
		JsonNode node = new DemoTimeline(LocalDate.of(2028, 2, 29)).shift(YAML.readTree("""
				caseVolumes:
				  - {technology: G08, year: 2025, cases: 1608}
				  - {technology: G08, year: 2026, month: 1, cases: 140}
				  - {technology: G08, year: 2026, month: 10, cases: 140}
				"""));
		List<String> rows = new ArrayList<>();
		node.path("caseVolumes")
			.forEach(row -> rows
				.add(row.get("year").asInt() + "/" + row.path("month").asInt(0) + "=" + row.get("cases").asInt()));
		assertThat(rows)
			.as("2025 moves to 2027; January 2026 to April 2027 and October 2026 to January 2028 (15 months)")
			.contains("2027/4=140", "2028/1=140", "2027/1=134", "2027/12=134")
			.doesNotContain("2027/0=1608")
			.hasSize(13);
	}

}
