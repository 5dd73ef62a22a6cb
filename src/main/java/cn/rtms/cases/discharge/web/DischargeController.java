package cn.rtms.cases.discharge.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.rtms.cases.discharge.BatchSummary;
import cn.rtms.cases.discharge.DischargeRecords;
import cn.rtms.cases.discharge.DischargeScan;
import cn.rtms.cases.discharge.InvalidDischargeFile;
import cn.rtms.cases.discharge.ScanCategory;
import cn.rtms.cases.discharge.ScanItem;
import cn.rtms.cases.discharge.ScanReport;
import cn.rtms.web.InputRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Discharge abstracts and the discharge scan over HTTP; rules and permissions are in
 * {@link DischargeRecords} and {@link DischargeScan}.
 */
@RestController
@Tag(name = "出院病案首页筛查", description = "导入出院病案首页，筛查限制类技术手术的填报、备案与授权情况")
class DischargeController {

	private final DischargeRecords records;

	private final DischargeScan scan;

	DischargeController(DischargeRecords records, DischargeScan scan) {
		this.records = records;
		this.scan = scan;
	}

	@PostMapping(path = "/api/discharge-records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "导入出院病案首页（CSV 或 XLSX，multipart 字段 file；本机构）：201 新批次，200 此前已导入的同一文件")
	ResponseEntity<BatchSummary> upload(@RequestPart(required = false) @Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidDischargeFile("必须上传文件（file），且文件不能为空", List.of());
		}
		try {
			String name = file.getOriginalFilename();
			BatchSummary batch = this.records.upload(name == null ? "" : name, file.getBytes());
			return ResponseEntity.status(batch.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED).body(batch);
		}
		catch (IOException ex) {
			throw new InvalidDischargeFile("读取上传文件失败：" + ex.getMessage(), List.of());
		}
	}

	@GetMapping("/api/discharge-records/batches")
	@Operation(summary = "最近的导入批次")
	List<BatchSummary> batches(@RequestParam(required = false) @Nullable UUID institutionId) {
		return this.records.batches(institutionId);
	}

	@GetMapping("/api/discharge-scan")
	@Operation(summary = "出院病案首页筛查报告（按医疗机构：系统填报率、未备案开展、术者未授权等）")
	ScanReport report(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to) {
		return this.scan.report(institutionId, from, to);
	}

	@GetMapping("/api/discharge-scan/items")
	@Operation(summary = "筛查明细（按类别下钻）")
	ScanItem.Page items(@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam String category,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		ScanCategory parsed = Arrays.stream(ScanCategory.values())
			.filter(c -> c.name().equals(category))
			.findFirst()
			.orElseThrow(() -> InputRules.invalid("category", "类别“" + category + "”不存在，应为："
					+ String.join("、", Arrays.stream(ScanCategory.values()).map(Enum::name).toList())));
		return this.scan.items(institutionId, from, to, parsed, page, size);
	}

}
