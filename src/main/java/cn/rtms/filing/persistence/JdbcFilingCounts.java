package cn.rtms.filing.persistence;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.filing.domain.FilingCounts;
import cn.rtms.filing.domain.FilingState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link FilingCounts} as grouped {@code count(*)} queries on the filing table's columns.
 */
@Repository
class JdbcFilingCounts implements FilingCounts {

	private final JdbcClient jdbc;

	JdbcFilingCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<FilingState, Long> byState(UUID institutionId) {
		Map<FilingState, Long> counts = new EnumMap<>(FilingState.class);
		this.jdbc.sql("select state, count(*) from filing.filing where institution_id = :i group by state")
			.param("i", institutionId)
			.query((rs, n) -> counts.put(FilingState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	@Override
	public List<Group> grouped(Collection<String> regionCodes, Collection<FilingState> states) {
		if (regionCodes.isEmpty() || states.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select institution_region_code, technology, state, count(*) from filing.filing
				where institution_region_code = any (:regions) and state = any (:states)
				group by institution_region_code, technology, state""")
			.param("regions", regionCodes.toArray(String[]::new))
			.param("states", states.stream().map(Enum::name).toArray(String[]::new))
			.query((rs, n) -> new Group(rs.getString(1), rs.getString(2), FilingState.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.list();
	}

}
