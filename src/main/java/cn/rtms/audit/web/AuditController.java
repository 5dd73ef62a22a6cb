package cn.rtms.audit.web;

import java.util.List;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.audit.ChainVerification;
import cn.rtms.identity.AccessPolicy;
import cn.rtms.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over HTTP, for system administrators and the provincial authority. */
@RestController
@Tag(name = "审计", description = "不可篡改的操作审计链")
class AuditController {

	private final AuditTrail audit;

	private final AccessPolicy access;

	AuditController(AuditTrail audit, AccessPolicy access) {
		this.audit = audit;
		this.access = access;
	}

	@GetMapping("/api/audit")
	@Operation(summary = "审计记录（最新在前）")
	List<AuditEntry> entries(@RequestParam(required = false) @Nullable String entityType,
			@RequestParam(required = false) @Nullable String entityId, @RequestParam(defaultValue = "200") int limit) {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		return this.audit.entries(entityType, entityId, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/api/audit/verify")
	@Operation(summary = "校验整条审计链", description = "逐条重算哈希，报告第一处断裂")
	ChainVerification verify() {
		this.access.requireRole(Role.SYSTEM_ADMIN, Role.PROVINCE_AUTHORITY);
		return this.audit.verify();
	}

}
