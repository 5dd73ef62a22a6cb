package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.rules.engine.facts.CaseVolume;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseCountsTests {

	private static final int BIG = 2_000_000_000;

	@Test
	void manyLargeRowsOfOneYearSaturateInsteadOfWrappingToANegativeTotal() {
		List<CaseVolume> volumes = List.of(new CaseVolume("G08", null, 2024, null, BIG),
				new CaseVolume("G08", null, 2024, null, BIG));
		assertThat(CaseCounts.year(volumes, "G08", null, 2024)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void largeYearsSumToTheCapAcrossAWindow() {
		assertThat(CaseCounts.sum(new int[] { BIG, BIG, BIG })).isEqualTo(Integer.MAX_VALUE);
		List<CaseVolume> months = List.of(new CaseVolume("G08", null, 2024, 1, BIG),
				new CaseVolume("G08", null, 2024, 2, BIG));
		assertThat(CaseCounts.year(months, "G08", null, 2024)).isEqualTo(Integer.MAX_VALUE);
		assertThat(CaseCounts.rolling(months, "G08", null, LocalDate.of(2025, 1, 1), 1).upper())
			.isEqualTo(Integer.MAX_VALUE);
	}

}
