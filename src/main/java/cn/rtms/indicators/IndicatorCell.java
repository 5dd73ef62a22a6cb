package cn.rtms.indicators;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One computed number: an indicator in one group, period and stratum.
 *
 * @param indicatorCode the indicator
 * @param groupKey institution / person id, region code, department text or {@code ALL}
 * @param groupName what to show for the group
 * @param period {@code ALL}, {@code 2026}, {@code 2026-H1}, {@code 2026-Q3} or
 * {@code 2026-07}
 * @param stratum the stratifier's value, null for the whole indicator
 * @param numerator numerator
 * @param denominator denominator
 * @param value 100 × num / den for rates, num / den for averages, scale 2; null when the
 * denominator is 0
 * @param meetsThreshold whether the value meets the indicator's threshold; null without
 * threshold or value
 */
public record IndicatorCell(String indicatorCode, String groupKey, String groupName, String period,
		@Nullable String stratum, BigDecimal numerator, BigDecimal denominator, @Nullable BigDecimal value,
		@Nullable Boolean meetsThreshold) {

}
