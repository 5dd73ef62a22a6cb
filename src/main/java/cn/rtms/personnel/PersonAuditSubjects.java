package cn.rtms.personnel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditSubjects;

import org.springframework.stereotype.Component;

/** Names people on the audit page. */
@Component
class PersonAuditSubjects implements AuditSubjects {

	private final People people;

	PersonAuditSubjects(People people) {
		this.people = people;
	}

	@Override
	public String entityType() {
		return "Person";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		for (String id : ids) {
			try {
				this.people.find(UUID.fromString(id)).ifPresent(p -> names.put(id, p.name()));
			}
			catch (IllegalArgumentException ex) {
				// not a person id (e.g. "export")
			}
		}
		return names;
	}

}
