package cn.rtms.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.audit.AuditSubjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names alerts on the audit page by their title. */
@Component
class AlertAuditSubjects implements AuditSubjects {

	private final JdbcClient jdbc;

	AlertAuditSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String entityType() {
		return "Alert";
	}

	@Override
	public Map<String, String> names(Collection<String> ids) {
		List<UUID> uuids = ids.stream().filter(id -> id.length() == 36).map(id -> {
			try {
				return UUID.fromString(id);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}).filter(java.util.Objects::nonNull).toList();
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select id::text, title from supervision.alert where id = any(?::uuid[])")
			.param(uuids.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
