package cn.rtms.bulkload.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import cn.rtms.bulkload.BulkImport;
import cn.rtms.bulkload.BulkKind;
import cn.rtms.bulkload.BulkReport;
import cn.rtms.bulkload.BulkTemplates;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Role;
import cn.rtms.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk load over HTTP: {@code GET /api/bulk-load/{kind}/template} (the generated
 * template), {@code POST /api/bulk-load/{kind}/check} (check only, nothing saved) and
 * {@code POST /api/bulk-load/{kind}} (import, all or nothing); {@code kind} is
 * {@code institutions} or {@code people}. Authorities, hospital administrators and
 * clerks, and the system administrator; the rows are checked against the caller's scope.
 */
@RestController
@Tag(name = "批量导入", description = "医疗机构与人员的 Excel 模板与批量导入（全部成功或全部不导入）")
class BulkLoadController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final Role[] ROLES = { Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY, Role.CITY_AUTHORITY,
			Role.COUNTY_AUTHORITY, Role.HOSPITAL_ADMIN, Role.HOSPITAL_CLERK };

	private final BulkImport imports;

	private final BulkTemplates templates;

	private final AccessPolicy access;

	BulkLoadController(BulkImport imports, BulkTemplates templates, AccessPolicy access) {
		this.imports = imports;
		this.templates = templates;
		this.access = access;
	}

	@GetMapping("/api/bulk-load/{kind}/template")
	@Operation(summary = "下载批量导入模板", description = "按当前版本生成的 .xlsx 模板，含各工作表的中文表头和“说明”工作表（每列的必填、类型、取值范围与代码表）")
	ResponseEntity<byte[]> template(@Parameter(description = "institutions 或 people") @PathVariable String kind) {
		BulkKind which = kind(kind);
		this.access.requireRole(ROLES);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.templates.template(which, out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(this.templates.fileName(which), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
	}

	@PostMapping(path = "/api/bulk-load/{kind}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "校验批量导入文件（不保存）", description = "逐格校验并核对现有数据与数据范围，返回将新建、更新、不变的记录数和问题清单（工作表、行、列、原因）；不保存任何数据")
	BulkReport check(@Parameter(description = "institutions 或 people") @PathVariable String kind,
			@RequestPart MultipartFile file) throws IOException {
		BulkKind which = kind(kind);
		try (InputStream in = file.getInputStream()) {
			return this.imports.run(which, in, name(file), false);
		}
	}

	@PostMapping(path = "/api/bulk-load/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "批量导入（全部成功或全部不导入）",
			description = "校验通过时在一个事务中新建或更新全部记录（按统一社会信用代码 / 执业证书编码识别，重复导入不产生重复记录）；有任何问题时状态为 REJECTED，不保存任何数据")
	BulkReport importFile(@Parameter(description = "institutions 或 people") @PathVariable String kind,
			@RequestPart MultipartFile file) throws IOException {
		BulkKind which = kind(kind);
		try (InputStream in = file.getInputStream()) {
			return this.imports.run(which, in, name(file), true);
		}
	}

	private static String name(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "上传文件";
		}
		return name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
	}

	private static BulkKind kind(String kind) {
		return switch (kind.toLowerCase(Locale.ROOT)) {
			case "institutions" -> BulkKind.INSTITUTIONS;
			case "people" -> BulkKind.PEOPLE;
			default -> throw new ProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_BULK_KIND", "未知的导入类型",
					"导入类型“" + kind + "”不存在，可选：institutions（医疗机构）、people（人员）", List.of());
		};
	}

}
