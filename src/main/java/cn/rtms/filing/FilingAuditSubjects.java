package cn.rtms.filing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditSubjects;
import cn.rtms.filing.domain.Filings;

import org.springframework.stereotype.Component;

/** Names filings on the audit page: institution · technology. */
@Component
class FilingAuditSubjects implements AuditSubjects {

	private final Filings filings;

	FilingAuditSubjects(Filings filings) {
		this.filings = filings;
	}

	@Override
	public String entityType() {
		return "Filing";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		for (String id : ids) {
			try {
				this.filings.find(UUID.fromString(id))
					.ifPresent(
							f -> names.put(id, f.data().institution().name() + " · " + f.data().technology().name()));
			}
			catch (IllegalArgumentException ex) {
				// not a filing id (e.g. "export")
			}
		}
		return names;
	}

}
