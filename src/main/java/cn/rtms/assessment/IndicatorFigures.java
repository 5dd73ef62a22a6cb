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

	/** The hospital-wide set, stratified by technology. */
	static final String HOSPITAL_SET = "HOSPITAL";

	/**
	 * Shown beside the hospital-wide set's indicators, which repeat names of the
	 * technology's set.
	 */
	static final String HOSPITAL_STRATUM = "平台综合指标";

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
		List<IndicatorSetView> sets = this.indicators.sets();
		IndicatorSetView set = sets.stream()
			.filter(s -> request.technology().equals(s.technology()))
			.max(Comparator.comparing(IndicatorSetView::edition))
			.orElse(null);
		IndicatorSetView hospital = sets.stream()
			.filter(s -> s.technology() == null && HOSPITAL_SET.equals(s.key()))
			.findFirst()
			.orElse(null);
		Map<AssessmentSection, List<IndicatorFigure>> bySection = new EnumMap<>(AssessmentSection.class);
		List<String> notes = new ArrayList<>();
		if (set == null) {
			notes.add("该技术尚无专项质控指标集。");
		}
		else {
			add(set, null, request, comparisonRegion, bySection);
			notes.add("质控指标取自指标集 " + set.key() + "（" + set.title() + "，" + set.source() + "），按评估期汇总计算。");
			notes.addAll(set.notes());
		}
		if (hospital != null) {
			add(hospital, request.technology(), request, comparisonRegion, bySection);
			notes.add("另取" + hospital.title() + "中本技术的分层结果（" + hospital.source() + "）。");
		}
		return new Result(set == null ? null : set.key(), set == null ? null : set.title(), bySection, notes);
	}

	/**
	 * Adds the figures of one set.
	 * @param onlyStratum when set, only the cells of this stratum (the technology of the
	 * hospital-wide set), shown without stratum
	 */
	private void add(IndicatorSetView set, @Nullable String onlyStratum, AssessmentRequest request,
			String comparisonRegion, Map<AssessmentSection, List<IndicatorFigure>> bySection) {
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
			.filter(c -> onlyStratum == null || onlyStratum.equals(c.stratum()))
			.toList();
		Map<String, IndicatorCell> region = new HashMap<>();
		for (IndicatorCell c : this.indicators
			.regionAggregateUnscoped(new IndicatorQuery(set.key(), Grouping.NONE, PeriodUnit.ALL, request.from(),
					request.to(), null, comparisonRegion, null))
			.cells()) {
			region.put(key(c), c);
		}
		Map<String, IndicatorView> byCode = new HashMap<>();
		set.indicators().forEach(i -> byCode.put(i.code(), i));
		for (IndicatorView indicator : set.indicators()) {
			List<IndicatorCell> cells = new ArrayList<>(
					own.stream().filter(c -> c.indicatorCode().equals(indicator.code())).toList());
			// no cell: nothing counted (shown as 0 / 0), except the hospital-wide set for
			// a
			// physician, where the engine leaves out what has no meaning per operator
			boolean perOperatorGap = onlyStratum != null && request.ofPhysician();
			if (cells.isEmpty() && !perOperatorGap) {
				cells.add(new IndicatorCell(indicator.code(), groupKey, "", "ALL", onlyStratum, BigDecimal.ZERO,
						BigDecimal.ZERO, null, null));
			}
			AssessmentSection section = sectionOf(indicator, byCode);
			for (IndicatorCell cell : cells) {
				IndicatorCell cmp = region.get(key(cell));
				bySection.computeIfAbsent(section, s -> new ArrayList<>())
					.add(figure(indicator, cell, cmp, onlyStratum != null));
			}
		}
	}

	/**
	 * A sub-indicator (e.g. 大量出血发生率 under the serious-complication rate) goes where its
	 * parent goes.
	 */
	private static AssessmentSection sectionOf(IndicatorView indicator, Map<String, IndicatorView> byCode) {
		IndicatorView top = indicator;
		for (int depth = 0; top.parent() != null && byCode.containsKey(top.parent()) && depth < 5; depth++) {
			top = byCode.get(top.parent());
		}
		return AssessmentSection.of(top.code(), top.name());
	}

	private static String key(IndicatorCell c) {
		return c.indicatorCode() + "|" + (c.stratum() == null ? "" : c.stratum());
	}

	private IndicatorFigure figure(IndicatorView indicator, IndicatorCell cell, @Nullable IndicatorCell region,
			boolean fromHospitalSet) {
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
				fromHospitalSet ? HOSPITAL_STRATUM : (cell.stratum() == null ? null : stratumLabel(cell.stratum())),
				unit, indicator.kind(), cell.numerator(), cell.denominator(), cell.value(),
				valueText(cell.value(), rate, unit), threshold, t == null ? null : t.clause(),
				t == null ? null : cell.meetsThreshold(), result, region == null ? null : region.numerator(),
				region == null ? null : region.denominator(),
				region == null ? "不足 " + IndicatorManagement.MIN_INSTITUTIONS_FOR_REGION_AGGREGATE + " 家，不对照"
						: valueText(region.value(), rate, unit),
				indicator.clause());
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
