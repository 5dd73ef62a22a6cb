package cn.rtms.equipment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A maintenance, inspection or safety test schedule as entered.
 *
 * @param kind what it plans
 * @param item 项目, 1–100 characters (e.g. 季度保养, 测温系统校准)
 * @param intervalMonths every how many months, 1–120
 * @param firstDue when it is first due; the installation date plus the interval when null
 */
public record ScheduleInput(@Nullable ScheduleKind kind, @Nullable String item, @Nullable Integer intervalMonths,
		@Nullable LocalDate firstDue) {
}
