package cn.rtms.seeds;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.authorization.DueDateSource;
import cn.rtms.institutions.InstitutionManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The radiation-safety due dates of G07 三(七) on the reminders page (到期提醒,
 * {@link DueDateSource}, docs/seed-ledger.md "Reminders"): each person's latest
 * radiation-protection training and health examination, each institution's latest
 * environmental inspection, with the day the next one is due. The 放射诊疗许可证 and 辐射安全许可证 are
 * institution licences the reminders page already lists from the institution's record
 * (ADR 0034: licences are not copied), so they are not repeated here.
 */
@Component
class RadiationSafetyDueDates implements DueDateSource {

	/** The kind of these items on the reminders page. */
	static final String KIND = "RADIATION_SAFETY";

	private final JdbcClient jdbc;

	private final InstitutionManagement institutions;

	RadiationSafetyDueDates(JdbcClient jdbc, InstitutionManagement institutions) {
		this.jdbc = jdbc;
		this.institutions = institutions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DueDate> dueDates(@Nullable Set<UUID> institutionIds, @Nullable UUID personId, LocalDate today) {
		if (institutionIds != null && institutionIds.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("""
				select distinct on (institution_id, kind, person_id) id, institution_id, kind, person_id, person_name,
				  due_on, reference
				from seeds.safety_record where true""");
		Map<String, Object> params = new HashMap<>();
		if (institutionIds != null) {
			sql.append(" and institution_id = any(:ids)");
			params.put("ids", institutionIds.toArray(UUID[]::new));
		}
		if (personId != null) {
			sql.append(" and person_id = :person");
			params.put("person", personId);
		}
		sql.append(" order by institution_id, kind, person_id, done_on desc, recorded_at desc");
		Map<UUID, String> names = new HashMap<>();
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			SafetyKind kind = SafetyKind.valueOf(rs.getString("kind"));
			UUID institution = rs.getObject("institution_id", UUID.class);
			String institutionName = names.computeIfAbsent(institution, this.institutions::nameOf);
			UUID person = rs.getObject("person_id", UUID.class);
			String reference = rs.getString("reference");
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			String what = kind.label() + ((reference != null) ? "（" + reference + "）" : "") + "，下次应于 " + due + " 前完成";
			return (person != null)
					? new DueDate(KIND, kind.label(), "PERSON", person, rs.getString("person_name"), institution,
							institutionName, what, due, rs.getObject("id", UUID.class))
					: new DueDate(KIND, kind.label(), "INSTITUTION", institution, institutionName, institution,
							institutionName, what, due, rs.getObject("id", UUID.class));
		}).list();
	}

}
