package cn.rtms.audit.web;

import java.time.LocalDate;
import java.util.List;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditLog;
import cn.rtms.audit.AuditView;
import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.ChainVerification;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Role;
import cn.rtms.web.ExcelExport;
import cn.rtms.web.ListPage;
import cn.rtms.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for system administrators and the provincial authority. */
@RestController
@Tag(name = "审计", description = "不可篡改的操作审计链")
class AuditController {

	private final AuditTrail audit;

	private final AccessPolicy access;

	private final AuditLog log;

	AuditController(AuditTrail audit, AccessPolicy access, AuditLog log) {
		this.audit = audit;
		this.log = log;
		this.access = access;
	}

	@GetMapping("/api/audit")
	@Operation(summary = "审计记录（最新在前）")
	List<AuditEntry> entries(@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId, @RequestParam(defaultValue = "200") int limit) {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		return this.audit.entries(entityType, entityId, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/api/audit/page")
	@Operation(summary = "审计记录（分页、排序、筛选，可读形式）",
			description = "actor 操作人姓名模糊；action 操作代码；entityType 对象类型；entityId 对象；from/to 日期区间（北京时间）；sort 取 occurredAt、actorName、action、entityType，加 ,asc 或 ,desc")
	ListPage<AuditView> page(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) @Nullable String sort) {
		return this.log.page(new AuditLog.Filter(actor, action, entityType, entityId, from, to),
				new ListQuery(page, size, sort));
	}

	@GetMapping("/api/audit/export.xlsx")
	@Operation(summary = "导出审计记录（Excel）", description = "与 /api/audit/page 相同的筛选与排序，最多 5000 行")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String sort) {
		return ExcelExport.download(
				this.log.excel(new AuditLog.Filter(actor, action, entityType, entityId, from, to), sort), "审计记录.xlsx");
	}

	@GetMapping("/api/audit/labels")
	@Operation(summary = "审计筛选项的中文名称（操作代码 → 名称，对象类型 → 名称）")
	AuditLog.Labels labels() {
		return this.log.labels();
	}

	@GetMapping("/api/audit/verify")
	@Operation(summary = "校验整条审计链", description = "逐条重算哈希，报告第一处断裂")
	ChainVerification verify() {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		return this.audit.verify();
	}

}
