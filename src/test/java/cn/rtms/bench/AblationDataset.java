package cn.rtms.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ablation case generator of the indicator benchmark and its correctness test
 * (docs/benchmark.md, "Indicator benchmark"): {@code hospitals} hospitals in Jilin's real
 * county-level regions (a third of them in 长春), six physicians each, and {@code n}
 * SUBMITTED G08 ablation cases (form G08-2023) operated from 1 January five years back up
 * to the day before {@code today} (five years and the months of the current one, so that
 * the 5-year follow-up horizon is reached for the earliest cases), loaded with PostgreSQL
 * {@code COPY} straight into the real tables {@code cases.case_report} and
 * {@code cases.follow_up} (no validation, for speed). Deterministic for the seed. Per
 * case:
 * <ul>
 * <li>hospital by a skewed weight (a few large centres, many small ones), operator and
 * department of that hospital; patient key (hash and pseudonym) — 12 % of cases are a
 * further ablation of an earlier patient of the same hospital; 2 % a second ablation in
 * the same admission (same 住院号 and dates: one discharge, two cases);</li>
 * <li>admission, operation 0–3 days later, discharge 1–14 days after (none for 0.5 %);
 * organ (liver 45 %, thyroid 20 %, lung 15 % …), pre-operative PTA 35–100 % (exactly 50 %
 * in 2 %, missing in 2 %), {@code organFunctionImpaired} (8 % true, 1 % missing),
 * Child-Pugh for the liver, ECOG 0–4, ASA Ⅰ–Ⅵ, lesions planned 0–5 and completed ≤
 * planned, the 1-month contrast imaging (COMPLETE / RESIDUAL / NOT_DONE / missing),
 * thyroid pathology and largest diameter (exactly 20.0 mm in 3 %);</li>
 * <li>complications in 9 %: {@code {name, onsetDate, grade, type, serious}} with onset
 * 0–45 days after the operation (so both sides of the 30-day boundary), a type of the G08
 * list or none, serious or not;</li>
 * <li>deaths in 1.5 % within 0–90 days of the operation (discharge status DEATH when
 * before discharge), AUTO_DISCHARGE_IRREVERSIBLE in 0.6 % (a quarter of them after a stay
 * of 31–60 days, not a 30-day death), other discharge statuses at random;</li>
 * <li>the seven follow-ups of the G08-2023 form (1 m, 3 m, 6 m, 1, 2, 3, 5 y) with their
 * due dates; those due are performed with a falling probability (90 % at 1 m to 55 % at 5
 * y), some late, one in twelve of them 失访 (LOST, not a completed follow-up); after a
 * death the remaining ones are cancelled.</li>
 * </ul>
 * Also 0.5 % drafts (not counted by any indicator).
 */
public final class AblationDataset {

	static final String[] ORGANS = { "LIVER", "LIVER", "LIVER", "LIVER", "LIVER", "LIVER", "LIVER", "LIVER", "LIVER",
			"THYROID", "THYROID", "THYROID", "THYROID", "LUNG", "LUNG", "LUNG", "KIDNEY", "BREAST", "BONE", "PANCREAS",
			"OTHER" };

	static final String[] TYPES = { "MAJOR_BLEEDING", "SEVERE_PNEUMOTHORAX", "ADJACENT_ORGAN_INJURY",
			"SEVERE_INFECTION", "OTHER" };

	static final String[] TYPE_NAMES = { "大量出血", "严重气胸", "邻近重要脏器损伤", "严重感染", "发热" };

	static final String[] DISCHARGE = { "ORDERED", "ORDERED", "ORDERED", "ORDERED", "ORDERED", "ORDERED", "ORDERED",
			"ORDERED", "TRANSFER_HOSPITAL", "TRANSFER_COMMUNITY", "AGAINST_ADVICE", "OTHER" };

	static final String[] ASA = { "I", "II", "II", "II", "III", "III", "IV", "V", "VI" };

	static final String[][] FOLLOW_UPS = { { "P1M", "术后1个月" }, { "P3M", "术后3个月" }, { "P6M", "术后6个月" },
			{ "P1Y", "术后1年" }, { "P2Y", "术后2年" }, { "P3Y", "术后3年" }, { "P5Y", "术后5年" } };

	static final int[] PERFORMED_PERCENT = { 90, 85, 80, 75, 68, 62, 55 };

	static final String[] DEPARTMENTS = { "肿瘤科", "介入科", "超声医学科", "普外科", "胸外科", "甲状腺外科" };

