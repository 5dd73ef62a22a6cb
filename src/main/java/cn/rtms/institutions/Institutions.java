package cn.rtms.institutions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.rtms.institutions.InstitutionDetails.Attestation;
import cn.rtms.institutions.InstitutionDetails.CaseVolume;
import cn.rtms.institutions.InstitutionDetails.Department;
import cn.rtms.institutions.InstitutionDetails.Equipment;
import cn.rtms.institutions.InstitutionDetails.Facility;
import cn.rtms.institutions.InstitutionDetails.OperatingRoom;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.institutions.InstitutionDetails.PracticeLicence;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of institutions in schema {@code institutions}; value collections are JSONB documents. */
@Repository
class Institutions {

	private static final String SELECT = """
			select i.*, r.name as region_name from institutions.institution i
			join institutions.region r on r.code = i.region_code
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Institutions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<InstitutionDetails> find(UUID id) {
		return this.jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::map).optional();
	}

	List<InstitutionDetails> findAll() {
		return this.jdbc.sql(SELECT + " order by i.region_code, i.name").query(this::map).list();
	}

	List<InstitutionSummary> search(@Nullable String query, @Nullable String regionPrefix) {
		return this.jdbc.sql("""
				select i.id, i.name, i.region_code, r.name, i.level, i.type,
				       (select sum((d->>'beds')::int) from jsonb_array_elements(i.departments) d) as beds
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
				Integer beds = rs.getObject(7) == null ? null : rs.getInt(7);
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
				insert into institutions.institution (id, name, region_code, level, type, licence_number,
				  licence_issued_by, licence_issuer_region_code, licence_valid_from, licence_valid_until,
				  registered_subjects, departments, facilities, equipment, operating_rooms, licences, first_cases,
				  case_volumes, attestations)
				values (:id, :name, :region, :level, :type, :lnum, :lby, :lregion, :lfrom, :luntil,
				  cast(:subjects as jsonb), cast(:departments as jsonb), cast(:facilities as jsonb),
				  cast(:equipment as jsonb), cast(:rooms as jsonb), cast(:licences as jsonb),
				  cast(:firstCases as jsonb), cast(:volumes as jsonb), cast(:attestations as jsonb))
				""").paramSource(params(id, d)).update();
	}

	boolean update(UUID id, InstitutionDetails d) {
		return this.jdbc.sql("""
				update institutions.institution set name = :name, region_code = :region, level = :level,
				  type = :type, licence_number = :lnum, licence_issued_by = :lby,
				  licence_issuer_region_code = :lregion, licence_valid_from = :lfrom, licence_valid_until = :luntil,
				  registered_subjects = cast(:subjects as jsonb), departments = cast(:departments as jsonb),
				  facilities = cast(:facilities as jsonb), equipment = cast(:equipment as jsonb),
				  operating_rooms = cast(:rooms as jsonb), licences = cast(:licences as jsonb),
				  first_cases = cast(:firstCases as jsonb), case_volumes = cast(:volumes as jsonb),
				  attestations = cast(:attestations as jsonb), version = version + 1, updated_at = now()
				where id = :id
				""").paramSource(params(id, d)).update() == 1;
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
		p.put("volumes", toJson(d.caseVolumes()));
		p.put("attestations", toJson(d.attestations()));
		return p;
	}

	private @Nullable String toJson(@Nullable Object value) {
		return value == null ? null : this.json.writeValueAsString(value);
	}

	private <T> @Nullable T fromJson(@Nullable String value, TypeReference<T> type) {
		return value == null ? null : this.json.readValue(value, type);
	}

	private InstitutionDetails map(ResultSet rs, int row) throws SQLException {
		String licenceNumber = rs.getString("licence_number");
		PracticeLicence licence = licenceNumber == null ? null
				: new PracticeLicence(licenceNumber, rs.getString("licence_issued_by"),
						rs.getString("licence_issuer_region_code"), rs.getObject("licence_valid_from", LocalDate.class),
						rs.getObject("licence_valid_until", LocalDate.class));
		return new InstitutionDetails(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getString("region_code"), rs.getString("region_name"),
				InstitutionLevel.valueOf(rs.getString("level")), InstitutionType.valueOf(rs.getString("type")), licence,
				fromJson(rs.getString("registered_subjects"), new TypeReference<List<String>>() {
				}), fromJson(rs.getString("departments"), new TypeReference<List<Department>>() {
				}), fromJson(rs.getString("facilities"), new TypeReference<List<Facility>>() {
				}), fromJson(rs.getString("equipment"), new TypeReference<List<Equipment>>() {
				}), fromJson(rs.getString("operating_rooms"), new TypeReference<List<OperatingRoom>>() {
				}), fromJson(rs.getString("licences"), new TypeReference<List<OtherLicence>>() {
				}), fromJson(rs.getString("first_cases"), new TypeReference<Map<String, LocalDate>>() {
				}), fromJson(rs.getString("case_volumes"), new TypeReference<List<CaseVolume>>() {
				}), fromJson(rs.getString("attestations"), new TypeReference<List<Attestation>>() {
				}));
	}

}
