package cn.rtms.personnel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.personnel.PersonDetails.AdverseEvent;
import cn.rtms.personnel.PersonDetails.Attestation;
import cn.rtms.personnel.PersonDetails.CaseVolume;
import cn.rtms.personnel.PersonDetails.PhysicianLicence;
import cn.rtms.personnel.PersonDetails.Specialty;
import cn.rtms.personnel.PersonDetails.TitleRecord;
import cn.rtms.personnel.PersonDetails.TrainingRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of people in schema {@code personnel}; dated histories are JSONB documents. */
@Repository
class People {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	People(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<PersonDetails> find(UUID id) {
		return this.jdbc.sql("select * from personnel.person where id = ?").param(id).query(this::map).optional();
	}

	List<PersonDetails> findByInstitution(UUID institutionId) {
		return this.jdbc.sql("select * from personnel.person where institution_id = ? order by name")
			.param(institutionId)
			.query(this::map)
			.list();
	}

	List<PersonDetails> findAll() {
		return this.jdbc.sql("select * from personnel.person order by institution_id, name").query(this::map).list();
	}

	List<PersonDetails> search(@Nullable UUID institutionId, @Nullable String query, @Nullable StaffRole role) {
		return this.jdbc.sql("""
				select * from personnel.person
				where (cast(:inst as uuid) is null or institution_id = cast(:inst as uuid))
				  and (cast(:q as text) is null or name like '%' || cast(:q as text) || '%')
				  and (cast(:role as text) is null or roles @> jsonb_build_array(cast(:role as text)))
				order by name limit 1000
				""")
			.param("inst", institutionId)
			.param("q", query)
			.param("role", role == null ? null : role.name())
			.query(this::map)
			.list();
	}

	boolean licenceTaken(String number, @Nullable UUID exceptId) {
		return this.jdbc.sql("select count(*) from personnel.person where licence_number = ? and id <> ?")
			.params(number, exceptId == null ? new UUID(0, 0) : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, PersonDetails p) {
		this.jdbc.sql("""
				insert into personnel.person (id, institution_id, name, gender, birth_date, roles, licence_number,
				  licence_issued_on, licence_scopes, clinical_start, titles, specialties, trainings, case_volumes,
				  adverse_events, attestations)
				values (:id, :inst, :name, :gender, :birth, cast(:roles as jsonb), :lnum, :lissued,
				  cast(:lscopes as jsonb), :clinical, cast(:titles as jsonb), cast(:specialties as jsonb),
				  cast(:trainings as jsonb), cast(:volumes as jsonb), cast(:events as jsonb), cast(:attestations as jsonb))
				""").paramSource(params(id, p)).update();
	}

	void update(UUID id, PersonDetails p) {
		this.jdbc.sql("""
				update personnel.person set institution_id = :inst, name = :name, gender = :gender,
				  birth_date = :birth, roles = cast(:roles as jsonb), licence_number = :lnum,
				  licence_issued_on = :lissued, licence_scopes = cast(:lscopes as jsonb), clinical_start = :clinical,
				  titles = cast(:titles as jsonb), specialties = cast(:specialties as jsonb),
				  trainings = cast(:trainings as jsonb), case_volumes = cast(:volumes as jsonb),
				  adverse_events = cast(:events as jsonb), attestations = cast(:attestations as jsonb),
				  version = version + 1, updated_at = now()
				where id = :id
				""").paramSource(params(id, p)).update();
	}

	long count() {
		return this.jdbc.sql("select count(*) from personnel.person").query(Long.class).single();
	}

	private Map<String, @Nullable Object> params(UUID id, PersonDetails p) {
		PhysicianLicence l = p.licence();
		Map<String, @Nullable Object> m = new HashMap<>();
		m.put("id", id);
		m.put("inst", p.institutionId());
		m.put("name", p.name().strip());
		m.put("gender", p.gender());
		m.put("birth", p.birthDate());
		m.put("roles", toJson(p.roles()));
		m.put("lnum", l == null ? null : l.number());
		m.put("lissued", l == null ? null : l.issuedOn());
		m.put("lscopes", l == null ? null : toJson(l.scopes()));
		m.put("clinical", p.clinicalStart());
		m.put("titles", toJson(p.titles()));
		m.put("specialties", toJson(p.specialties()));
		m.put("trainings", toJson(p.trainings()));
		m.put("volumes", toJson(p.caseVolumes()));
		m.put("events", toJson(p.adverseEvents()));
		m.put("attestations", toJson(p.attestations()));
		return m;
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	private <T> @Nullable T fromJson(@Nullable String value, TypeReference<T> type) {
		return value == null ? null : this.json.readValue(value, type);
	}

	private PersonDetails map(ResultSet rs, int row) throws SQLException {
		String number = rs.getString("licence_number");
		PhysicianLicence licence = number == null ? null
				: new PhysicianLicence(number, rs.getObject("licence_issued_on", LocalDate.class),
						fromJson(rs.getString("licence_scopes"), new TypeReference<List<String>>() {
						}));
		List<StaffRole> roles = fromJson(rs.getString("roles"), new TypeReference<List<StaffRole>>() {
		});
		return new PersonDetails(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("gender"),
				rs.getObject("birth_date", LocalDate.class), roles == null ? List.of() : roles,
				rs.getObject("institution_id", UUID.class), null, licence,
				fromJson(rs.getString("titles"), new TypeReference<List<TitleRecord>>() {
				}), rs.getObject("clinical_start", LocalDate.class),
				fromJson(rs.getString("specialties"), new TypeReference<List<Specialty>>() {
				}), fromJson(rs.getString("trainings"), new TypeReference<List<TrainingRecord>>() {
				}), fromJson(rs.getString("case_volumes"), new TypeReference<List<CaseVolume>>() {
				}), fromJson(rs.getString("adverse_events"), new TypeReference<List<AdverseEvent>>() {
				}), fromJson(rs.getString("attestations"), new TypeReference<List<Attestation>>() {
				}));
	}

}
