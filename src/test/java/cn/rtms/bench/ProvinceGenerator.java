package cn.rtms.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import cn.rtms.identity.Confirmation;
import cn.rtms.institutions.InstitutionDetails.CaseVolume;
import cn.rtms.institutions.InstitutionDetails.Department;
import cn.rtms.institutions.InstitutionDetails.Equipment;
import cn.rtms.institutions.InstitutionDetails.Facility;
import cn.rtms.institutions.InstitutionDetails.OperatingRoom;
import cn.rtms.institutions.InstitutionDetails.OtherLicence;
import cn.rtms.personnel.PersonDetails;
import cn.rtms.personnel.Title;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a synthetic province straight into the institutions and personnel tables
 * (bypassing validation, for speed): {@code institutions} hospitals spread over the
 * county-level regions, and {@code people} staff with title histories, trainings and
 * yearly case volumes. Deterministic for a given seed. Documented in docs/benchmark.md.
 */
final class ProvinceGenerator {

	private static final String[] TECHNOLOGIES = { "G07", "G08", "G10", "S01", "S02", "S03", "S04", "S05" };

	private static final String[] LEVELS = { "TERTIARY_A", "TERTIARY_B", "TERTIARY", "SECONDARY_A", "SECONDARY_B",
			"SECONDARY", "PRIMARY" };

	private static final String[] SUBJECTS = { "内科", "外科", "肿瘤科", "医学影像科", "麻醉科", "口腔科", "皮肤科", "烧伤科", "整形外科", "神经外科",
			"病理科", "重症医学科" };

	private static final String[] EQUIPMENT = { "CT", "MRI", "ULTRASOUND", "DSA", "ENDOSCOPE", "TPS",
			"HYPERTHERMIA_DEEP", "HYPERTHERMIA_WHOLE_BODY", "TEMPERATURE_MONITOR", "MONITOR" };

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Random random;

	ProvinceGenerator(JdbcTemplate jdbc, long seed) {
		this.jdbc = jdbc;
		this.random = new Random(seed);
	}

