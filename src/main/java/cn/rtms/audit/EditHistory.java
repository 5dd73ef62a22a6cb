package cn.rtms.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.rtms.web.ProblemException.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimistic locking with an explanation: compares the version an edit is based on with
 * the record's current version and, when they differ, reads the audit trail to say who
 * changed the record since, when, and which top-level fields. The audited states must
 * carry a {@code version} field (the record after the change).
 */
@Service
public class EditHistory {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** Output-only or bookkeeping fields never reported as changes. */
	private static final Set<String> IGNORED = Set.of("version", "regionName", "institutionName");

	private static final int HISTORY = 200;

	private final AuditTrail audit;

	private final JsonMapper json;

	EditHistory(AuditTrail audit, JsonMapper json) {
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @param entityType audited entity type, e.g. {@code Institution}
	 * @param entityId its id
	 * @param what the record in Chinese for the message, e.g. "医疗机构"
	 * @param base the version the caller read, null when not given
	 * @param current the record's current version
	 * @throws cn.rtms.web.ProblemException 400 {@code VERSION_REQUIRED} when {@code base}
	 * is null
	 * @throws StaleEdit when {@code base} differs from {@code current}
	 */
	@Transactional(readOnly = true)
	public void check(String entityType, String entityId, String what, @Nullable Integer base, int current) {
		if (base == null) {
			throw StaleEdit.versionRequired(what);
		}
		if (base != current) {
			throw stale(entityType, entityId, what, base, current);
		}
	}

	/**
	 * @param entityType audited entity type
	 * @param entityId its id
	 * @param what the record in Chinese
	 * @param base the version the caller read
	 * @param current the record's current version
	 * @return the 409 problem naming who changed what since {@code base}
	 */
	@Transactional(readOnly = true)
	public StaleEdit stale(String entityType, String entityId, String what, int base, int current) {
		Set<String> fields = new LinkedHashSet<>();
		Set<String> actors = new LinkedHashSet<>();
		AuditEntry latest = null;
		for (AuditEntry entry : this.audit.entries(entityType, entityId, HISTORY)) {
			JsonNode after = read(entry.after());
			if (after == null || !after.has("version") || after.get("version").asInt() <= base) {
				continue;
			}
			latest = (latest == null) ? entry : latest;
			actors.add(entry.actorName());
			JsonNode before = read(entry.before());
			for (String field : after.propertyNames()) {
				if (!IGNORED.contains(field)
						&& (before == null || !Objects.equals(before.get(field), after.get(field)))) {
					fields.add(field);
				}
			}
		}
		StringBuilder detail = new StringBuilder("该").append(what)
			.append("已被他人修改：您读取的是第 ")
			.append(base)
			.append(" 版，当前为第 ")
			.append(current)
			.append(" 版");
		if (latest != null) {
			detail.append("（")
				.append(String.join("、", actors))
				.append(" 修改，最近一次于 ")
				.append(TIME.format(latest.occurredAt().atZone(CHINA)))
				.append("）");
		}
		if (!fields.isEmpty()) {
			detail.append("；其间变更的字段：").append(String.join("、", fields));
		}
		detail.append("。请重新加载后再修改；本次修改未保存");
		List<FieldProblem> changed = new ArrayList<>();
		fields.forEach(f -> changed.add(new FieldProblem(f, "已被他人修改")));
		return new StaleEdit(detail.toString(), changed);
	}

	private @Nullable JsonNode read(@Nullable String state) {
		if (state == null) {
			return null;
		}
		JsonNode node = this.json.readTree(state);
		return node.isObject() ? node : null;
	}

}