	/** What was generated: hospitals (ids, regions) and operators per hospital. */
	public record Generated(List<UUID> hospitals, List<String> regions, List<List<UUID>> operators, int cases,
			LocalDate from, LocalDate to) {
	}

	private AblationDataset() {
	}

	/**
	 * Inserts the hospitals and their physicians, then COPYs the cases and follow-ups.
	 * @param jdbc the application's database
	 * @param dataSource the same database, for COPY
	 * @param hospitals number of hospitals (~200 in the benchmark)
	 * @param n number of cases
	 * @param today the last day an operation may fall on is the day before
	 * @param seed the seed
	 * @return what was generated
	 */
	public static Generated generate(JdbcTemplate jdbc, DataSource dataSource, int hospitals, int n, LocalDate today,
			long seed) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> counties = jdbc.queryForList(
				"select code from institutions.region where level = 'COUNTY' and code like '22%' order by code",
				String.class);
		List<String> changchun = counties.stream().filter(c -> c.startsWith("2201")).toList();
		List<UUID> ids = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		List<List<UUID>> operators = new ArrayList<>();
		List<Object[]> institutionRows = new ArrayList<>();
		List<Object[]> personRows = new ArrayList<>();
		long tag = seed & 0xFFFFL;
		for (int h = 0; h < hospitals; h++) {
			UUID id = new UUID(0x1D0C_0000_0000_0000L | tag << 16, h);
			String region = h % 3 == 0 ? changchun.get(h / 3 % changchun.size()) : counties.get(h % counties.size());
			ids.add(id);
			regions.add(region);
			institutionRows.add(new Object[] { id, "消融基准医院" + tag + "-" + (h + 1) + "号", region,
					h % 7 == 0 ? "TERTIARY_A" : "SECONDARY_A", "GENERAL" });
			List<UUID> staff = new ArrayList<>();
			for (int p = 0; p < 6; p++) {
				UUID person = new UUID(0x1D0D_0000_0000_0000L | tag << 16, h * 6L + p);
				staff.add(person);
				personRows.add(new Object[] { person, id, "消融医师" + (h + 1) + "-" + (p + 1), "[\"PHYSICIAN\"]" });
			}
			operators.add(staff);
		}
		jdbc.batchUpdate(
				"insert into institutions.institution (id, name, region_code, level, type) values (?, ?, ?, ?, ?)",
				institutionRows);
		jdbc.batchUpdate(
				"insert into personnel.person (id, institution_id, name, roles) values (?, ?, ?, cast(? as jsonb))",
				personRows);

