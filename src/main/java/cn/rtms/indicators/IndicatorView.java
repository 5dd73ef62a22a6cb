package cn.rtms.indicators;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One indicator of a set.
 *
 * @param code code, e.g. {@code G08.INDICATION}
 * @param name Chinese name
 * @param definition Chinese definition, from the text
 * @param unit counting unit: CASE 例次, PATIENT 患者, LESION 病灶, DISCHARGE 出院人次, DAY 天,
 * MINUTE 分钟, TECHNOLOGY 项
 * @param kind RATE (value = 100 × numerator / denominator, %) or AVERAGE (value =
 * numerator / denominator, in the unit)
 * @param attribution the date that puts a case into a period: OPERATION_DATE,
 * DISCHARGE_DATE or HORIZON_DATE
 * @param direction HIGHER_BETTER, LOWER_BETTER or MONITOR
 * @param threshold the requirement set by the text, if any
 * @param parent code of the parent indicator, for sub-indicators
 * @param stratifiers case fields the indicator is also broken down by
 * @param clause clause of the text, e.g. {@code 一（七）4}
 * @param notes approximations and remarks
 */
public record IndicatorView(String code, String name, String definition, String unit, String kind, String attribution,
		String direction, @Nullable Threshold threshold, @Nullable String parent, List<String> stratifiers,
		String clause, List<String> notes) {

}
