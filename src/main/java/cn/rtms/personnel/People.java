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
import cn.rtms.identity.Confirmation;
import cn.rtms.personnel.PersonDetails.CaseVolume;
import cn.rtms.personnel.PersonDetails.OperatorVolume;
import cn.rtms.personnel.PersonDetails.PhysicianLicence;
import cn.rtms.personnel.PersonDetails.Specialty;
import cn.rtms.personnel.PersonDetails.TitleRecord;
import cn.rtms.personnel.PersonDetails.TrainingRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persistence of people in schema {@code personnel}; dated histories are JSONB documents.
 */
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

	List<PersonDetails> findByRegisteredInstitution(UUID institutionId) {
		return this.jdbc.sql("select * from personnel.person where licence_registered_institution_id = ? order by name")
			.param(institutionId)
			.query(this::map)
			.list();
	}

	/**
	 * A digest of who works at an institution and each one's revision: it changes when a
	 * person there is added, edited, moved away or deleted.
	 */
	String staffRevision(UUID institutionId) {
		return this.jdbc.sql("""
				select coalesce(md5(string_agg(id::text || ':' || version, ',' order by id)), '')
				from personnel.person where institution_id = ?
				""").param(institutionId).query(String.class).single();
	}

	/**
	 * Reads everyone. Rows are fetched as text first and their JSONB documents parsed in
	 * parallel: parsing, not the database, dominates a province-wide load
	 * (docs/benchmark.md).
	 */
	List<PersonDetails> findAll() {
		List<RawPerson> rows = this.jdbc.sql("select * from personnel.person order by institution_id, name")
			.query(RawPerson::read)
			.list();
		return rows.parallelStream().map(this::toDetails).toList();
	}

	private record RawPerson(UUID id, @Nullable String name, @Nullable String gender, @Nullable LocalDate birthDate,
			@Nullable String roles, @Nullable UUID institutionId, @Nullable String licenceNumber,
			@Nullable LocalDate licenceIssuedOn, @Nullable String licenceScopes,
			@Nullable UUID licenceRegisteredInstitutionId, @Nullable String licenceRegisteredInstitution,
			@Nullable String titles, @Nullable LocalDate clinicalStart, @Nullable String specialties,
			@Nullable String trainings, @Nullable String caseVolumes, @Nullable String adverseEvents,
			@Nullable String attestations, @Nullable String operatorVolumes, int version) {

		static RawPerson read(ResultSet rs, int row) throws SQLException {
			return new RawPerson(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("gender"),
					rs.getObject("birth_date", LocalDate.class), rs.getString("roles"),
					rs.getObject("institution_id", UUID.class), rs.getString("licence_number"),
					rs.getObject("licence_issued_on", LocalDate.class), rs.getString("licence_scopes"),
					rs.getObject("licence_registered_institution_id", UUID.class),
					rs.getString("licence_registered_institution"), rs.getString("titles"),
					rs.getObject("clinical_start", LocalDate.class), rs.getString("specialties"),
					rs.getString("trainings"), rs.getString("case_volumes"), rs.getString("adverse_events"),
					rs.getString("attestations"), rs.getString("operator_volumes"), rs.getInt("version"));
		}

	}

	List<PersonDetails> search(@Nullable UUID institutionId, @Nullable List<UUID> institutionIds,
			@Nullable String query, @Nullable StaffRole role) {
		return this.jdbc.sql("""
				select * from personnel.person
				where (cast(:inst as uuid) is null or institution_id = cast(:inst as uuid))
				  and (cast(:scoped as boolean) = false or institution_id = any(cast(:scope as uuid[])))
				  and (cast(:q as text) is null or name like '%' || cast(:q as text) || '%')
				  and (cast(:role as text) is null or roles @> jsonb_build_array(cast(:role as text)))
				order by name limit 1000
				""")
			.param("inst", institutionId)
			.param("scoped", institutionIds != null)
			.param("scope",
					institutionIds == null ? "{}"
							: "{" + String.join(",", institutionIds.stream().map(UUID::toString).toList()) + "}")
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
		this.jdbc
			.sql("""
					insert into personnel.person (id, institution_id, name, gender, birth_date, roles, licence_number,
					  licence_issued_on, licence_scopes, licence_registered_institution_id, licence_registered_institution,
					  clinical_start, titles, specialties, trainings, case_volumes, adverse_events, attestations,
					  operator_volumes)
					values (:id, :inst, :name, :gender, :birth, cast(:roles as jsonb), :lnum, :lissued,
					  cast(:lscopes as jsonb), :lreginst, :lregname, :clinical, cast(:titles as jsonb), cast(:specialties as jsonb),
					  cast(:trainings as jsonb), cast(:volumes as jsonb), cast(:events as jsonb), '[]'::jsonb,
					  cast(:operator as jsonb))
					""")
			.paramSource(params(id, p))
			.update();
	}

	/**
	 * Replaces the record's facts (never its confirmations) when it is still at the
	 * version the edit is based on.
	 * @return false when the record is gone or at another version
	 */
	boolean update(UUID id, PersonDetails p, int baseVersion) {
		Map<String, @Nullable Object> params = params(id, p);
		params.put("version", baseVersion);
		return this.jdbc.sql("""
				update personnel.person set institution_id = :inst, name = :name, gender = :gender,
				  birth_date = :birth, roles = cast(:roles as jsonb), licence_number = :lnum,
				  licence_issued_on = :lissued, licence_scopes = cast(:lscopes as jsonb),
				  licence_registered_institution_id = :lreginst, licence_registered_institution = :lregname,
				  clinical_start = :clinical,
				  titles = cast(:titles as jsonb), specialties = cast(:specialties as jsonb),
				  trainings = cast(:trainings as jsonb), case_volumes = cast(:volumes as jsonb),
				  adverse_events = cast(:events as jsonb),
				  operator_volumes = cast(:operator as jsonb),
				  version = version + 1, updated_at = now()
				where id = :id and version = :version
				""").paramSource(params).update() == 1;
	}

	/**
	 * Takes the person's row lock until the transaction ends, so that a confirmation
	 * read, changed and written back in it cannot lose one made at the same time.
	 */
	void lockConfirmations(UUID id) {
		this.jdbc.sql("select 1 from personnel.person where id = ? for no key update")
			.param(id)
			.query(Integer.class)
			.optional();
	}

	/**
	 * Replaces the clause confirmations; they are acts beside the record's facts, so the
	 * record's version stays.
	 */
	void saveAttestations(UUID id, List<Confirmation> attestations) {
		this.jdbc.sql("update personnel.person set attestations = cast(:a as jsonb) where id = :id")
			.param("a", toJson(attestations))
			.param("id", id)
			.update();
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
		UUID registeredId = l == null ? null : l.registeredInstitutionId();
		String registeredName = l == null ? null : l.registeredInstitution();
		m.put("lreginst", registeredId);
		m.put("lregname", registeredId != null || registeredName == null || registeredName.isBlank() ? null
				: registeredName.strip());
		m.put("clinical", p.clinicalStart());
		m.put("titles", toJson(p.titles()));
		m.put("specialties", toJson(p.specialties()));
		m.put("trainings", toJson(p.trainings()));
		m.put("volumes", toJson(p.caseVolumes()));
		m.put("events", toJson(p.adverseEvents()));
		m.put("operator", toJson(p.operatorVolumes()));
		return m;
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	private <T> @Nullable T fromJson(@Nullable String value, TypeReference<T> type) {
		return value == null ? null : this.json.readValue(value, type);
	}

	private PersonDetails map(ResultSet rs, int row) throws SQLException {
		return toDetails(RawPerson.read(rs, row));
	}

	private PersonDetails toDetails(RawPerson r) {
		String number = r.licenceNumber();
		PhysicianLicence licence = number == null ? null
				: new PhysicianLicence(number, r.licenceIssuedOn(), fromJson(r.licenceScopes(), STRINGS),
						r.licenceRegisteredInstitutionId(), r.licenceRegisteredInstitution());
		List<StaffRole> roles = fromJson(r.roles(), ROLES);
		return new PersonDetails(r.id(), r.name(), r.gender(), r.birthDate(), roles == null ? List.of() : roles,
				r.institutionId(), null, licence, fromJson(r.titles(), TITLES), r.clinicalStart(),
				fromJson(r.specialties(), SPECIALTIES), fromJson(r.trainings(), TRAININGS),
				fromJson(r.caseVolumes(), VOLUMES), fromJson(r.adverseEvents(), EVENTS),
				fromJson(r.attestations(), ATTESTATIONS), fromJson(r.operatorVolumes(), OPERATOR_VOLUMES), r.version());
	}

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<StaffRole>> ROLES = new TypeReference<>() {
	};

	private static final TypeReference<List<TitleRecord>> TITLES = new TypeReference<>() {
	};

	private static final TypeReference<List<Specialty>> SPECIALTIES = new TypeReference<>() {
	};

	private static final TypeReference<List<TrainingRecord>> TRAININGS = new TypeReference<>() {
	};

	private static final TypeReference<List<CaseVolume>> VOLUMES = new TypeReference<>() {
	};

	private static final TypeReference<List<AdverseEvent>> EVENTS = new TypeReference<>() {
	};

	private static final TypeReference<List<Confirmation>> ATTESTATIONS = new TypeReference<>() {
	};

	private static final TypeReference<List<OperatorVolume>> OPERATOR_VOLUMES = new TypeReference<>() {
	};

}
