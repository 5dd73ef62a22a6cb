package cn.rtms.filing.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.FilingCommands;
import cn.rtms.filing.FilingGuidance;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.FirstCaseSuggestion;
import cn.rtms.filing.InvalidFilingRequest;
import cn.rtms.filing.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The hospital's guidance steps of a filing (docs/filing.md, "Guidance"): batch
 * confirmation of pending clauses, withdrawal of a submission not yet received, deletion
 * of a draft, and the proposed first-case date.
 */
@RestController
@Tag(name = "备案")
class FilingGuidanceController {

	private final FilingCommands filings;

	private final FilingGuidance guidance;

	FilingGuidanceController(FilingCommands filings, FilingGuidance guidance) {
		this.filings = filings;
		this.guidance = guidance;
	}

	@GetMapping("/api/filings/first-case-date")
	@Operation(summary = "按本机构记录预填首例开展日期（医务科、医院管理员）",
			description = "病例登记中本机构该技术最早的已提交病例；没有时取本机构登记的开展例数中最早的年月（该期间第一天）；都没有时 firstCaseDate 为空。")
	FirstCaseSuggestion firstCaseDate(@RequestParam(required = false) @Nullable String technology) {
		if (technology == null || technology.isBlank()) {
			throw new InvalidFilingRequest("技术编码（technology）不能为空");
		}
		return this.guidance.firstCaseDate(technology.strip());
	}

	@PostMapping(path = "/api/filings/{id}/attestations/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "批量确认“待确认”条款，共用一份证据文件（multipart：version、clauseRefs 可重复、evidence、file）",
			description = "文件只保存一次；每个条款各记一条确认、一个流程步骤和一条审计记录；任一条款不符合条件时整体不生效。")
	FilingView attestAll(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable List<String> clauseRefs,
			@RequestParam(required = false) @Nullable String evidence,
			@RequestPart(required = false) @Nullable MultipartFile file) {
		if (clauseRefs == null || clauseRefs.isEmpty()) {
			throw new InvalidFilingRequest("请至少选择一项“待确认”条款（clauseRefs）");
		}
		if (clauseRefs.size() > 200) {
			throw new InvalidFilingRequest("一次最多确认 200 项条款");
		}
		if (evidence == null || evidence.isBlank()) {
			throw new InvalidFilingRequest("证据说明（evidence）不能为空");
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidFilingRequest("批量确认必须上传一份证据文件（file）");
		}
		return this.filings.attestAll(id, version, clauseRefs.stream().map(String::strip).toList(), evidence.strip(),
				upload(file));
	}

	@PostMapping("/api/filings/{id}/withdraw")
	@Operation(summary = "撤回提交（医务科、医院管理员；卫生健康行政部门尚未受理时）", description = "备案回到提交前的状态（已自评或退回补充），由医疗机构继续办理；受理机关收到站内消息。")
	FilingView withdraw(@PathVariable UUID id, @RequestBody WithdrawRequest request) {
		return this.filings.withdraw(id, request.version(), request.reason());
	}

	@DeleteMapping("/api/filings/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除草稿（医务科、医院管理员；从未提交过的备案）", description = "备案及其材料一并删除，审计记录保留删除前的状态。")
	void delete(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long version) {
		this.filings.deleteDraft(id, version);
	}

	private static Upload upload(MultipartFile file) {
		try {
			String name = file.getOriginalFilename();
			return new Upload(name == null ? "" : name, file.getBytes());
		}
		catch (IOException ex) {
			throw new InvalidFilingRequest("读取上传文件失败：" + ex.getMessage());
		}
	}

	record WithdrawRequest(@Nullable Long version,
			@Nullable @Size(max = 2000, message = "撤回原因不能超过 2000 个字符") String reason) {
	}

}
