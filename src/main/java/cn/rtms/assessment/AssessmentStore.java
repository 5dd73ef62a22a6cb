package cn.rtms.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Saved assessments in {@code assessment.capability_assessment}: inserted once, never
 * updated; the report column is the snapshot of the figures (ADR 0030).
 */
@Repository
class AssessmentStore {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	AssessmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Assessment a) {
		AssessmentReport r = a.report();
		this.jdbc
			.sql("""
					insert into assessment.capability_assessment (id, institution_id, institution_region_code, physician_id,
					    technology, filing_id, period_from, period_to, conclusion, conclusion_text, assessor, department_head,
					    medical_affairs_head, signed_on, report, submitted_by, submitted_by_name, submitted_at)
					values (:id, :institution, :region, :physician, :technology, :filing, :from, :to, :conclusion, :text,
					    :assessor, :departmentHead, :medicalAffairsHead, :signedOn, cast(:report as jsonb), :by, :byName, :at)""")
			.param("id", a.id())
			.param("institution", r.institutionId())
			.param("region", r.institutionRegionCode())
			.param("physician", r.physicianId())
			.param("technology", r.technology())
			.param("filing", r.filingId())
			.param("from", r.from())
			.param("to", r.to())
			.param("conclusion", a.conclusion().name())
			.param("text", a.conclusionText())
			.param("assessor", a.assessor())
			.param("departmentHead", a.departmentHead())
			.param("medicalAffairsHead", a.medicalAffairsHead())
			.param("signedOn", a.signedOn())
			.param("report", this.json.writeValueAsString(r))
			.param("by", a.submittedBy())
			.param("byName", a.submittedByName())
			.param("at", Timestamp.from(a.submittedAt()))
			.update();
	}

	Optional<Assessment> find(UUID id) {
		return this.jdbc.sql("select * from assessment.capability_assessment where id = :id")
			.param("id", id)
			.query((rs, n) -> assessment(rs))
			.optional();
	}

	/**
	 * @param institutionId restrict to this institution, or null
	 * @param technology restrict to this technology, or null
	 * @param filingId restrict to the assessments kept with this filing, or null
	 * @param physicianId restrict to this physician, or null
	 * @param limit most rows
	 * @return the assessments, newest period first
	 */
	List<Assessment> search(@Nullable UUID institutionId, @Nullable String technology, @Nullable UUID filingId,
			@Nullable UUID physicianId, int limit) {
		return this.jdbc.sql("""
				select * from assessment.capability_assessment
				where (cast(:institution as uuid) is null or institution_id = cast(:institution as uuid))
				  and (cast(:technology as varchar) is null or technology = cast(:technology as varchar))
				  and (cast(:filing as uuid) is null or filing_id = cast(:filing as uuid))
				  and (cast(:physician as uuid) is null or physician_id = cast(:physician as uuid))
				order by period_to desc, submitted_at desc
				limit :limit""")
			.param("institution", institutionId == null ? null : institutionId.toString())
			.param("technology", technology)
			.param("filing", filingId == null ? null : filingId.toString())
			.param("physician", physicianId == null ? null : physicianId.toString())
			.param("limit", limit)
			.query((rs, n) -> assessment(rs))
			.list();
	}

	private Assessment assessment(ResultSet rs) throws SQLException {
		Conclusion conclusion = Conclusion.valueOf(rs.getString("conclusion"));
		return new Assessment(rs.getObject("id", UUID.class),
				this.json.readValue(rs.getString("report"), AssessmentReport.class), conclusion, conclusion.label(),
				rs.getString("conclusion_text"), rs.getString("assessor"), rs.getString("department_head"),
				rs.getString("medical_affairs_head"), rs.getObject("signed_on", LocalDate.class),
				rs.getObject("submitted_by", UUID.class), rs.getString("submitted_by_name"),
				rs.getTimestamp("submitted_at").toInstant());
	}

}
