package cn.rtms.institutions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.identity.Confirmation;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persistence of institutions in schema {@code institutions}; value collections are JSONB
 * documents.
 */
@Repository
class Institutions {

	/**
	 * Each row as the JSON document of {@link InstitutionDetails}, so that one Jackson
	 * mapping serves single reads and province-wide loads (parsed in parallel).
	 */
	private static final String SELECT = """
			select jsonb_build_object('id', i.id, 'name', i.name, 'regionCode', i.region_code,
			  'regionName', r.name, 'level', i.level, 'type', i.type, 'specialty', i.specialty,
			  'licence', case when i.licence_number is null then null else jsonb_build_object(
			     'number', i.licence_number, 'issuedBy', i.licence_issued_by,
			     'issuerRegionCode', i.licence_issuer_region_code, 'validFrom', i.licence_valid_from,
			     'validUntil', i.licence_valid_until) end,
			  'registeredSubjects', i.registered_subjects, 'departments', i.departments,
			  'facilities', i.facilities, 'equipment', i.equipment, 'operatingRooms', i.operating_rooms,
			  'licences', i.licences, 'firstCases', i.first_cases,
			  'subTechniques', i.sub_techniques, 'caseVolumes', i.case_volumes,
			  'attestations', i.attestations, 'version', i.version)::text
			from institutions.institution i
			join institutions.region r on r.code = i.region_code
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Institutions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<InstitutionDetails> find(UUID id) {
		return this.jdbc.sql(SELECT + " where i.id = ?").param(id).query(String.class).optional().map(this::parse);
	}

	record Reference(String name, String regionCode) {
	}

	Optional<Reference> findReference(UUID id) {
		return this.jdbc.sql("select name, region_code from institutions.institution where id = ?")
			.param(id)
			.query((rs, n) -> new Reference(rs.getString(1), rs.getString(2)))
			.optional();
	}

	Optional<Integer> findVersion(UUID id) {
		return this.jdbc.sql("select version from institutions.institution where id = ?")
			.param(id)
			.query(Integer.class)
			.optional();
	}

	List<InstitutionDetails> findAll() {
		return this.jdbc.sql(SELECT + " order by i.region_code, i.name")
			.query(String.class)
			.list()
			.parallelStream()
			.map(this::parse)
			.toList();
	}

	List<InstitutionSummary> search(@Nullable String query, @Nullable String regionPrefix) {
		return this.jdbc
			.sql("""
					select i.id, i.name, i.region_code, r.name, i.level, i.type,
					       (select sum((d->>'beds')::bigint) from jsonb_array_elements(i.departments) d) as beds
					from institutions.institution i join institutions.region r on r.code = i.region_code
					where (cast(:q as text) is null or i.name like '%' || cast(:q as text) || '%')
					  and (cast(:region as text) is null or i.region_code like cast(:region as text) || '%'
					       or i.region_code in (select code from institutions.region where parent_code like cast(:region as text) || '%'))
					order by i.region_code, i.name
					""")
			.param("q", query)
			.param("region", regionPrefix)
			.query((rs, n) -> {
				InstitutionLevel level = InstitutionLevel.valueOf(rs.getString(5));
				InstitutionType type = InstitutionType.valueOf(rs.getString(6));
				Long beds = rs.getObject(7) == null ? null : rs.getLong(7);
				return new InstitutionSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getString(4), level, level.label(), type, type.label(), beds);
			})
			.list();
	}

	boolean nameTaken(String name, @Nullable UUID exceptId) {
		return this.jdbc.sql("select count(*) from institutions.institution where name = ? and id <> ?")
			.params(name, exceptId == null ? new UUID(0, 0) : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, InstitutionDetails d) {
		this.jdbc.sql("""
				insert into institutions.institution (id, name, region_code, level, type, specialty, licence_number,
				  licence_issued_by, licence_issuer_region_code, licence_valid_from, licence_valid_until,
				  registered_subjects, departments, facilities, equipment, operating_rooms, licences, first_cases,
				  sub_techniques, case_volumes, attestations)
				values (:id, :name, :region, :level, :type, :specialty, :lnum, :lby, :lregion, :lfrom, :luntil,
				  cast(:subjects as jsonb), cast(:departments as jsonb), cast(:facilities as jsonb),
				  cast(:equipment as jsonb), cast(:rooms as jsonb), cast(:licences as jsonb),
				  cast(:firstCases as jsonb), cast(:subTechniques as jsonb), cast(:volumes as jsonb),
				  '[]'::jsonb)
				""").paramSource(params(id, d)).update();
	}

	/**
	 * Replaces the record's facts (never its confirmations) when it is still at the
	 * version the edit is based on.
	 * @return false when the record is gone or at another version
	 */
	boolean update(UUID id, InstitutionDetails d, int baseVersion) {
		return this.jdbc.sql("""
				update institutions.institution set name = :name, region_code = :region, level = :level,
				  type = :type, specialty = :specialty, licence_number = :lnum, licence_issued_by = :lby,
				  licence_issuer_region_code = :lregion, licence_valid_from = :lfrom, licence_valid_until = :luntil,
				  registered_subjects = cast(:subjects as jsonb), departments = cast(:departments as jsonb),
				  facilities = cast(:facilities as jsonb), equipment = cast(:equipment as jsonb),
				  operating_rooms = cast(:rooms as jsonb), licences = cast(:licences as jsonb),
				  first_cases = cast(:firstCases as jsonb), sub_techniques = cast(:subTechniques as jsonb),
				  case_volumes = cast(:volumes as jsonb), version = version + 1, updated_at = now()
				where id = :id and version = :version
				""").paramSource(withVersion(params(id, d), baseVersion)).update() == 1;
	}

	/**
	 * Takes the institution's row lock until the transaction ends, so that a confirmation
	 * read, changed and written back in it cannot lose one made at the same time.
	 */
	void lockConfirmations(UUID id) {
		this.jdbc.sql("select 1 from institutions.institution where id = ? for no key update")
			.param(id)
			.query(Integer.class)
			.optional();
	}

	/**
	 * Replaces the clause confirmations; they are acts beside the record's facts, so the
	 * record's version stays.
	 */
	void saveAttestations(UUID id, List<Confirmation> attestations) {
		this.jdbc.sql("update institutions.institution set attestations = cast(:a as jsonb) where id = :id")
			.param("a", toJson(attestations))
			.param("id", id)
			.update();
	}

	long count() {
		return this.jdbc.sql("select count(*) from institutions.institution").query(Long.class).single();
	}

	private Map<String, @Nullable Object> params(UUID id, InstitutionDetails d) {
		PracticeLicence l = d.licence();
		java.util.HashMap<String, @Nullable Object> p = new java.util.HashMap<>();
		p.put("id", id);
		p.put("name", d.name().strip());
		p.put("region", d.regionCode());
		p.put("level", d.level().name());
		p.put("type", d.type().name());
		p.put("specialty", d.specialty());
		p.put("lnum", l == null ? null : l.number());
		p.put("lby", l == null ? null : l.issuedBy());
		p.put("lregion", l == null ? null : l.issuerRegionCode());
		p.put("lfrom", l == null ? null : l.validFrom());
		p.put("luntil", l == null ? null : l.validUntil());
		p.put("subjects", toJson(d.registeredSubjects()));
		p.put("departments", toJson(d.departments()));
		p.put("facilities", toJson(d.facilities()));
		p.put("equipment", toJson(d.equipment()));
		p.put("rooms", toJson(d.operatingRooms()));
		p.put("licences", toJson(d.licences()));
		p.put("firstCases", toJson(d.firstCases()));
		p.put("subTechniques", toJson(d.subTechniques()));
		p.put("volumes", toJson(d.caseVolumes()));
		return p;
	}

	private static Map<String, @Nullable Object> withVersion(Map<String, @Nullable Object> params, int version) {
		java.util.HashMap<String, @Nullable Object> p = new java.util.HashMap<>(params);
		p.put("version", version);
		return p;
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	private <T> @Nullable T fromJson(@Nullable String value, TypeReference<T> type) {
		return value == null ? null : this.json.readValue(value, type);
	}

	private InstitutionDetails parse(String document) {
		return this.json.readValue(document, InstitutionDetails.class);
	}

}
