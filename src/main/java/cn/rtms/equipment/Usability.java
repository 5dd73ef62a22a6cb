package cn.rtms.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Whether a unit counts for eligibility on a day (ADR 0031): it must be in service, none
 * of its schedules overdue (next due date before the day; due on the day itself is not
 * overdue yet), and no schedule's latest record 不合格 (a failed inspection, safety test or
 * maintenance: the unit counts again once a later record of that schedule is 合格, S04
 * 三(九)2 and docs/equipment.md).
 */
final class Usability {

	private Usability() {
	}

	/**
	 * @param status the unit's status
	 * @param schedules its schedules
	 * @param today the day
	 * @return why the unit does not count, in Chinese, or {@code null} when it does
	 */
	static @Nullable String notCounted(EquipmentStatus status, List<EquipmentStore.ScheduleRow> schedules,
			LocalDate today) {
		List<String> reasons = new ArrayList<>();
		if (status != EquipmentStatus.IN_SERVICE) {
			reasons.add(status.label());
		}
		for (EquipmentStore.ScheduleRow schedule : schedules) {
			if (overdue(schedule, today)) {
				reasons.add(overdueText(schedule));
			}
			if (failed(schedule)) {
				reasons.add(failedText(schedule));
			}
		}
		return reasons.isEmpty() ? null : String.join("；", reasons);
	}

	static boolean overdue(EquipmentStore.ScheduleRow schedule, LocalDate today) {
		return schedule.nextDue().isBefore(today);
	}

	/**
	 * @param schedule a schedule
	 * @return whether its latest record is 不合格
	 */
	static boolean failed(EquipmentStore.ScheduleRow schedule) {
		return schedule.lastResult() == RecordResult.UNQUALIFIED;
	}

	static String failedText(EquipmentStore.ScheduleRow schedule) {
		return schedule.kind().label() + "「" + schedule.item() + "」" + schedule.lastPerformedOn() + " 结果不合格，待复检合格";
	}

	static String overdueText(EquipmentStore.ScheduleRow schedule) {
		return schedule.kind().label() + "「" + schedule.item() + "」逾期（应于 " + schedule.nextDue() + " 前完成）";
	}

	/**
	 * @param kind equipment code
	 * @return whether the kind is a hyperthermia machine, whose manufacturer must supply
	 * a heat-distribution map and a safety test report before use (S04 三(九)2)
	 */
	static boolean hyperthermia(String kind) {
		return kind.startsWith("HYPERTHERMIA_");
	}

}
