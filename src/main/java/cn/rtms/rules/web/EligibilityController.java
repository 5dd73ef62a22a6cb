package cn.rtms.rules.web;

import java.time.LocalDate;
import java.util.UUID;

import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityMatrix;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.EvaluationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eligibility of institutions, training bases and people, and what-if evaluation of a
 * facts document.
 */
@RestController
@Tag(name = "符合性评估", description = "按管理规范逐条评估：符合 / 不符合 / 信息不全 / 待确认")
class EligibilityController {

	private final EligibilityManagement eligibility;

	EligibilityController(EligibilityManagement eligibility) {
		this.eligibility = eligibility;
	}

	@GetMapping("/api/institutions/{id}/eligibility")
	@Operation(summary = "医疗机构 × 限制类技术 符合性矩阵")
	EligibilityMatrix institutionMatrix(@PathVariable UUID id, @Parameter(description = "评估日期，默认今天") @RequestParam(
			required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return this.eligibility.institutionMatrix(id, asOf);
	}

	@GetMapping("/api/institutions/{id}/eligibility/{technology}")
	@Operation(summary = "医疗机构逐条评估", description = "trainingBase=true 时按培训基地条件评估")
	EligibilityReport institutionReport(@PathVariable UUID id, @PathVariable String technology,
			@RequestParam(defaultValue = "false") boolean trainingBase,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return this.eligibility.institutionReport(id, technology, trainingBase, asOf);
	}

	@GetMapping("/api/people/{id}/eligibility")
	@Operation(summary = "人员可开展的限制类技术")
	EligibilityMatrix personMatrix(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return this.eligibility.personMatrix(id, asOf);
	}

	@GetMapping("/api/people/{id}/eligibility/{technology}")
	@Operation(summary = "人员逐条评估（含培训/免培路径）")
	EligibilityReport personReport(@PathVariable UUID id, @PathVariable String technology,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return this.eligibility.personReport(id, technology, asOf);
	}

	@PostMapping("/api/eligibility/evaluate")
	@Operation(summary = "符合性预评估（不保存）", description = "按请求中的事实文档评估，不写入任何数据。事实文档的字段见下方请求体的数据结构，示例见请求体示例。")
	EligibilityReport evaluate(@Valid @RequestBody EvaluationRequest request) {
		return this.eligibility.evaluate(request);
	}

}
