package cn.rtms.filing.domain;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.filing.domain.RevocationPolicy.Inactivity;
import cn.rtms.filing.domain.RevocationPolicy.Registry;
import cn.rtms.filing.domain.RevocationPolicy.YearCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "2年以上未开展" from the case registry's dates (issue 8 item 3): exact where the registry
 * covers the 2 years before today, joined to the yearly figures before its start where it
 * does not.
 */
class RevocationPolicyRegistryTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private static final LocalDate START = LocalDate.of(2024, 1, 1);

	private static final LocalDate ACTIVATED = LocalDate.of(2020, 3, 1);

	@Test
	void noCaseInTheTwoYearsBeforeTodayProposesRevocationNamingTheClauseAndTheLastCase() {
		Inactivity inactivity = RevocationPolicy.inactivity("G08", List.of(new YearCases(2025, 300)), ACTIVATED, null,
				TODAY, new Registry(START, LocalDate.of(2024, 11, 22)));
		assertThat(inactivity.proposal()).as("manual figures of registry years are not read").isNotNull();
		assertThat(inactivity.proposal().reason()).isEqualTo(EndingReason.NOT_PERFORMED_2_YEARS);
		assertThat(inactivity.proposal().detail()).contains("2024-11-23 至 2026-11-22 无 G08 已提交病例", "最后一例于 2024-11-22",
				"吉卫医发〔2022〕12号 一“2年以上未开展相关技术”");
		assertThat(inactivity.undetermined()).isNull();
	}

	@Test
	void aCaseOneDayWithinTheTwoYearsIsNoProposal() {
		Inactivity inactivity = RevocationPolicy.inactivity("G08", null, ACTIVATED, null, TODAY,
				new Registry(START, LocalDate.of(2024, 11, 23)));
		assertThat(inactivity.proposal()).isNull();
		assertThat(inactivity.undetermined()).isNull();
	}

	@Test
	void noCaseSinceTheRegistryStartIsDecidedWithoutAnyManualFigure() {
		Inactivity inactivity = RevocationPolicy.inactivity("G08", null, ACTIVATED, null, TODAY,
				new Registry(START, null));
		assertThat(inactivity.proposal()).isNotNull();
		assertThat(inactivity.proposal().detail()).contains("病例登记自 2024-01-01 起无 G08 病例");
	}

	@Test
	void aFilingInEffectForLessThanTwoYearsIsNoProposal() {
		Inactivity inactivity = RevocationPolicy.inactivity("G08", null, LocalDate.of(2025, 1, 10), null, TODAY,
				new Registry(START, null));
		assertThat(inactivity.proposal()).isNull();
		assertThat(inactivity.undetermined()).isNull();
	}

	@Test
	void aYoungRegistryWithoutCasesJoinsTheYearlyFiguresBeforeItsStart() {
		LocalDate start = LocalDate.of(2026, 1, 1);
		Inactivity proposed = RevocationPolicy.inactivity("G08",
				List.of(new YearCases(2023, 12), new YearCases(2024, 0), new YearCases(2025, 0)), ACTIVATED, null,
				TODAY, new Registry(start, null));
		assertThat(proposed.proposal()).isNotNull();
		assertThat(proposed.proposal().detail()).contains("最后病例不晚于 2023-12-31", "病例登记自 2026-01-01 起至 2026-11-22 无");

		Inactivity recent = RevocationPolicy.inactivity("G08", List.of(new YearCases(2024, 3), new YearCases(2025, 0)),
				ACTIVATED, null, TODAY, new Registry(start, null));
		assertThat(recent.proposal()).as("the last case may have been on 2024-12-31").isNull();
		assertThat(recent.undetermined()).isNull();
	}

	@Test
	void aYoungRegistryWithAGapBeforeItOrNoFiguresIsUndetermined() {
		LocalDate start = LocalDate.of(2026, 1, 1);
		Inactivity gap = RevocationPolicy.inactivity("G08", List.of(new YearCases(2022, 12), new YearCases(2023, 0)),
				ACTIVATED, null, TODAY, new Registry(start, null));
		assertThat(gap.proposal()).isNull();
		assertThat(gap.undetermined()).contains("仅记录至 2023 年", "病例登记自 2026-01-01");

		Inactivity none = RevocationPolicy.inactivity("G08", null, ACTIVATED, null, TODAY, new Registry(start, null));
		assertThat(none.proposal()).isNull();
		assertThat(none.undetermined()).contains("登记不足 2 年", "未记录不等于 0 例");
	}

	@Test
	void aCaseInAYoungRegistryIsNoProposal() {
		Inactivity inactivity = RevocationPolicy.inactivity("G08", null, ACTIVATED, null, TODAY,
				new Registry(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 3)));
		assertThat(inactivity.proposal()).isNull();
		assertThat(inactivity.undetermined()).isNull();
	}

	@Test
	void aRegistryNotYetStartedKeepsTheYearlyFigures() {
		List<YearCases> volumes = List.of(new YearCases(2023, 40), new YearCases(2024, 0), new YearCases(2025, 0));
		Inactivity withoutRegistry = RevocationPolicy.inactivity("G08", volumes, ACTIVATED, null,
				LocalDate.of(2026, 1, 1));
		Inactivity notStarted = RevocationPolicy.inactivity("G08", volumes, ACTIVATED, null, LocalDate.of(2026, 1, 1),
				new Registry(LocalDate.of(2027, 1, 1), null));
		assertThat(notStarted).isEqualTo(withoutRegistry);
		assertThat(notStarted.proposal()).isNotNull();
	}

}
