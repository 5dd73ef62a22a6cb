package cn.rtms.cases.export.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import cn.rtms.cases.export.CaseExports;
import cn.rtms.cases.export.CaseExports.Export;
import cn.rtms.cases.export.CaseExports.Format;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the case exports. Parameters are checked and access decided before the
 * first byte is written; the file is then streamed as the cases are read.
 */
@RestController
@Tag(name = "病例导出", description = "按医疗机构和手术日期期间导出已提交病例：省级平台上报格式（Excel/JSON，同一数据格式）与 FHIR R4 Bundle")
class CaseExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String FHIR_JSON = "application/fhir+json";

	/** The provincial JSON export's schema, served as is. */
	static final String SCHEMA = "case-export/case-export.schema.json";

	private final CaseExports exports;

	CaseExportController(CaseExports exports) {
		this.exports = exports;
	}

	@GetMapping("/api/case-exports/provincial")
	@Operation(summary = "省级平台上报导出（Excel 或 JSON）",
			description = "导出某医疗机构在期间内（按手术日期，最长 1 年）已提交的病例；患者仅以假名、性别、出生年份和年龄出现。数据格式见 GET /api/public/case-export.schema.json。")
	void provincial(
			@Parameter(description = "医疗机构 ID；医院用户可省略（本机构）") @RequestParam(
					required = false) @Nullable String institutionId,
			@Parameter(description = "手术日期自（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "手术日期至（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String to,
			@Parameter(description = "xlsx 或 json") @RequestParam(required = false) @Nullable String format,
			HttpServletResponse response) throws IOException {
		Export export = this.exports.prepareProvincial(institutionId, from, to, format);
		download(export, export.format() == Format.XLSX ? XLSX : "application/json", response);
	}

	@GetMapping("/api/case-exports/fhir")
	@Operation(summary = "FHIR R4 Bundle 导出",
			description = "同一期间的病例作为 FHIR R4 collection Bundle：Organization、Practitioner（执业证书编码）、去标识化 Patient、Procedure、Device。")
	void fhir(
			@Parameter(description = "医疗机构 ID；医院用户可省略（本机构）") @RequestParam(
					required = false) @Nullable String institutionId,
			@Parameter(description = "手术日期自（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String from,
			@Parameter(description = "手术日期至（含），yyyy-MM-dd") @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response) throws IOException {
		Export export = this.exports.prepareFhir(institutionId, from, to);
		download(export, FHIR_JSON, response);
	}

	@GetMapping(value = "/api/public/case-export.schema.json", produces = "application/schema+json")
	@Operation(summary = "省级平台上报 JSON 的数据格式（JSON Schema 2020-12）",
			description = "省级平台上报导出（format=json）所遵循的 JSON Schema；无须登录，供对接方校验。")
	ResponseEntity<byte[]> schema() throws IOException {
		byte[] schema = new ClassPathResource(SCHEMA).getContentAsByteArray();
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(schema);
	}

	private void download(Export export, String contentType, HttpServletResponse response) throws IOException {
		response.setContentType(contentType);
		if (!XLSX.equals(contentType)) {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.fileName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.exports.write(export, response.getOutputStream());
		response.flushBuffer();
	}

}
