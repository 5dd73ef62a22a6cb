package cn.rtms.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;

import cn.rtms.cases.CaseForms;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.Complication;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.PatientInput;
import org.jspecify.annotations.Nullable;

/**
 * The demo's case reports: three years of realistic, deterministic cases of one hospital
 * and technology (docs/demo-data.md, "Demo cases"). Monthly volumes follow a seasonal
 * curve (fewer around the Spring Festival, National Day and in summer), the last twelve
 * months at {@link Plan#recentMonthly()} a month and the two years before at
 * {@link Plan#earlierMonthly()}. Each case has a patient with a GB 11643 ID number whose
 * birth date and sex match, a procedure code from the spec's code list with its
 * sub-technique, organ and route, a length of stay of a few days, every required field of
 * the technology's form, complications in about 3 % and a death in about 0.2 % of cases,
 * and for ablations in about 40 % a single-use device with a GS1 barcode (GTIN, expiry,
 * lot, serial). The same plan, seed and day give the same cases.
 */
final class DemoCaseGenerator {

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
			"何", "郭", "马", "罗", "金", "崔", "于", "董", "姜", "孟", "曲", "宋", "韩", "邢" };

	static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
			"明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "淑珍", "玉梅", "海燕", "国庆", "春生", "凤芝", "长海", "玉兰", "宝山", "淑琴",
			"振东", "丽华", "文革", "红梅", "立新" };

	/** Seasonal factors January–December. */
	static final double[] SEASON = { 0.95, 0.70, 1.10, 1.08, 1.05, 1.02, 0.95, 0.95, 1.05, 0.90, 1.10, 1.05 };

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	/**
	 * What to generate for one hospital and technology.
	 *
	 * @param prefix 病案号 prefix (unique per plan)
	 * @param institutionId the hospital
	 * @param technology G07, G08 or G10
	 * @param operators physicians who operate (granted)
	 * @param assistants people who may assist
	 * @param departments departments of the hospital doing the technology
	 * @param districts GB/T 2260 county codes where the patients live
	 * @param recentMonthly cases a month (before seasonality) in the last 12 months
	 * @param earlierMonthly cases a month in the 24 months before
	 * @param seed random seed
	 */
	record Plan(String prefix, UUID institutionId, String technology, List<UUID> operators, List<UUID> assistants,
			List<String> departments, List<String> districts, int recentMonthly, int earlierMonthly, long seed,
			Quality quality) {

		Plan(String prefix, UUID institutionId, String technology, List<UUID> operators, List<UUID> assistants,
				List<String> departments, List<String> districts, int recentMonthly, int earlierMonthly, long seed) {
			this(prefix, institutionId, technology, operators, assistants, departments, districts, recentMonthly,
					earlierMonthly, seed, Quality.STANDARD);
		}

	}

	/**
	 * How a hospital's cases fare on the quality-control indicators, so that the
	 * indicators differ between hospitals (docs/demo-data.md, "Indicator realism").
	 *
	 * @param offIndicationPerMille ablations per thousand failing one of the four
	 * indication criteria of G08-2023 一（七）注1 (PTA ≤ 50 %, organ function impaired, ECOG ≥
	 * 2, ASA Ⅳ)
	 * @param incompletePercent multi-lesion ablations per hundred with a lesion not
	 * completed
	 * @param imagingCompletePercent ablations per hundred whose 1-month contrast imaging
	 * shows complete ablation
	 * @param complicationPercent cases per hundred with a complication
	 * @param doseVerificationPercent seed implantations per hundred with the
	 * post-operative dose verified (G07 三(二) requires more than 80)
	 * @param thyroidBenignPercent thyroid ablations per hundred of benign nodules
	 * @param thyroidMeanMm mean largest diameter of thyroid nodules, in mm
	 */
	record Quality(int offIndicationPerMille, int incompletePercent, int imagingCompletePercent,
			int complicationPercent, int doseVerificationPercent, int thyroidBenignPercent, double thyroidMeanMm) {

		/** A hospital doing well. */
		static final Quality STANDARD = new Quality(40, 3, 94, 3, 94, 82, 19.0);

	}

	/** A procedure of the spec's code list and what it implies. */
	record Procedure(String code, @Nullable String subTechnique, String organ, String route) {
	}

	private final Plan plan;

	private final LocalDate today;

	private final BiFunction<String, LocalDate, List<CaseForms.CodeName>> codeList;

	private final SplittableRandom random;

	private final Map<String, List<Procedure>> procedures = new HashMap<>();

	private int sequence;

	/**
	 * @param plan what to generate
	 * @param today the day of the first start
	 * @param codeList the spec's code list of a technology on a day
	 */
	DemoCaseGenerator(Plan plan, LocalDate today, BiFunction<String, LocalDate, List<CaseForms.CodeName>> codeList) {
		this.plan = plan;
		this.today = today;
		this.codeList = codeList;
		this.random = new SplittableRandom(plan.seed());
	}

	/**
	 * @return the first operation day a demo case may have: three years before today,
	 * plus one
	 */
	static LocalDate firstDay(LocalDate today) {
		return today.minusYears(3).plusDays(1);
	}

	/**
	 * @return the last operation day a generated case may have (discharged by today)
	 */
	static LocalDate lastDay(LocalDate today) {
		return today.minusDays(12);
	}

	/**
	 * @param month a month of the three years
	 * @return how many cases the plan has in it (whole months; the first and last scaled
	 * by the share of their days inside the three years)
	 */
	int casesIn(YearMonth month) {
		LocalDate first = firstDay(this.today);
		LocalDate last = lastDay(this.today);
		LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
		LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
		if (to.isBefore(from)) {
			return 0;
		}
		boolean recent = !month.atEndOfMonth().isBefore(this.today.minusYears(1));
		double base = recent ? this.plan.recentMonthly() : this.plan.earlierMonthly();
		double share = (double) (to.toEpochDay() - from.toEpochDay() + 1) / month.lengthOfMonth();
		return (int) Math.round(base * SEASON[month.getMonthValue() - 1] * share);
	}

	/**
	 * @return every case of the plan over the three years, oldest first
	 */
	List<CaseInput> generate() {
		List<CaseInput> cases = new ArrayList<>();
		LocalDate first = firstDay(this.today);
		LocalDate last = lastDay(this.today);
		for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month
			.plusMonths(1)) {
			LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
			LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
			int n = casesIn(month);
			List<LocalDate> days = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				days.add(from.plusDays(this.random.nextInt((int) (to.toEpochDay() - from.toEpochDay() + 1))));
			}
			days.sort(null);
			for (LocalDate day : days) {
				cases.add(next(day, this.plan.operators().get(this.random.nextInt(this.plan.operators().size()))));
			}
		}
		return cases;
	}

	/**
	 * @param operation the operation day
	 * @param operatorId the operator
	 * @return the next case of the plan, an ordinary one
	 */
	CaseInput next(LocalDate operation, UUID operatorId) {
		this.sequence++;
		String medicalRecordNo = this.plan.prefix() + operation.getYear() % 100 + String.format("%05d", this.sequence);
		String inpatientNo = "ZY" + operation.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%04d", this.sequence % 10_000);
		return build(medicalRecordNo, inpatientNo, operation, operatorId, null, null, null, null);
	}

	/**
	 * A case with given identity and procedure (the demo cases behind the rows of
	 * docs/demo-discharge-records.csv).
	 */
	CaseInput matching(String medicalRecordNo, String inpatientNo, LocalDate admission, LocalDate operation,
			LocalDate discharge, String department, String code, UUID operatorId) {
		this.sequence++;
		return build(medicalRecordNo, inpatientNo, operation, operatorId, code, admission, discharge, department);
	}

	private CaseInput build(String medicalRecordNo, String inpatientNo, LocalDate operation, UUID operatorId,
			@Nullable String code, @Nullable LocalDate admissionDay, @Nullable LocalDate dischargeDay,
			@Nullable String department) {
		SplittableRandom r = this.random;
		Procedure procedure = (code != null) ? procedure(operation, code) : pickProcedure(operation);
		boolean female = switch (procedure.organ()) {
			case "THYROID" -> r.nextInt(100) < 76;
			case "BREAST" -> true;
			case "LIVER", "PANCREAS" -> r.nextInt(100) < 30;
			default -> r.nextBoolean();
		};
		if ("60.9900x001".equals(procedure.code())) {
			female = false;
		}
		int age = "THYROID".equals(procedure.organ()) ? 24 + r.nextInt(42) : 38 + r.nextInt(46);
		LocalDate birth = operation.minusYears(age).minusDays(r.nextInt(365));
		String district = this.plan.districts().get(r.nextInt(this.plan.districts().size()));
		String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
		String phone = "1" + "3578".charAt(r.nextInt(4)) + String.format("%09d", r.nextInt(1_000_000_000));
		PatientInput patient = new PatientInput(name, idNumber(district, birth, r.nextInt(500), !female), phone,
				female ? "F" : "M", birth);
		boolean heavy = procedure.organ().equals("PANCREAS") || procedure.organ().equals("LIVER")
				|| !"PERCUTANEOUS".equals(procedure.route()) && this.plan.technology().equals("G08");
		LocalDate admission = (admissionDay != null) ? admissionDay : operation.minusDays(1 + r.nextInt(3));
		LocalDate discharge = (dischargeDay != null) ? dischargeDay
				: operation.plusDays(heavy ? 4 + r.nextInt(9) : 2 + r.nextInt(5));
		List<Complication> complications = new ArrayList<>();
		LocalDate deathDate = null;
		String status = dischargeStatus(r.nextInt(1000));
		if (code == null && r.nextInt(1000) < 2) {
			deathDate = operation.plusDays(2 + r.nextInt(8));
			discharge = deathDate;
			status = "DEATH";
			complications.add(new Complication(heavy ? "术后大出血" : "多器官功能衰竭", operation.plusDays(1), "V",
					heavy ? bleedingType() : "OTHER", true));
		}
		else if (code == null && r.nextInt(100) < this.plan.quality().complicationPercent()) {
			Complication complication = complication(procedure.organ(), operation, r);
			complications.add(complication);
			if (Boolean.TRUE.equals(complication.serious()) && discharge.isAfter(complication.onsetDate())) {
				// 住院时间延长
				discharge = discharge.plusDays(3 + r.nextInt(10));
			}
		}
		List<UUID> assistants = new ArrayList<>();
		if (r.nextInt(3) > 0) {
			UUID assistant = this.plan.assistants().get(r.nextInt(this.plan.assistants().size()));
			if (!assistant.equals(operatorId)) {
				assistants.add(assistant);
			}
		}
		String dept = (department != null) ? department
				: this.plan.departments().get(r.nextInt(this.plan.departments().size()));
		Map<String, Object> fields = switch (this.plan.technology()) {
			case "G07" -> seedFields(operation, procedure, r);
			case "G10" -> roboticFields(procedure, r);
			default -> ablationFields(operation, procedure, r);
		};
		if (this.plan.technology().equals("G10")
				&& complications.stream().anyMatch(c -> Boolean.TRUE.equals(c.serious()))) {
			fields.put("majorComplicationType", complications.get(0).type());
		}
		if (this.plan.technology().equals("G10") && dischargeDay == null && deathDate == null) {
			int hours = ((Number) fields.get("operativeTimeMinutes")).intValue() / 60;
			LocalDate robotic = operation.plusDays(3 + hours + r.nextInt(7));
			discharge = robotic.isAfter(discharge) ? robotic : discharge;
		}
		List<DeviceInput> devices = new ArrayList<>();
		if (this.plan.technology().equals("G08") && r.nextInt(100) < 40) {
			devices.add(device(procedure.subTechnique(), operation, false));
		}
		return new CaseInput(this.plan.institutionId(), this.plan.technology(), procedure.subTechnique(),
				procedure.route(), List.of(procedure.code()), medicalRecordNo, inpatientNo, patient, admission,
				operation, discharge, dept, operatorId, assistants, Boolean.TRUE, complications, deathDate, status,
				fields, devices);
	}

	private static String dischargeStatus(int draw) {
		if (draw < 920) {
			return "ORDERED";
		}
		if (draw < 960) {
			return "TRANSFER_COMMUNITY";
		}
		if (draw < 980) {
			return "TRANSFER_HOSPITAL";
		}
		if (draw < 995) {
			return "AGAINST_ADVICE";
		}
		return "AUTO_DISCHARGE_IRREVERSIBLE";
	}

	/** Complication types whose name says the event is severe (大量出血, 严重感染…). */
	private static final java.util.Set<String> SEVERE_BY_NAME = java.util.Set.of("MAJOR_BLEEDING",
			"SEVERE_PNEUMOTHORAX", "SEVERE_INFECTION", "BLEEDING", "INFECTION");

	/** The complication type code of a major bleeding in this plan's case form. */
	private String bleedingType() {
		return switch (this.plan.technology()) {
			case "G08" -> "MAJOR_BLEEDING";
			case "G10" -> "BLEEDING";
			case "G07" -> "HEMORRHAGE";
			default -> "OTHER";
		};
	}

	/**
	 * A complication: mostly mild (Clavien-Dindo I–II, not serious), a fifth serious
	 * (grade III–IV, or II needing further treatment), the type from the organ; about one
	 * in eight begins after the first 30 days.
	 */
	private Complication complication(String organ, LocalDate operation, SplittableRandom r) {
		String[] named = switch (this.plan.technology()) {
			case "G07" -> switch (r.nextInt(5)) {
				case 0 -> new String[] { "粒子移位至肺", "SEED_MIGRATION" };
				case 1 -> new String[] { "气胸", "PNEUMOTHORAX" };
				case 2 -> new String[] { "穿刺点出血", "HEMORRHAGE" };
				case 3 -> new String[] { "放射性肺炎", "RADIATION_INJURY" };
				default -> new String[] { "局部疼痛", "OTHER" };
			};
			case "G10" -> switch (r.nextInt(5)) {
				case 0 -> new String[] { "术后出血", "BLEEDING" };
				case 1 -> new String[] { "吻合口瘘", "ANASTOMOTIC_LEAK" };
				case 2 -> new String[] { "切口感染", "INFECTION" };
				case 3 -> new String[] { "下肢深静脉血栓", "THROMBOEMBOLISM" };
				default -> new String[] { "术后肠梗阻", "OTHER" };
			};
			default -> switch (organ) {
				case "THYROID" -> r.nextBoolean() ? new String[] { "喉返神经损伤（声音嘶哑）", "ADJACENT_ORGAN_INJURY" }
						: new String[] { "颈部血肿", "MAJOR_BLEEDING" };
				case "LIVER" -> switch (r.nextInt(5)) {
					case 0 -> new String[] { "消融后综合征（发热）", "OTHER" };
					case 1 -> new String[] { "胆瘘", "ADJACENT_ORGAN_INJURY" };
					case 2 -> new String[] { "肝脓肿", "SEVERE_INFECTION" };
					case 3 -> new String[] { "气胸（肝顶部病灶经胸膜穿刺）", "SEVERE_PNEUMOTHORAX" };
					default -> new String[] { "腹腔出血", "MAJOR_BLEEDING" };
				};
				case "KIDNEY" -> r.nextBoolean() ? new String[] { "肾周血肿", "MAJOR_BLEEDING" }
						: new String[] { "尿路感染", "SEVERE_INFECTION" };
				case "BONE" -> new String[] { "局部疼痛加重", "OTHER" };
				case "PANCREAS" -> r.nextBoolean() ? new String[] { "急性胰腺炎", "OTHER" }
						: new String[] { "胃肠道损伤", "ADJACENT_ORGAN_INJURY" };
				case "BREAST" -> new String[] { "皮肤灼伤", "OTHER" };
				default -> r.nextBoolean() ? new String[] { "气胸", "SEVERE_PNEUMOTHORAX" }
						: new String[] { "术后出血", "MAJOR_BLEEDING" };
			};
		};
		int draw = r.nextInt(100);
		String grade = draw < 55 ? "I" : draw < 80 ? "II" : draw < 95 ? "III" : "IV";
		boolean serious = "III".equals(grade) || "IV".equals(grade) || ("II".equals(grade) && draw % 4 == 0);
		if (!serious && SEVERE_BY_NAME.contains(named[1])) {
			// types named 严重/大量…: a mild event of that kind is recorded as 其他
			named = new String[] { named[0], "OTHER" };
		}
		LocalDate onset = operation.plusDays(r.nextInt(8) == 0 ? 31 + r.nextInt(40) : r.nextInt(4));
		if (onset.isAfter(this.today)) {
			onset = operation.plusDays(1);
		}
		return new Complication(named[0], onset, grade, named[1], serious);
	}

	private Map<String, Object> ablationFields(LocalDate operation, Procedure procedure, SplittableRandom r) {
		Quality quality = this.plan.quality();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organ", procedure.organ());
		int planned = "THYROID".equals(procedure.organ()) ? 1 + r.nextInt(2) : 1 + r.nextInt(3);
		fields.put("lesionsPlanned", planned);
		fields.put("lesionsCompleted",
				(planned > 1 && r.nextInt(100) < quality.incompletePercent()) ? planned - 1 : planned);
		if ("THYROID".equals(procedure.organ())) {
			fields.put("preOpPathology", Boolean.TRUE);
			fields.put("thyroidPathology", r.nextInt(100) < quality.thyroidBenignPercent() ? "BENIGN" : "MALIGNANT");
			double mm = Math.min(45, Math.max(5, quality.thyroidMeanMm() + 6.5 * r.nextGaussian()));
			fields.put("thyroidLargestDiameterMm", BigDecimal.valueOf(Math.round(mm * 10), 1));
		}
		// 注1 indication criteria: (1) PTA > 50 %, (2) no organ dysfunction, (3) ECOG < 2,
		// (4)
		// ASA ≤ Ⅲ; a few cases per hospital fail exactly one of them
		int off = (r.nextInt(1000) < quality.offIndicationPerMille()) ? r.nextInt(4) : -1;
		fields.put("ptaPercent",
				(off == 0) ? BigDecimal.valueOf(380 + r.nextInt(121), 1) : BigDecimal.valueOf(700 + r.nextInt(450), 1));
		String childPugh = null;
		if ("LIVER".equals(procedure.organ())) {
			int c = r.nextInt(100);
			childPugh = (off == 1) ? "C" : c < 72 ? "A" : "B";
			fields.put("childPugh", childPugh);
		}
		fields.put("organFunctionImpaired", off == 1);
		fields.put("ecog", (off == 2) ? 2 : r.nextInt(10) < 7 ? 0 : 1);
		int asa = r.nextInt(10);
		fields.put("asaClass", (off == 3) ? "IV" : asa < 3 ? "I" : asa < 8 ? "II" : "III");
		if (operation.isBefore(this.today.minusDays(35))) {
			int img = r.nextInt(100);
			int complete = quality.imagingCompletePercent();
			String result = img < complete ? "COMPLETE"
					: img < complete + (100 - complete) * 3 / 4 ? "RESIDUAL" : "NOT_DONE";
			fields.put("contrastImaging1m", result);
			fields.put("localControl", "COMPLETE".equals(result));
		}
		return fields;
	}

	/** A robotic procedure: operative time around the procedure's typical duration. */
	private Map<String, Object> roboticFields(Procedure procedure, SplittableRandom r) {
		Map<String, Object> fields = new LinkedHashMap<>();
		String[] type = ROBOTIC_PROCEDURES.get(procedure.code())
			.get(r.nextInt(ROBOTIC_PROCEDURES.get(procedure.code()).size()));
		fields.put("specialty", type[0]);
		fields.put("procedureType", type[1]);
		int typical = Integer.parseInt(type[2]);
		int minutes = (int) Math.round(typical + typical * 0.22 * r.nextGaussian());
		fields.put("operativeTimeMinutes", Math.max(45, Math.min(600, minutes)));
		fields.put("bloodLossMl", 20 + 10 * r.nextInt(40));
		int conversion = r.nextInt(100);
		fields.put("conversion", conversion < 96 ? "NONE" : conversion < 99 ? "LAPAROSCOPIC" : "OPEN");
		fields.put("majorComplicationType", "NONE");
		return fields;
	}

	/**
	 * Robotic procedures by the 17.4x code that accompanies them: specialty, procedure
	 * name, typical operative time in minutes.
	 */
	static final Map<String, List<String[]>> ROBOTIC_PROCEDURES = Map.of("17.4200",
			List.of(new String[] { "UROLOGY", "机器人辅助腹腔镜根治性前列腺切除术", "190" },
					new String[] { "UROLOGY", "机器人辅助腹腔镜肾部分切除术", "150" },
					new String[] { "GENERAL", "机器人辅助腹腔镜直肠癌根治术", "230" },
					new String[] { "GYNECOLOGY", "机器人辅助腹腔镜全子宫切除术", "140" }),
			"17.4500", List.<String[]>of(new String[] { "THORACIC", "机器人辅助胸腔镜肺叶切除术", "165" }), "17.4100",
			List.<String[]>of(new String[] { "ORTHOPEDICS", "机器人辅助全膝关节置换术", "110" }));

	private Map<String, Object> seedFields(LocalDate operation, Procedure procedure, SplittableRandom r) {
		Map<String, Object> fields = new LinkedHashMap<>();
		String[] targets = { "肺", "肺", "肺", "胰腺", "胰腺", "前列腺", "肝", "腹膜后淋巴结", "椎体转移灶", "食管" };
		String target = targets[r.nextInt(targets.length)];
		fields.put("tpsPlanDone", Boolean.TRUE);
		fields.put("target", target);
		fields.put("prescriptionDoseGy", BigDecimal.valueOf("前列腺".equals(target) ? 145 : 110 + 5 * r.nextInt(7)));
		fields.put("seedCount", 20 + r.nextInt(90));
		fields.put("activityPerSeedMci", BigDecimal.valueOf(50 + r.nextInt(31), 2));
		fields.put("seedLot", "I125-" + operation.format(DateTimeFormatter.ofPattern("yyMM")) + "-"
				+ String.format("%02d", 1 + r.nextInt(12)));
		fields.put("postOpDoseVerification", r.nextInt(100) < this.plan.quality().doseVerificationPercent());
		if (operation.isBefore(this.today.minusMonths(3))) {
			int resp = r.nextInt(100);
			fields.put("recistResponse", resp < 10 ? "CR" : resp < 55 ? "PR" : resp < 88 ? "SD" : "PD");
		}
		return fields;
	}

	/**
	 * A single-use ablation device with a GS1 element string (GTIN, expiry, lot, serial;
	 * the lot ended by a group separator written as {@code <GS>}).
	 * @param subTechnique the sub-technique (decides the product)
	 * @param operation the operation day
	 * @param expired whether the device expired before the operation
	 */
	DeviceInput device(@Nullable String subTechnique, LocalDate operation, boolean expired) {
		String key = (subTechnique == null) ? "RFA" : subTechnique;
		String[] product = switch (key) {
			case "MWA" -> new String[] { "692345600202", "一次性使用微波消融针", "国械注准20193010432" };
			case "CRYO" -> new String[] { "692345600303", "一次性使用冷冻消融针", "国械注准20203010218" };
			case "IRE" -> new String[] { "692345600404", "一次性使用不可逆电穿孔消融电极", "国械注准20223010977" };
			case "HIFU" -> new String[] { "692345600505", "聚焦超声治疗用耦合水囊", "国械注准20183230561" };
			case "LASER" -> new String[] { "692345600606", "一次性使用激光消融光纤", "国械注准20213010385" };
			default -> new String[] { "692345600101", "一次性使用射频消融电极", "国械注准20183010127" };
		};
		String gtin = "0" + product[0];
		gtin = gtin + gs1CheckDigit(gtin);
		LocalDate produced = operation.minusDays(30 + (this.sequence * 37L) % 300);
		LocalDate expiry = expired ? operation.minusDays(12) : produced.plusYears(3);
		String lot = "L" + produced.format(DateTimeFormatter.ofPattern("yyMM")) + key.charAt(0);
		String serial = this.plan.prefix() + String.format("%06d", this.sequence);
		String scanned = "01" + gtin + "17" + expiry.format(YYMMDD) + "10" + lot + "<GS>21" + serial;
		return new DeviceInput(scanned, product[2], product[1], Boolean.TRUE, 1);
	}

	/**
	 * @param body the 13 digits before the check digit of a GTIN-14
	 * @return its GS1 check digit
	 */
	static int gs1CheckDigit(String body) {
		int sum = 0;
		for (int i = 0; i < body.length(); i++) {
			int digit = body.charAt(body.length() - 1 - i) - '0';
			sum += (i % 2 == 0) ? digit * 3 : digit;
		}
		return (10 - sum % 10) % 10;
	}

	private List<Procedure> procedures(LocalDate day) {
		List<CaseForms.CodeName> codes = this.codeList.apply(this.plan.technology(), day);
		String edition = String.join(",", codes.stream().map(CaseForms.CodeName::code).toList());
		return this.procedures.computeIfAbsent(edition,
				k -> codes.stream()
					.map(c -> new Procedure(c.code(), c.subTechnique(), organ(c.code()), route(c.code(), c.name())))
					.toList());
	}

	private Procedure procedure(LocalDate day, String code) {
		return procedures(day).stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("编码 " + code + " 不在 " + this.plan.technology() + " 编码表内"));
	}

	/**
	 * Ablations: thyroid about 45 %, liver 20 %, bone, pancreas and kidney most of the
	 * rest, the other codes now and then. Seed implantation: no code list in the spec;
	 * the ICD-9-CM-3 code 92.27 (放射性元素植入).
	 */
	private Procedure pickProcedure(LocalDate day) {
		if (this.plan.technology().equals("G10")) {
			int draw = this.random.nextInt(100);
			String code = draw < 70 ? "17.4200" : draw < 90 ? "17.4500" : "17.4100";
			return new Procedure(code, null, "OTHER", switch (code) {
				case "17.4200" -> "LAPAROSCOPIC";
				case "17.4500" -> "THORACOSCOPIC";
				default -> "ROBOTIC";
			});
		}
		if (!this.plan.technology().equals("G08")) {
			int route = this.random.nextInt(100);
			return new Procedure("92.2700", null, "OTHER", route < 80 ? "PERCUTANEOUS_IMAGE_GUIDED" : route < 88
					? "ENDOSCOPIC" : route < 94 ? "LUMINAL_STENT" : route < 97 ? "OPEN_SURGERY" : "DSA_GUIDED");
		}
		List<Procedure> all = procedures(day);
		int draw = this.random.nextInt(100);
		String organ = draw < 45 ? "THYROID" : draw < 65 ? "LIVER"
				: draw < 75 ? "BONE" : draw < 83 ? "PANCREAS" : draw < 88 ? "KIDNEY" : draw < 91 ? "BREAST" : "OTHER";
		List<Procedure> candidates = all.stream().filter(p -> p.organ().equals(organ)).toList();
		if (candidates.isEmpty()) {
			candidates = all;
		}
		return candidates.get(this.random.nextInt(candidates.size()));
	}

	static String organ(String code) {
		if (code.startsWith("06.3")) {
			return "THYROID";
		}
		if (code.startsWith("50.")) {
			return "LIVER";
		}
		if (code.startsWith("52.")) {
			return "PANCREAS";
		}
		if (code.startsWith("77.")) {
			return "BONE";
		}
		if (code.startsWith("55.")) {
			return "KIDNEY";
		}
		if (code.startsWith("85.")) {
			return "BREAST";
		}
		return "OTHER";
	}

	static String route(String code, String name) {
		if (name.startsWith("腹腔镜") || name.startsWith("内镜")) {
			return "LAPAROSCOPIC";
		}
		if (name.startsWith("术中")) {
			return "OPEN_SURGERY";
		}
		return "PERCUTANEOUS";
	}

	/**
	 * @return an 18-digit resident ID number with its GB 11643 check digit (odd order
	 * code for men)
	 */
	static String idNumber(String district, LocalDate birth, int sequence, boolean male) {
		int order = sequence * 2 + (male ? 1 : 0);
		String body = district
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
				+ String.format("%03d", order % 1000);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (body.charAt(k) - '0') * weights[k];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

}
