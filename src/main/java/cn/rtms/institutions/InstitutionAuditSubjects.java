package cn.rtms.institutions;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditSubjects;

import org.springframework.stereotype.Component;

/** Names institutions on the audit page. */
@Component
class InstitutionAuditSubjects implements AuditSubjects {

	private final InstitutionManagement institutions;

	InstitutionAuditSubjects(InstitutionManagement institutions) {
		this.institutions = institutions;
	}

	@Override
	public String entityType() {
		return "Institution";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		for (String id : ids) {
			try {
				String name = this.institutions.nameOf(UUID.fromString(id));
				if (name != null) {
					names.put(id, name);
				}
			}
			catch (IllegalArgumentException ex) {
				// not an institution id (e.g. "export")
			}
		}
		return names;
	}

}
