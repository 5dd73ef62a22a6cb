package cn.rtms.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.rtms.platform.DatabaseRestored;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restore: verifies the restored chain, records {@code DATABASE_RESTORED} in it
 * (backup file and time, the verdict, where the old anchors were moved) and anchors the
 * new head, so that {@code audit-verify} checks the restored chain against anchors that
 * belong to it.
 */
@Component
class RestoreAuditor {

	private final AuditTrail audit;

	private final AuditAnchors anchors;

	RestoreAuditor(AuditTrail audit, AuditAnchors anchors) {
		this.audit = audit;
		this.anchors = anchors;
	}

	@EventListener
	void on(DatabaseRestored event) {
		Optional<java.nio.file.Path> archived = this.anchors.archive();
		ChainVerification restored = this.audit.verify();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("file", event.file());
		details.put("backupCreatedAt", event.backupCreatedAt().toString());
		details.put("restoredChain", restored.message());
		archived.ifPresent(path -> details.put("previousAnchors", path.toString()));
		this.audit.recordAs(null, "系统", "DATABASE_RESTORED", "Database", "restore", null, details);
		this.anchors.anchorNow();
	}

}
