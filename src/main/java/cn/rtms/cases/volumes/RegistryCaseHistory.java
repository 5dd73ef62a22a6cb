package cn.rtms.cases.volumes;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.rules.CaseHistory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case registry as eligibility and the revocation check read it ({@link CaseHistory},
 * ADR 0019): submitted cases operated on or after {@code rtms.cases.registry-start}
 * (default 2024-01-01, the first day of a month: volumes are monthly), counted per month
 * from the reporting view {@code cases.monthly_case_volume}; operators' cases from
 * {@code cases.case_report}. Revisions come from {@code cases.registry_revision}, which a
 * trigger bumps with every change of a submitted case.
 */
@Component
@Transactional(readOnly = true)
class RegistryCaseHistory implements CaseHistory {

	private final JdbcClient jdbc;

	private final LocalDate start;

	RegistryCaseHistory(JdbcClient jdbc, @Value("${rtms.cases.registry-start:2024-01-01}") LocalDate start) {
		if (start.getDayOfMonth() != 1) {
			throw new IllegalStateException("rtms.cases.registry-start 必须是某月的第一天（病例按月统计），当前为 " + start);
		}
		this.jdbc = jdbc;
		this.start = start;
	}

	@Override
	public LocalDate registryStart() {
		return this.start;
	}

	@Override
	public long revision(UUID institutionId) {
		return this.jdbc.sql("select revision from cases.registry_revision where institution_id = ?")
			.param(institutionId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Override
	public InstitutionCases institution(UUID institutionId) {
		return institutions("institution_id = ? and", List.of(institutionId)).getOrDefault(institutionId,
				InstitutionCases.NONE);
	}

	@Override
	public Map<UUID, InstitutionCases> institutions() {
		return institutions("", List.of());
	}

	private Map<UUID, InstitutionCases> institutions(String where, List<Object> params) {
		record Row(UUID institution, CaseHistory.Volume volume, LocalDate first, LocalDate last) {
		}
		List<Object> all = new ArrayList<>(params);
		all.add(Date.valueOf(this.start));
		List<Row> rows = this.jdbc
			.sql("select institution_id, technology, sub_technique, year, month, cases, first_case, last_case"
					+ " from cases.monthly_case_volume where " + where
					+ " make_date(year, month, 1) >= date_trunc('month', ?::date)"
					+ " order by institution_id, technology, year, month, sub_technique nulls first")
			.params(all)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class),
					new CaseHistory.Volume(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
					rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)))
			.list();
		Map<UUID, List<Row>> byInstitution = new HashMap<>();
		rows.forEach(r -> byInstitution.computeIfAbsent(r.institution(), k -> new ArrayList<>()).add(r));
		Map<UUID, InstitutionCases> result = new HashMap<>();
		byInstitution.forEach((id, list) -> {
			List<CaseHistory.Volume> volumes = new ArrayList<>();
			Map<String, LocalDate> first = new TreeMap<>();
			Map<String, LocalDate> last = new TreeMap<>();
			for (Row row : list) {
				volumes.add(row.volume());
				String key = (row.volume().subTechnique() == null) ? row.volume().technology()
						: row.volume().technology() + "/" + row.volume().subTechnique();
				if (row.volume().subTechnique() == null) {
					first.merge(key, row.first(), (a, b) -> a.isBefore(b) ? a : b);
				}
				last.merge(key, row.last(), (a, b) -> a.isAfter(b) ? a : b);
			}
			result.put(id, new InstitutionCases(List.copyOf(volumes), first, last));
		});
		return result;
	}

	@Override
	public Map<UUID, List<Volume>> operatorVolumes(Collection<UUID> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<Volume>> result = new HashMap<>();
		this.jdbc.sql("""
				select operator_id, technology, extract(year from operation_date)::int,
				       extract(month from operation_date)::int, count(*)::int
				from cases.case_report
				where status = 'SUBMITTED' and operation_date >= ? and operator_id = any(?::uuid[])
				group by 1, 2, 3, 4 order by 1, 2, 3, 4
				""").param(Date.valueOf(this.start)).param(uuids(personIds)).query((rs, n) -> {
			result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new Volume(rs.getString(2), null, rs.getInt(3), rs.getInt(4), rs.getInt(5)));
			return n;
		}).list();
		return result;
	}

	private static String[] uuids(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

	@Override
	public @Nullable LocalDate lastCaseDate(UUID institutionId, String technology, LocalDate onOrBefore) {
		return this.jdbc.sql("""
				select max(operation_date) from cases.case_report
				where institution_id = ? and technology = ? and status = 'SUBMITTED'
				  and operation_date >= ? and operation_date <= ?
				""")
			.param(institutionId)
			.param(technology)
			.param(Date.valueOf(this.start))
			.param(Date.valueOf(onOrBefore))
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(null);
	}

}
