package cn.rtms.equipment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsabilityTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	static EquipmentStore.ScheduleRow due(LocalDate nextDue) {
		return new EquipmentStore.ScheduleRow(UUID.randomUUID(), UUID.randomUUID(), ScheduleKind.SAFETY_TEST, "年度检测",
				12, nextDue);
	}

	@Test
	void inServiceWithNothingOverdueCounts() {
		assertThat(Usability.notCounted(EquipmentStatus.IN_SERVICE, List.of(due(TODAY)), TODAY))
			.as("due today is not overdue yet")
			.isNull();
	}

	@Test
	void aStatusOtherThanInServiceOrAnOverdueScheduleDoesNotCountAndSaysWhy() {
		assertThat(Usability.notCounted(EquipmentStatus.OUT_OF_SERVICE, List.of(), TODAY)).isEqualTo("停用");
		assertThat(Usability.notCounted(EquipmentStatus.IN_SERVICE, List.of(due(TODAY.minusDays(1))), TODAY))
			.isEqualTo("第三方环境安全检测「年度检测」逾期（应于 2026-11-21 前完成）");
		assertThat(Usability.notCounted(EquipmentStatus.UNDER_REPAIR, List.of(due(TODAY.minusDays(1))), TODAY))
			.startsWith("维修中；第三方环境安全检测");
	}

	/**
	 * S04 三(九)2 asks for regular inspections and third-party safety tests: a unit whose
	 * latest record is 不合格 does not count until a later one is 合格. Before, only status
	 * and overdue schedules were read and a failed test left the unit counting.
	 */
	@Test
	void aScheduleWhoseLatestRecordFailedStopsTheUnitCountingUntilARetestPasses() {
		EquipmentStore.ScheduleRow failed = new EquipmentStore.ScheduleRow(UUID.randomUUID(), UUID.randomUUID(),
				ScheduleKind.SAFETY_TEST, "年度检测", 12, TODAY.plusMonths(12), RecordResult.UNQUALIFIED, TODAY);
		assertThat(Usability.notCounted(EquipmentStatus.IN_SERVICE, List.of(failed), TODAY))
			.isEqualTo("第三方环境安全检测「年度检测」2026-11-22 结果不合格，待复检合格");
		EquipmentStore.ScheduleRow retested = new EquipmentStore.ScheduleRow(failed.id(), failed.unitId(),
				ScheduleKind.SAFETY_TEST, "年度检测", 12, TODAY.plusMonths(12), RecordResult.QUALIFIED, TODAY);
		assertThat(Usability.notCounted(EquipmentStatus.IN_SERVICE, List.of(retested), TODAY)).isNull();
	}

	@Test
	void registrationNumbersFollowTheNmpaFormats() {
		assertThat(EquipmentManagement.REGISTRATION_NUMBER.matcher("国械注进20173301234").matches()).isTrue();
		assertThat(EquipmentManagement.REGISTRATION_NUMBER.matcher("吉械注准20212091234").matches()).isTrue();
		assertThat(EquipmentManagement.REGISTRATION_NUMBER.matcher("吉长械备20150001号").matches()).isTrue();
		assertThat(EquipmentManagement.REGISTRATION_NUMBER.matcher("国械注准123").matches()).isFalse();
		assertThat(EquipmentManagement.REGISTRATION_NUMBER.matcher("国械注进20174301234").matches()).isFalse();
	}

}
