package cn.rtms.cases.followup.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.cases.followup.FollowUpPage;
import cn.rtms.cases.followup.FollowUpRecord;
import cn.rtms.cases.followup.FollowUpSearch;
import cn.rtms.cases.followup.FollowUpStatus;
import cn.rtms.cases.followup.FollowUpView;
import cn.rtms.web.ExcelExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Follow-ups over HTTP (docs/follow-ups.md). */
@RestController
@Tag(name = "随访", description = "病例随访计划、待随访与逾期列表、随访登记")
class FollowUpController {

	private final FollowUpManagement followUps;

	FollowUpController(FollowUpManagement followUps) {
		this.followUps = followUps;
	}

	@GetMapping("/api/follow-ups")
	@Operation(summary = "随访列表（DUE 待随访：30 天内及今日到期；OVERDUE 已逾期；DONE 已随访），附三类计数",
			description = "q 按病案号或住院号开头检索（最多 40 个字符，不接受身份证号）；from/to 应随访日期区间（含）；三类计数随检索条件")
	FollowUpPage list(@RequestParam(defaultValue = "DUE") FollowUpStatus status,
			@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.followUps.list(status, institutionId, new FollowUpSearch(q, from, to), page, size);
	}

	@GetMapping("/api/follow-ups/export.xlsx")
	@Operation(summary = "导出随访名单（Excel）",
			description = "与 /api/follow-ups 相同的列表与检索，全部时间点，最多 5000 行；本院医务科、医院管理员和主刀医师的名单含患者姓名与联系电话，其他角色为患者假名；每次导出记入审计日志")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "DUE") FollowUpStatus status,
			@RequestParam(required = false) @Nullable UUID institutionId,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return ExcelExport.download(this.followUps.excel(status, institutionId, new FollowUpSearch(q, from, to)),
				"随访名单-" + status.label() + ".xlsx");
	}

	@GetMapping("/api/follow-ups/by-case/{caseId}")
	@Operation(summary = "一个病例的全部随访时间点")
	List<FollowUpView> ofCase(@PathVariable UUID caseId) {
		return this.followUps.ofCase(caseId);
	}

	@PutMapping("/api/follow-ups/{id}")
	@Operation(summary = "登记（或更正）随访：日期、方式、生存状态（死亡须填日期，并取消其后的随访）、疾病状态、备注")
	FollowUpView record(@PathVariable UUID id, @RequestBody FollowUpRecord record) {
		return this.followUps.record(id, record);
	}

}