	void generate(int institutions, int people) {
		List<String> counties = this.jdbc.queryForList(
				"select code from institutions.region where level = 'COUNTY' and code like '22%' order by code",
				String.class);
		List<UUID> ids = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < institutions; i++) {
			UUID id = new UUID(1, i);
			ids.add(id);
			String region = counties.get(i % counties.size());
			String level = LEVELS[this.random.nextInt(LEVELS.length)];
			rows.add(new Object[] { id, "基准医院" + (i + 1) + "号", region, level,
					this.random.nextInt(5) == 0 ? "SPECIALTY" : "GENERAL",
					json(pick(SUBJECTS, 3 + this.random.nextInt(8))), json(departments()), json(facilities()),
					json(equipment()), json(rooms()), json(licences()), json(firstCases()), json(institutionVolumes()),
					json(attestations()) });
		}
		this.jdbc.batchUpdate(
				"""
						insert into institutions.institution (id, name, region_code, level, type, registered_subjects,
						  departments, facilities, equipment, operating_rooms, licences, first_cases, case_volumes, attestations)
						values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb),
						  cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))
						""",
				rows);
		rows.clear();
		for (int p = 0; p < people; p++) {
			rows.add(person(p, ids.get(p % ids.size())));
			if (rows.size() == 5000) {
				insertPeople(rows);
				rows.clear();
			}
		}
		insertPeople(rows);
	}

	private void insertPeople(List<Object[]> rows) {
		this.jdbc.batchUpdate("""
				insert into personnel.person (id, institution_id, name, roles, licence_number, licence_issued_on,
				  licence_scopes, licence_registered_institution_id, clinical_start, titles, specialties, trainings,
				  case_volumes, adverse_events)
				values (?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb), cast(? as jsonb),
				  cast(? as jsonb), cast(? as jsonb), cast(? as jsonb))
				""", rows);
	}

	private Object[] person(int index, UUID institution) {
		int roll = this.random.nextInt(100);
		String role = roll < 80 ? "PHYSICIAN" : roll < 88 ? "NURSE" : roll < 94 ? "PHYSICIST" : "TECHNICIAN";
		LocalDate start = LocalDate.of(1990 + this.random.nextInt(30), 1 + this.random.nextInt(12), 1);
		List<PersonDetails.TitleRecord> titles = new ArrayList<>();
		LocalDate since = start.plusMonths(this.random.nextInt(12));
		for (Title title : Title.values()) {
			if (since.isAfter(LocalDate.of(2026, 6, 1)) || (title != Title.RESIDENT && this.random.nextInt(3) == 0)) {
				break;
			}
			titles.add(new PersonDetails.TitleRecord(title, since));
			since = since.plusYears(4 + this.random.nextInt(5)).plusMonths(this.random.nextInt(12));
		}
		List<PersonDetails.CaseVolume> volumes = new ArrayList<>();
		List<PersonDetails.TrainingRecord> trainings = new ArrayList<>();
		for (String technology : pick(TECHNOLOGIES, this.random.nextInt(3))) {
			int base = 20 + this.random.nextInt(150);
			for (int year = 2017; year <= 2025; year++) {
				volumes.add(new PersonDetails.CaseVolume(technology, year,
						Math.max(0, base + this.random.nextInt(41) - 20), null));
			}
			LocalDate trained = start.plusYears(3 + this.random.nextInt(6));
			trainings.add(new PersonDetails.TrainingRecord(technology, "省级培训基地", true, false, trained,
					trained.plusMonths(3 + this.random.nextInt(6)), 20 + this.random.nextInt(50),
					15 + this.random.nextInt(30), 15 + this.random.nextInt(30), 20 + this.random.nextInt(40),
					this.random.nextInt(10) > 0));
		}
		List<PersonDetails.AdverseEvent> events = this.random.nextInt(50) == 0
				? List.of(new PersonDetails.AdverseEvent(TECHNOLOGIES[this.random.nextInt(TECHNOLOGIES.length)],
						LocalDate.of(2020 + this.random.nextInt(5), 3, 1), true, "术后严重并发症"))
				: List.of();
		return new Object[] { new UUID(2, index), institution, "医师" + index, json(List.of(role)),
				String.format("%015d", 220000000000000L + index), Date.valueOf(start),
				json(List.of(role.equals("PHYSICIAN") ? "外科专业" : "医学影像和放射治疗专业")), institution, Date.valueOf(start),
				json(titles), json(List.of(new PersonDetails.Specialty("肿瘤", start))), json(trainings), json(volumes),
				json(events) };
	}

	private List<Department> departments() {
		List<Department> departments = new ArrayList<>();
		for (String subject : pick(SUBJECTS, 2 + this.random.nextInt(6))) {
			departments.add(new Department(subject, List.of(subject), 10 + this.random.nextInt(80), null, null, null));
		}
		return departments;
	}

	private List<Facility> facilities() {
		List<Facility> facilities = new ArrayList<>();
		for (String kind : pick(new String[] { "PACU", "ICU", "IMAGING_GUIDED_ROOM", "SEED_STORAGE", "EMERGENCY_KIT",
				"PACS", "TREATMENT_ROOM", "OPERATING_ROOM" }, 2 + this.random.nextInt(6))) {
			facilities.add(new Facility(kind, 1 + this.random.nextInt(3), this.random.nextInt(20)));
		}
		return facilities;
	}

	private List<Equipment> equipment() {
		return pick(EQUIPMENT, 2 + this.random.nextInt(7)).stream()
			.map(kind -> new Equipment(kind, 1 + this.random.nextInt(3), null))
			.toList();
	}

	private List<OperatingRoom> rooms() {
		String[] grades = { "I", "II", "III", "IV" };
		List<OperatingRoom> rooms = new ArrayList<>();
		for (int i = 0; i < 1 + this.random.nextInt(8); i++) {
			rooms.add(new OperatingRoom(i + 1 + "号手术间", grades[this.random.nextInt(grades.length)]));
		}
		return rooms;
	}

	private List<OtherLicence> licences() {
		List<OtherLicence> licences = new ArrayList<>();
		for (String kind : pick(new String[] { "RADIOLOGY", "RADIATION_SAFETY" }, this.random.nextInt(3))) {
			LocalDate from = LocalDate.of(2019 + this.random.nextInt(6), 1, 1);
			licences.add(new OtherLicence(kind, "许可" + this.random.nextInt(100000), from, from.plusYears(5)));
		}
		return licences;
	}

	private Map<String, LocalDate> firstCases() {
		Map<String, LocalDate> first = new TreeMap<>();
		for (String technology : pick(TECHNOLOGIES, this.random.nextInt(4))) {
			first.put(technology, LocalDate.of(2005 + this.random.nextInt(20), 1 + this.random.nextInt(12), 1));
		}
		return first;
	}

	private List<CaseVolume> institutionVolumes() {
		List<CaseVolume> volumes = new ArrayList<>();
		for (String technology : pick(TECHNOLOGIES, this.random.nextInt(4))) {
			for (int year = 2017; year <= 2025; year++) {
				volumes.add(new CaseVolume(technology, null, year, this.random.nextInt(800), null));
			}
		}
		return volumes;
	}

	private List<Confirmation> attestations() {
		return this.random.nextBoolean() ? List.of() : List.of(Confirmation.imported("G08/2022 一(一)", "自评材料",
				LocalDate.of(2025, 1, 1), java.time.Instant.parse("2025-01-01T00:00:00Z")));
	}

	private List<String> pick(String[] values, int count) {
		List<String> pool = new ArrayList<>(List.of(values));
		List<String> picked = new ArrayList<>();
		for (int i = 0; i < Math.min(count, values.length); i++) {
			picked.add(pool.remove(this.random.nextInt(pool.size())));
		}
		return picked;
	}

	private String json(Object value) {
		return this.json.writeValueAsString(value);
	}

}
