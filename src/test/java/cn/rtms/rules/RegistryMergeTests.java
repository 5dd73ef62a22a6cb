package cn.rtms.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.CaseVolumeRow.Source;
import cn.rtms.rules.engine.facts.CaseVolume;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryMergeTests {

	private static final LocalDate START = LocalDate.of(2024, 1, 1);

	@Test
	void manualFiguresStandBeforeTheRegistryStartAndTheRegistryAfter() {
		List<CaseVolume> manual = List.of(CaseVolume.ofYear("G08", null, 2022, 110),
				CaseVolume.ofYear("G08", null, 2023, 120), CaseVolume.ofYear("G08", null, 2024, 999),
				new CaseVolume("G08", null, 2023, 12, 9), new CaseVolume("G08", null, 2024, 1, 99));
		List<CaseHistory.Volume> registry = List.of(new CaseHistory.Volume("G08", null, 2024, 1, 10),
				new CaseHistory.Volume("G08", "LIVER", 2024, 1, 4), new CaseHistory.Volume("G08", null, 2025, 6, 12));

		List<CaseVolume> merged = RegistryMerge.volumes(manual, registry, START);

		assertThat(merged).containsExactly(CaseVolume.ofYear("G08", null, 2022, 110),
				CaseVolume.ofYear("G08", null, 2023, 120), new CaseVolume("G08", null, 2023, 12, 9),
				new CaseVolume("G08", null, 2024, 1, 10), new CaseVolume("G08", "LIVER", 2024, 1, 4),
				new CaseVolume("G08", null, 2025, 6, 12));
	}

	@Test
	void aTechnologyWithoutRegistryCasesKeepsItsManualFiguresAndALateJoinerItsEarlierYears() {
		List<CaseVolume> manual = List.of(CaseVolume.ofYear("G07", null, 2025, 40),
				CaseVolume.ofYear("G08", null, 2024, 100), CaseVolume.ofYear("G08", null, 2025, 110),
				CaseVolume.ofYear("G08", null, 2026, 5));
		List<CaseHistory.Volume> registry = List.of(new CaseHistory.Volume("G08", null, 2026, 3, 12));

		assertThat(RegistryMerge.volumes(manual, registry, START)).containsExactly(
				CaseVolume.ofYear("G07", null, 2025, 40), CaseVolume.ofYear("G08", null, 2024, 100),
				CaseVolume.ofYear("G08", null, 2025, 110), new CaseVolume("G08", null, 2026, 3, 12));
		assertThat(RegistryMerge.coverage(registry, START))
			.containsExactlyEntriesOf(Map.of("G08", LocalDate.of(2026, 1, 1)));
		assertThat(CaseHistory.coverageStart(LocalDate.of(2023, 5, 1), START)).isEqualTo(START);
	}

	@Test
	void nothingKnownStaysUnknownAndRegistryCasesAloneAreKnown() {
		assertThat(RegistryMerge.volumes(null, List.of(), START)).isNull();
		assertThat(RegistryMerge.volumes(List.of(), List.of(), START)).isEmpty();
		assertThat(RegistryMerge.volumes(null, List.of(new CaseHistory.Volume("G08", null, 2025, 3, 1)), START))
			.containsExactly(new CaseVolume("G08", null, 2025, 3, 1));
	}

	@Test
	void aMonthlyManualFigureOfTheMonthBeforeAMidYearStartStands() {
		LocalDate july = LocalDate.of(2024, 7, 1);
		assertThat(RegistryMerge.beforeRegistry(2024, 6, july)).isTrue();
		assertThat(RegistryMerge.beforeRegistry(2024, 7, july)).isFalse();
		assertThat(RegistryMerge.beforeRegistry(2024, null, july)).as("a year the registry partly covers").isFalse();
		assertThat(RegistryMerge.beforeRegistry(2023, null, july)).isTrue();
	}

	@Test
	void rowsShowEverySourceIncludingSupersededManualFigures() {
		List<CaseVolumeRow> rows = RegistryMerge.rows(
				List.of(CaseVolume.ofYear("G08", null, 2023, 120), CaseVolume.ofYear("G08", null, 2024, 999)),
				List.of(new CaseHistory.Volume("G08", null, 2024, 2, 10)), START);
		assertThat(rows).containsExactly(new CaseVolumeRow("G08", null, 2023, null, 120, Source.MANUAL),
				new CaseVolumeRow("G08", null, 2024, null, 999, Source.MANUAL_SUPERSEDED),
				new CaseVolumeRow("G08", null, 2024, 2, 10, Source.REGISTRY));
	}

	@Test
	void firstCaseIsTheEarlierOfManualAndRegistry() {
		assertThat(RegistryMerge.firstCases(Map.of("G08", LocalDate.of(2014, 5, 10)),
				Map.of("G08", LocalDate.of(2024, 1, 3), "G07", LocalDate.of(2025, 2, 1))))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("G08", LocalDate.of(2014, 5, 10), "G07", LocalDate.of(2025, 2, 1)));
		assertThat(RegistryMerge.firstCases(null, Map.of())).isNull();
	}

	@Test
	void subTechniquesPerformedAreTheManualOnesAndThoseWithARegistryCaseInTheLastTwoYears() {
		CaseHistory.InstitutionCases cases = new CaseHistory.InstitutionCases(List.of(), Map.of(),
				Map.of("S04", LocalDate.of(2026, 5, 1), "S04/WHOLE_BODY", LocalDate.of(2026, 5, 1), "S04/OLD",
						LocalDate.of(2024, 11, 21), "S04/EDGE", LocalDate.of(2024, 11, 22)));
		Map<String, List<String>> merged = RegistryMerge.subTechniques(Map.of("S04", List.of("DEEP")), cases,
				LocalDate.of(2026, 11, 22));
		assertThat(merged).containsExactlyEntriesOf(Map.of("S04", List.of("DEEP", "EDGE", "WHOLE_BODY")));
		assertThat(RegistryMerge.subTechniques(null, CaseHistory.InstitutionCases.NONE, LocalDate.of(2026, 11, 22)))
			.isNull();
	}

}