		// skewed hospital weights: cumulative distribution over 1/(rank+3)
		double[] cumulative = new double[hospitals];
		double sum = 0;
		for (int h = 0; h < hospitals; h++) {
			sum += 1.0 / (((h * 7919L) % hospitals) + 3);
			cumulative[h] = sum;
		}
		LocalDate from = LocalDate.of(today.getYear() - 5, 1, 1);
		int days = (int) (today.toEpochDay() - from.toEpochDay());
		Generator generator = new Generator(random, ids, regions, operators, cumulative, sum, from, days, today, tag);
		copy(dataSource, "copy cases.case_report (id, institution_id, institution_region_code, technology, form_key, "
				+ "status, medical_record_no, inpatient_no, patient_id_no_hash, patient_pseudonym, patient_sex, "
				+ "patient_birth_date, sub_technique, route, admission_date, operation_date, discharge_date, department, "
				+ "operator_id, informed_consent, complications, death_date, discharge_status, form_data, source, "
				+ "created_at, created_by, updated_at, submitted_at, submitted_by) from stdin",
				"copy cases.follow_up (id, case_id, institution_id, label, period, due_date, performed_on, method, "
						+ "vital_status, death_date, cancelled_on, cancel_reason) from stdin",
				generator, n);
		return new Generated(ids, regions, operators, n, from, today.minusDays(1));
	}

	/**
	 * The hospitals and physicians of an earlier {@link #generate} with the same seed,
	 * read back from the database (the benchmark's {@code reuse}).
	 */
	public static Generated existing(JdbcTemplate jdbc, int n, LocalDate today, long seed) {
		long tag = seed & 0xFFFFL;
		List<UUID> ids = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		jdbc.query("select id, region_code from institutions.institution where name like ? order by id", rs -> {
			ids.add(rs.getObject(1, UUID.class));
			regions.add(rs.getString(2));
		}, "消融基准医院" + tag + "-%");
		List<List<UUID>> operators = new ArrayList<>();
		for (UUID id : ids) {
			operators.add(jdbc.queryForList("select id from personnel.person where institution_id = ? order by id",
					UUID.class, id));
		}
		return new Generated(ids, regions, operators, n, LocalDate.of(today.getYear() - 5, 1, 1), today.minusDays(1));
	}

	/**
	 * COPYs the cases and their follow-ups in chunks of 20,000 cases, each chunk's cases
	 * before its follow-ups (which reference them), all in one transaction.
	 */
	private static void copy(DataSource dataSource, String caseCopy, String followUpCopy, Generator generator, int n)
			throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			org.postgresql.copy.CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder cases = new StringBuilder(1 << 24);
			StringBuilder followUps = new StringBuilder(1 << 25);
			for (int i = 0; i < n; i++) {
				generator.next(i, cases, followUps);
				if ((i + 1) % 20_000 == 0 || i == n - 1) {
					copy.copyIn(caseCopy, new StringReader(cases.toString()));
					copy.copyIn(followUpCopy, new StringReader(followUps.toString()));
					cases.setLength(0);
					followUps.setLength(0);
				}
			}
			connection.commit();
		}
	}

	/** One case at a time, written as COPY text rows. */
	private static final class Generator {

		private final SplittableRandom random;

		private final List<UUID> hospitals;

		private final List<String> regions;

		private final List<List<UUID>> operators;

		private final double[] cumulative;

		private final double total;

		private final LocalDate from;

		private final int days;

		private final LocalDate today;

		private final long tag;

		// per hospital, the last few patients (key, birth date, sex) for repeat ablations
		private final long[][] recentPatients;

		private int previousHospital = -1;

		private String previousInpatientNo;

		private LocalDate previousAdmission;

		private LocalDate previousDischarge;

		private LocalDate previousOperation;

		private long previousPatient;

		private String previousStatus;

		private LocalDate previousDeath;

		Generator(SplittableRandom random, List<UUID> hospitals, List<String> regions, List<List<UUID>> operators,
				double[] cumulative, double total, LocalDate from, int days, LocalDate today, long tag) {
			this.random = random;
			this.hospitals = hospitals;
			this.regions = regions;
			this.operators = operators;
			this.cumulative = cumulative;
			this.total = total;
			this.from = from;
			this.days = days;
			this.today = today;
			this.tag = tag;
			this.recentPatients = new long[hospitals.size()][8];
		}

		void next(int i, StringBuilder cases, StringBuilder followUps) {
			SplittableRandom r = this.random;
			boolean sameAdmission = this.previousHospital >= 0 && this.previousDischarge != null
					&& this.previousDeath == null && r.nextInt(100) < 2;
			int h = sameAdmission ? this.previousHospital : hospital(r.nextDouble() * this.total);
			UUID caseId = new UUID(0x1D0E_0000_0000_0000L | this.tag << 16, i);
			long patient;
			String inpatientNo;
			LocalDate admission;
			LocalDate operation;
			LocalDate discharge;
			String dischargeStatus;
			LocalDate death = null;
			boolean deathOnCase = true;
			if (sameAdmission) {
				// a second ablation in the same stay: same patient, admission and
				// discharge
				patient = this.previousPatient;
				inpatientNo = this.previousInpatientNo;
				admission = this.previousAdmission;
				discharge = this.previousDischarge;
				dischargeStatus = this.previousStatus;
				operation = this.previousOperation.plusDays(Math.min(1 + r.nextInt(3),
						(int) (discharge.toEpochDay() - this.previousOperation.toEpochDay())));
			}
			else {
				long[] recent = this.recentPatients[h];
				long earlier = recent[r.nextInt(recent.length)];
				patient = r.nextInt(100) < 12 && earlier != 0 ? earlier : i + 1L;
				inpatientNo = "ZY" + this.tag + "-" + i;
				operation = this.from.plusDays(r.nextInt(this.days));
				admission = operation.minusDays(r.nextInt(4));
				discharge = r.nextInt(200) == 0 ? null : operation.plusDays(1 + r.nextInt(14));
				dischargeStatus = discharge == null ? null : DISCHARGE[r.nextInt(DISCHARGE.length)];
				int fate = r.nextInt(1000);
				if (fate < 15) {
					death = operation.plusDays(r.nextInt(91));
					if (discharge != null && !death.isAfter(discharge)) {
						discharge = death;
						dischargeStatus = "DEATH";
					}
					else {
						// a death after discharge: on the case (amended) or only in a
						// follow-up
						deathOnCase = r.nextBoolean();
					}
				}
				else if (fate < 21 && discharge != null) {
					dischargeStatus = "AUTO_DISCHARGE_IRREVERSIBLE";
					if (r.nextInt(4) == 0) {
						// a long stay that ends in it: after day 30, not a 30-day death
						discharge = operation.plusDays(31 + r.nextInt(30));
					}
				}
				if (death != null && !death.isBefore(this.today)) {
					death = null;
					if ("DEATH".equals(dischargeStatus)) {
						dischargeStatus = "AUTO_DISCHARGE_IRREVERSIBLE";
					}
				}
				if (discharge != null && !discharge.isBefore(this.today)) {
					discharge = null;
					dischargeStatus = null;
				}
				if (death == null) {
					recent[r.nextInt(recent.length)] = patient;
				}
			}
			boolean draft = r.nextInt(200) == 0;
			String organ = ORGANS[r.nextInt(ORGANS.length)];
			List<UUID> staff = this.operators.get(h);
			String pseudonym = "P" + HexFormat.of().toHexDigits(patient * 0x9E3779B97F4A7C15L).substring(4);
			LocalDate birth = LocalDate.of(1940 + (int) (patient % 50), 1 + (int) (patient % 12),
					1 + (int) (patient % 28));
			String at = operation.plusDays(1) + " 09:00:00+08";

			StringBuilder b = cases;
			field(b, caseId);
			field(b, this.hospitals.get(h));
			field(b, this.regions.get(h));
			field(b, "G08");
			field(b, "G08-2023");
			field(b, draft ? "DRAFT" : "SUBMITTED");
			field(b, "BA" + this.tag + "-" + i);
			field(b, inpatientNo);
			field(b, hash(patient));
			field(b, pseudonym);
			field(b, patient % 2 == 0 ? "F" : "M");
			field(b, birth);
			field(b, r.nextInt(3) == 0 ? "MWA" : "RFA");
			field(b, "PERCUTANEOUS");
			field(b, admission);
			field(b, operation);
			field(b, discharge);
			field(b, "THYROID".equals(organ) ? "甲状腺外科" : DEPARTMENTS[r.nextInt(DEPARTMENTS.length - 1)]);
			field(b, staff.get(r.nextInt(staff.size())));
			field(b, "t");
			field(b, complications(r, operation));
			field(b, deathOnCase ? death : null);
			field(b, dischargeStatus);
			field(b, formData(r, organ));
			field(b, "IMPORT");
			field(b, at);
			field(b, staff.get(0));
			field(b, at);
			field(b, draft ? null : at);
			b.append(draft ? "\\N" : staff.get(0).toString()).append('\n');

			if (!draft) {
				followUps(r, caseId, h, operation, death, deathOnCase, followUps);
			}
			this.previousHospital = h;
			this.previousPatient = patient;
			this.previousInpatientNo = inpatientNo;
			this.previousAdmission = admission;
			this.previousOperation = operation;
			this.previousDischarge = discharge;
			this.previousStatus = dischargeStatus;
			this.previousDeath = death;
		}

		private void followUps(SplittableRandom r, UUID caseId, int h, LocalDate operation, LocalDate death,
				boolean deathOnCase, StringBuilder b) {
			boolean deathRecorded = false;
			for (int k = 0; k < FOLLOW_UPS.length; k++) {
				LocalDate due = operation.plus(Period.parse(FOLLOW_UPS[k][0]));
				LocalDate performed = null;
				LocalDate cancelled = null;
				LocalDate deathDate = null;
				String vital = null;
				if (death != null && death.isBefore(due)) {
					if (!deathOnCase && !deathRecorded) {
						// the death learnt at this follow-up (by phone, a few days after
						// it was due)
						performed = due.plusDays(r.nextInt(10));
						if (!performed.isBefore(this.today)) {
							performed = this.today.minusDays(1);
						}
						vital = "DEAD";
						deathDate = death;
						deathRecorded = true;
					}
					else {
						cancelled = death;
					}
				}
				else if (due.isBefore(this.today) && r.nextInt(100) < PERFORMED_PERCENT[k]) {
					performed = due.plusDays(r.nextInt(10) == 0 ? 30 + r.nextInt(90) : r.nextInt(-14, 30));
					if (!performed.isBefore(this.today)) {
						performed = this.today.minusDays(1);
					}
					if (performed.isBefore(operation)) {
						performed = operation;
					}
					// one in twelve attempts reaches nobody: 失访, not a completed
					// follow-up
					vital = (r.nextInt(12) == 0) ? "LOST" : "ALIVE";
				}
				field(b, new UUID(caseId.getMostSignificantBits() + 1, caseId.getLeastSignificantBits() * 8 + k));
				field(b, caseId);
				field(b, this.hospitals.get(h));
				field(b, FOLLOW_UPS[k][1]);
				field(b, FOLLOW_UPS[k][0]);
				field(b, due);
				field(b, performed);
				field(b, performed == null ? null : vital.equals("DEAD") || r.nextBoolean() ? "PHONE" : "OUTPATIENT");
				field(b, vital);
				field(b, deathDate);
				field(b, cancelled);
				b.append(cancelled == null ? "\\N" : "患者死亡").append('\n');
			}
		}

		private static String complications(SplittableRandom r, LocalDate operation) {
			if (r.nextInt(100) >= 9) {
				return "[]";
			}
			StringBuilder json = new StringBuilder("[");
			int count = r.nextInt(10) == 0 ? 2 : 1;
			for (int c = 0; c < count; c++) {
				int type = r.nextInt(TYPES.length + 1);
				boolean serious = r.nextInt(100) < 45;
				LocalDate onset = r.nextInt(20) == 0 ? null : operation.plusDays(r.nextInt(46));
				json.append(c == 0 ? "" : ",")
					.append("{\"name\":\"")
					.append(type < TYPES.length ? TYPE_NAMES[type] : "术后疼痛")
					.append("\",\"onsetDate\":")
					.append(onset == null ? "null" : "\"" + onset + "\"")
					.append(",\"grade\":\"")
					.append(serious ? (r.nextBoolean() ? "IIIa" : "IVa") : (r.nextBoolean() ? "I" : "II"))
					.append("\",\"type\":")
					.append(type < TYPES.length ? "\"" + TYPES[type] + "\"" : "null")
					.append(",\"serious\":")
					.append(serious)
					.append('}');
			}
			return json.append(']').toString();
		}

		private static String formData(SplittableRandom r, String organ) {
			StringBuilder json = new StringBuilder(256).append("{\"organ\":\"").append(organ).append('"');
			int pta = r.nextInt(100);
			if (pta >= 2) {
				json.append(",\"ptaPercent\":")
					.append(pta < 4 ? "50" : pta < 6 ? "50.5" : String.valueOf(35 + r.nextInt(66)));
			}
			int impaired = r.nextInt(100);
			if (impaired >= 1) {
				json.append(",\"organFunctionImpaired\":").append(impaired < 9);
			}
			if ("LIVER".equals(organ)) {
				int child = r.nextInt(10);
				json.append(",\"childPugh\":\"").append(child < 6 ? "A" : child < 9 ? "B" : "C").append('"');
			}
			int ecog = r.nextInt(20);
			json.append(",\"ecog\":").append(ecog < 9 ? 0 : ecog < 16 ? 1 : ecog < 18 ? 2 : 3 + r.nextInt(2));
			json.append(",\"asaClass\":\"").append(ASA[r.nextInt(ASA.length)]).append('"');
			int planned = r.nextInt(50) == 0 ? 0 : 1 + r.nextInt(r.nextInt(4) == 0 ? 5 : 2);
			int completed = planned == 0 ? 0 : r.nextInt(10) == 0 ? r.nextInt(planned) : planned;
			json.append(",\"lesionsPlanned\":").append(planned).append(",\"lesionsCompleted\":").append(completed);
			int imaging = r.nextInt(20);
			if (imaging < 18) {
				json.append(",\"contrastImaging1m\":\"")
					.append(imaging < 14 ? "COMPLETE" : imaging < 16 ? "RESIDUAL" : "NOT_DONE")
					.append('"');
			}
			if ("THYROID".equals(organ)) {
				json.append(",\"preOpPathology\":true");
				int pathology = r.nextInt(20);
				if (pathology < 19) {
					json.append(",\"thyroidPathology\":\"").append(pathology < 15 ? "BENIGN" : "MALIGNANT").append('"');
				}
				int size = r.nextInt(100);
				json.append(",\"thyroidLargestDiameterMm\":")
					.append(size < 3 ? "20.0" : size < 5 ? "19.9" : String.valueOf(5 + r.nextInt(36)));
			}
			return json.append('}').toString();
		}

		private int hospital(double x) {
			int lo = 0;
			int hi = this.cumulative.length - 1;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (this.cumulative[mid] < x) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			return lo;
		}

		private static String hash(long patient) {
			String hex = HexFormat.of().toHexDigits(patient * 0xD1B54A32D192ED03L + 17);
			return (hex + hex + hex + hex);
		}

		/** Appends a tab-terminated COPY text field ({@code \N} for null). */
		private static void field(StringBuilder b, Object value) {
			b.append(value == null ? "\\N" : value.toString()).append('\t');
		}

	}

}
