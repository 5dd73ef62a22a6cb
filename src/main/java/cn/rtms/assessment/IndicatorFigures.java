package cn.rtms.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.rtms.assessment.AssessmentReport.IndicatorFigure;
import cn.rtms.catalog.CodeDictionary;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCell;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.IndicatorView;
import cn.rtms.indicators.PeriodUnit;
import cn.rtms.indicators.Threshold;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The indicator engine's figures of an assessment: the technology's indicator set (its
 * newest edition) computed once for the subject — the institution, or the physician as
 * operator — over the whole period, and once for the institution's city as the
 * comparison; each indicator placed in its section ({@link AssessmentSection#of}).
 */
@Component
class IndicatorFigures {

	private static final Map<String, String> UNITS = Map.of("CASE", "例次", "PATIENT", "患者", "LESION", "病灶", "DISCHARGE",
			"出院人次", "DAY", "天", "MINUTE", "分钟", "TECHNOLOGY", "项");

	private static final Map<String, String> COMPARATORS = Map.of("GT", ">", "GE", "≥", "LT", "<", "LE", "≤");

	private final IndicatorManagement indicators;

	private final CodeDictionary dictionary = CodeDictionary.standard();

	IndicatorFigures(IndicatorManagement indicators) {
		this.indicators = indicators;
	}

	/**
	 * @param request subject and period
	 * @param comparisonRegion the region to compare with
	 * @return the figures by section, the set used and notes
	 */
	Result compute(AssessmentRequest request, String comparisonRegion) {
		IndicatorSetView set = this.indicators.sets()
			.stream()
			.filter(s -> request.technology().equals(s.technology()))
			.max(Comparator.comparing(IndicatorSetView::edition))
			.orElse(null);
		if (set == null) {
			return new Result(null, null, Map.of(), List.of("该技术尚无质控指标集，本评估仅含病例数据。"));
		}
		Grouping grouping = request.ofPhysician() ? Grouping.OPERATOR : Grouping.INSTITUTION;
		String groupKey = Objects
			.requireNonNull(request.ofPhysician() ? request.physicianId() : request.institutionId())
			.toString();
		List<IndicatorCell> own = this.indicators
			.compute(new IndicatorQuery(set.key(), grouping, PeriodUnit.ALL, request.from(), request.to(),
					request.institutionId(), null, request.physicianId()))
			.cells()
			.stream()
			.filter(c -> groupKey.equals(c.groupKey()))
			.toList();
		Map<String, IndicatorCell> region = new HashMap<>();
		for (IndicatorCell c : this.indicators
			.computeUnscoped(new IndicatorQuery(set.key(), Grouping.NONE, PeriodUnit.ALL, request.from(), request.to(),
					null, comparisonRegion, null))
			.cells()) {
			region.put(key(c), c);
		}
		Map<AssessmentSection, List<IndicatorFigure>> bySection = new EnumMap<>(AssessmentSection.class);
		for (IndicatorView indicator : set.indicators()) {
			List<IndicatorCell> cells = new ArrayList<>(
					own.stream().filter(c -> c.indicatorCode().equals(indicator.code())).toList());
			if (cells.isEmpty()) {
				cells.add(new IndicatorCell(indicator.code(), groupKey, "", "ALL", null, BigDecimal.ZERO,
						BigDecimal.ZERO, null, null));
			}
			for (IndicatorCell cell : cells) {
				IndicatorCell cmp = region.get(key(cell));
				bySection
					.computeIfAbsent(AssessmentSection.of(indicator.code(), indicator.name()), s -> new ArrayList<>())
					.add(figure(indicator, cell, cmp));
			}
		}
		List<String> notes = new ArrayList<>();
		notes.add("质控指标取自指标集 " + set.key() + "（" + set.title() + "，" + set.source() + "），按评估期汇总计算。");
		notes.addAll(set.notes());
		return new Result(set.key(), set.title(), bySection, notes);
	}

	private static String key(IndicatorCell c) {
		return c.indicatorCode() + "|" + (c.stratum() == null ? "" : c.stratum());
	}

	private IndicatorFigure figure(IndicatorView indicator, IndicatorCell cell, @Nullable IndicatorCell region) {
		String unit = UNITS.getOrDefault(indicator.unit(), "");
		boolean rate = "RATE".equals(indicator.kind());
		Threshold t = indicator.threshold();
		String threshold = t == null ? null : COMPARATORS.getOrDefault(t.comparator(), t.comparator()) + " "
				+ plain(t.value()) + (rate ? "%" : " " + unit);
		String result;
		if (cell.value() == null) {
			result = "无数据";
		}
		else if (t == null || cell.meetsThreshold() == null) {
			result = "无要求";
		}
		else {
			result = cell.meetsThreshold() ? "达标" : "未达标";
		}
		return new IndicatorFigure(indicator.code(), indicator.name(),
				cell.stratum() == null ? null : stratumLabel(cell.stratum()), unit, indicator.kind(), cell.numerator(),
				cell.denominator(), cell.value(), valueText(cell.value(), rate, unit), threshold,
				t == null ? null : t.clause(), t == null ? null : cell.meetsThreshold(), result,
				region == null ? null : region.numerator(), region == null ? null : region.denominator(),
				region == null ? "无数据" : valueText(region.value(), rate, unit), indicator.clause());
	}

	private String stratumLabel(String stratum) {
		for (Map<String, String> group : this.dictionary.groups().values()) {
			String label = group.get(stratum);
			if (label != null) {
				return label;
			}
		}
		return stratum;
	}

	static String valueText(@Nullable BigDecimal value, boolean rate, String unit) {
		if (value == null) {
			return "无数据";
		}
		return rate ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%"
				: value.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + unit;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/**
	 * @param setKey the indicator set used, null when the technology has none
	 * @param setTitle its title
	 * @param bySection the figures by section
	 * @param notes how they were computed
	 */
	record Result(@Nullable String setKey, @Nullable String setTitle,
			Map<AssessmentSection, List<IndicatorFigure>> bySection, List<String> notes) {
	}

}
