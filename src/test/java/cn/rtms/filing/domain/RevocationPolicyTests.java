package cn.rtms.filing.domain;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.filing.domain.RevocationPolicy.Inactivity;
import cn.rtms.filing.domain.RevocationPolicy.YearCases;
import cn.rtms.rules.EligibilityReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationPolicyTests {

	private static final LocalDate ACTIVATED = LocalDate.of(2020, 3, 1);

	private static Inactivity inactivity(List<YearCases> volumes, LocalDate today) {
		return RevocationPolicy.inactivity("G08", volumes, ACTIVATED, null, today);
	}

	@Test
	void lastCaseInDecemberIsNotTwoYearsAgoAfterOneYearAndOneDay() {
		Inactivity inactivity = inactivity(List.of(new YearCases(2024, 12), new YearCases(2025, 0)),
				LocalDate.of(2026, 1, 1));
		assertThat(inactivity.proposal()).as("the last case may have been on 2024-12-31").isNull();
		assertThat(inactivity.undetermined()).isNull();
	}

	@Test
	void twoFullRecordedYearsWithoutCasesProposeRevocation() {
		Inactivity inactivity = inactivity(
				List.of(new YearCases(2023, 40), new YearCases(2024, 0), new YearCases(2025, 0)),
				LocalDate.of(2026, 1, 1));
		assertThat(inactivity.proposal()).isNotNull();
		assertThat(inactivity.proposal().reason()).isEqualTo(EndingReason.NOT_PERFORMED_2_YEARS);
		assertThat(inactivity.proposal().detail()).contains("2024–2025 年病例数均为 0", "最后病例不晚于 2023-12-31");
	}

	@Test
	void oneYearShortOfTwoIsNoProposal() {
		Inactivity inactivity = inactivity(List.of(new YearCases(2024, 40), new YearCases(2025, 0)),
				LocalDate.of(2026, 11, 30));
		assertThat(inactivity.proposal()).isNull();
	}

	@Test
	void volumesNeverRecordedAreUnknownNotZero() {
		Inactivity none = RevocationPolicy.inactivity("G08", null, ACTIVATED, null, LocalDate.of(2026, 11, 30));
		assertThat(none.proposal()).isNull();
		assertThat(none.undetermined()).contains("未记录 G08 病例数");
		Inactivity otherTechnologyOnly = RevocationPolicy.inactivity("G08", List.of(), ACTIVATED, null,
				LocalDate.of(2026, 11, 30));
		assertThat(otherTechnologyOnly.proposal()).isNull();
		assertThat(otherTechnologyOnly.undetermined()).contains("未记录 G08 病例数");
	}

	@Test
	void yearsAfterTheLastRecordedOneAreUnknown() {
		Inactivity inactivity = inactivity(List.of(new YearCases(2022, 30), new YearCases(2023, 0)),
				LocalDate.of(2026, 11, 30));
		assertThat(inactivity.proposal()).as("2024 and 2025 are not recorded").isNull();
		assertThat(inactivity.undetermined()).contains("仅记录至 2023 年");
	}

	@Test
	void countsFromTheActivationWhenNoCaseWasEverRecorded() {
		LocalDate activated = LocalDate.of(2023, 6, 1);
		List<YearCases> zeros = List.of(new YearCases(2023, 0), new YearCases(2024, 0), new YearCases(2025, 0));
		Inactivity proposed = RevocationPolicy.inactivity("G08", zeros, activated, null, LocalDate.of(2026, 1, 5));
		assertThat(proposed.proposal()).isNotNull();
		assertThat(proposed.proposal().detail()).contains("已记录的 2023–2025 年均无病例", "备案生效于 2023-06-01");
		Inactivity tooEarly = RevocationPolicy.inactivity("G08", zeros, activated, null, LocalDate.of(2025, 5, 31));
		assertThat(tooEarly.proposal()).isNull();
		assertThat(tooEarly.undetermined()).isNull();
	}

	@Test
	void aRecentActivationOrFirstCaseRestartsTheTwoYears() {
		List<YearCases> volumes = List.of(new YearCases(2021, 10), new YearCases(2022, 0), new YearCases(2023, 0),
				new YearCases(2024, 0), new YearCases(2025, 0));
		assertThat(RevocationPolicy.inactivity("G08", volumes, LocalDate.of(2025, 2, 1), null, LocalDate.of(2026, 1, 5))
			.proposal()).isNull();
		assertThat(RevocationPolicy
			.inactivity("G08", volumes, LocalDate.of(2020, 2, 1), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 1, 5))
			.proposal()).isNull();
		assertThat(RevocationPolicy.inactivity("G08", volumes, LocalDate.of(2020, 2, 1), null, LocalDate.of(2026, 1, 5))
			.proposal()).isNotNull();
	}

	@Test
	void reasonFollowsTheRuleThatFailed() {
		assertThat(RevocationPolicy.reason(List.of("qualifiedStaff")))
			.isEqualTo(EndingReason.STAFF_NO_LONGER_QUALIFIED);
		assertThat(RevocationPolicy.reason(List.of("instructors"))).isEqualTo(EndingReason.STAFF_NO_LONGER_QUALIFIED);
		assertThat(RevocationPolicy.reason(List.of("facility"))).isEqualTo(EndingReason.EQUIPMENT_UNUSABLE);
		assertThat(RevocationPolicy.reason(List.of("equipment", "beds"))).isEqualTo(EndingReason.EQUIPMENT_UNUSABLE);
		assertThat(RevocationPolicy.reason(List.of("licence"))).isEqualTo(EndingReason.CONDITIONS_NO_LONGER_MET);
		assertThat(RevocationPolicy.reason(List.of("institutionLevel")))
			.isEqualTo(EndingReason.CONDITIONS_NO_LONGER_MET);
	}

	@Test
	void lostStaffAreProposedAsStaffNoLongerQualifiedNotEquipment() {
		EligibilityReport report = report("NOT_MET", clause("一(七)", "NOT_MET", "qualifiedStaff"),
				clause("一(五)", "MET"));
		RevocationPolicy.Proposal proposal = RevocationPolicy.conditions(report);
		assertThat(proposal).isNotNull();
		assertThat(proposal.reason()).isEqualTo(EndingReason.STAFF_NO_LONGER_QUALIFIED);
		assertThat(proposal.detail()).contains("G08/2022 一(七)（人员变动，不再符合管理规范要求）");
	}

	@Test
	void missingEquipmentIsProposedAsEquipment() {
		RevocationPolicy.Proposal proposal = RevocationPolicy
			.conditions(report("NOT_MET", clause("一(五)", "NOT_MET", "facility"), clause("一(七)", "MET")));
		assertThat(proposal).isNotNull();
		assertThat(proposal.reason()).isEqualTo(EndingReason.EQUIPMENT_UNUSABLE);
	}

	@Test
	void nothingToProposeUnlessNotMet() {
		assertThat(RevocationPolicy.conditions(report("UNKNOWN", clause("一(五)", "UNKNOWN")))).isNull();
		assertThat(RevocationPolicy.conditions(report("MET", clause("一(五)", "MET")))).isNull();
		assertThat(RevocationPolicy.conditions(report("ERROR", clause("一(五)", "ERROR")))).isNull();
	}

	private static EligibilityReport.ClauseResult clause(String ref, String status, String... kinds) {
		return new EligibilityReport.ClauseResult(ref, "G08/2022 " + ref, "INSTITUTION", "医疗机构基本要求", "条款原文", status,
				status, "说明", null, null, List.of(), null, null, List.of(kinds));
	}

	private static EligibilityReport report(String status, EligibilityReport.ClauseResult... clauses) {
		return new EligibilityReport("INSTITUTION", "医疗机构", null, "测试医院", "G08-2022", "G08 规范", "G08", "2022",
				LocalDate.of(2026, 11, 30), status, status, List.of(clauses), List.of(), List.of(), null, List.of());
	}

}
