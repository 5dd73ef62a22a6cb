package cn.rtms.indicators.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.rtms.indicators.DrillDownQuery;
import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorCasePage;
import cn.rtms.indicators.IndicatorManagement;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.IndicatorResults;
import cn.rtms.indicators.IndicatorSetView;
import cn.rtms.indicators.InvalidIndicatorQuery;
import cn.rtms.indicators.PeriodUnit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator dictionary, computed indicators and the cases behind a number. */
@RestController
@Tag(name = "质控指标", description = "质控指标字典、按机构/术者/科室/地区与期间计算的指标及其病例明细")
class IndicatorController {

	private final IndicatorManagement indicators;

	IndicatorController(IndicatorManagement indicators) {
		this.indicators = indicators;
	}

	@GetMapping("/api/indicators/sets")
	@Operation(summary = "全部质控指标集（指标定义、计数单位、归期日期、阈值、说明）")
	List<IndicatorSetView> sets() {
		return this.indicators.sets();
	}

	@GetMapping("/api/indicators/sets/{key}")
	@Operation(summary = "一个质控指标集")
	IndicatorSetView set(@PathVariable String key) {
		return this.indicators.set(key);
	}

	@GetMapping("/api/indicators/results")
	@Operation(summary = "计算一个指标集的全部指标（分子、分母、值），按分组与期间；数据范围由登录账号决定")
	IndicatorResults results(@RequestParam String set, @RequestParam(defaultValue = "NONE") String groupBy,
			@RequestParam(defaultValue = "ALL") String period, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable UUID operatorId) {
		return this.indicators.compute(query(set, groupBy, period, from, to, institutionId, regionCode, operatorId));
	}

	@GetMapping("/api/indicators/cases")
	@Operation(summary = "指标分子或分母所含病例（下钻，分页）")
	IndicatorCasePage cases(@RequestParam String set, @RequestParam(defaultValue = "NONE") String groupBy,
			@RequestParam(defaultValue = "ALL") String period, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable UUID operatorId, @RequestParam String indicator,
			@RequestParam String part, @RequestParam(defaultValue = "ALL") String groupKey,
			@RequestParam(name = "cellPeriod", required = false) @Nullable String cellPeriod,
			@RequestParam(required = false) @Nullable String stratum, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		IndicatorQuery query = query(set, groupBy, periodUnitOf(period, cellPeriod), from, to, institutionId,
				regionCode, operatorId);
		String label = (cellPeriod != null) ? cellPeriod : period;
		return this.indicators.drillDown(new DrillDownQuery(query, indicator, part.toUpperCase(Locale.ROOT), groupKey,
				label, stratum, page, size));
	}

	/**
	 * The contract's {@code period} of the drill-down is the cell's period label
	 * ({@code 2026-Q1}); the unit follows from its shape.
	 */
	private static String periodUnitOf(String period, @Nullable String cellPeriod) {
		if (cellPeriod != null) {
			return period;
		}
		if (period.matches("[0-9]{4}")) {
			return "YEAR";
		}
		if (period.matches("[0-9]{4}-H[12]")) {
			return "HALF_YEAR";
		}
		if (period.matches("[0-9]{4}-Q[1-4]")) {
			return "QUARTER";
		}
		if (period.matches("[0-9]{4}-[0-9]{2}")) {
			return "MONTH";
		}
		return period;
	}

	private static IndicatorQuery query(String set, String groupBy, String period, LocalDate from, LocalDate to,
			@Nullable UUID institutionId, @Nullable String regionCode, @Nullable UUID operatorId) {
		if (set.length() > 30) {
			throw new InvalidIndicatorQuery("set", "指标集代码过长");
		}
		Grouping grouping;
		try {
			grouping = Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIndicatorQuery("groupBy",
					"分组方式 " + groupBy + " 无效，应为 NONE、INSTITUTION、OPERATOR、DEPARTMENT、REGION 或 CITY");
		}
		PeriodUnit unit;
		try {
			unit = PeriodUnit.valueOf(period.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIndicatorQuery("period", "期间单位 " + period + " 无效，应为 ALL、YEAR、HALF_YEAR、QUARTER 或 MONTH");
		}
		return new IndicatorQuery(set, grouping, unit, from, to, institutionId,
				(regionCode == null || regionCode.isBlank()) ? null : regionCode, operatorId);
	}

}
