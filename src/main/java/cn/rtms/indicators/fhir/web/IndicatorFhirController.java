package cn.rtms.indicators.fhir.web;

import cn.rtms.indicators.fhir.IndicatorFhir;
import cn.rtms.indicators.fhir.IndicatorFhirProblems;
import cn.rtms.indicators.fhir.IndicatorFhirWriter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import cn.rtms.indicators.Grouping;
import cn.rtms.indicators.IndicatorQuery;
import cn.rtms.indicators.PeriodUnit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/indicators/fhir/Measure?set=G08-2023}, {@code GET
 * /api/indicators/fhir/Measure/{id}?set=…} and
 * {@code GET /api/indicators/fhir/MeasureReport?set=…&indicator=…&groupBy=…&period=…&from=…&to=…&type=summary|subject-list}
 * as {@code application/fhir+json}, with the same filters and data scope as
 * {@code /api/indicators/results}.
 */
@RestController
@Tag(name = "质控指标 FHIR", description = "质控指标作为 FHIR R4 Measure，计算结果作为 MeasureReport（汇总或逐例名单）")
class IndicatorFhirController {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

	private final IndicatorFhir fhir;

	IndicatorFhirController(IndicatorFhir fhir) {
		this.fhir = fhir;
	}

	@GetMapping("/api/indicators/fhir/Measure")
	@Operation(summary = "指标集的全部指标（FHIR Measure Bundle）")
	ResponseEntity<byte[]> measures(
			@Parameter(description = "指标集，如 G08-2023") @RequestParam(required = false) @Nullable String set) {
		return fhir(IndicatorFhirWriter.bytes(this.fhir.measures(required("set", set))));
	}

	@GetMapping("/api/indicators/fhir/Measure/{id}")
	@Operation(summary = "一项指标（FHIR Measure），id 为“指标集-指标编码”，如 G08-2023-G08.INDICATION")
	ResponseEntity<byte[]> measure(@PathVariable String id,
			@Parameter(description = "指标集，如 G08-2023") @RequestParam(required = false) @Nullable String set) {
		return fhir(IndicatorFhirWriter.bytes(this.fhir.measure(required("set", set), id)));
	}

	@GetMapping("/api/indicators/fhir/MeasureReport")
	@Operation(summary = "指标结果（FHIR MeasureReport Bundle）",
			description = "每个指标 × 分组 × 期间一份 MeasureReport；type=subject-list 时分子、分母各引用一份病例（或患者假名）名单，须指定 indicator。数据范围与指标结果相同。")
	ResponseEntity<byte[]> reports(
			@Parameter(description = "指标集，如 G08-2023") @RequestParam(required = false) @Nullable String set,
			@Parameter(description = "指标编码；subject-list 必填") @RequestParam(required = false) @Nullable String indicator,
			@Parameter(description = "NONE、INSTITUTION、OPERATOR、DEPARTMENT、REGION") @RequestParam(
					required = false) @Nullable String groupBy,
			@Parameter(description = "ALL、YEAR、HALF_YEAR、QUARTER、MONTH") @RequestParam(
					required = false) @Nullable String period,
			@Parameter(description = "期间自（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "期间至（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String institutionId,
			@RequestParam(required = false) @Nullable String regionCode,
			@RequestParam(required = false) @Nullable String operatorId, @Parameter(
					description = "summary（默认）或 subject-list") @RequestParam(required = false) @Nullable String type) {
		String kind = type == null || type.isBlank() ? "summary" : type;
		if (!kind.equals("summary") && !kind.equals("subject-list")) {
			throw IndicatorFhirProblems.invalid("type", "type 应为 summary 或 subject-list");
		}
		IndicatorQuery query = new IndicatorQuery(required("set", set),
				value("groupBy", groupBy, Grouping.class, Grouping.NONE),
				value("period", period, PeriodUnit.class, PeriodUnit.ALL), date("from", from), date("to", to),
				uuid("institutionId", institutionId), regionCode == null || regionCode.isBlank() ? null : regionCode,
				uuid("operatorId", operatorId));
		return fhir(IndicatorFhirWriter.bytes(this.fhir.reports(query,
				indicator == null || indicator.isBlank() ? null : indicator, kind.equals("subject-list"))));
	}

	private static ResponseEntity<byte[]> fhir(byte[] body) {
		return ResponseEntity.ok().contentType(FHIR_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

	private static String required(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw IndicatorFhirProblems.invalid(name, "缺少参数 " + name);
		}
		return value;
	}

	private static LocalDate date(String name, @Nullable String value) {
		try {
			return LocalDate.parse(required(name, value));
		}
		catch (DateTimeParseException ex) {
			throw IndicatorFhirProblems.invalid(name, name + " 应为日期 yyyy-MM-dd，收到“" + value + "”");
		}
	}

	private static @Nullable UUID uuid(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw IndicatorFhirProblems.invalid(name, name + " 应为 UUID，收到“" + value + "”");
		}
	}

	private static <E extends Enum<E>> E value(String name, @Nullable String value, Class<E> type, E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw IndicatorFhirProblems.invalid(name, name + " 的取值“" + value + "”无效");
		}
	}

}
