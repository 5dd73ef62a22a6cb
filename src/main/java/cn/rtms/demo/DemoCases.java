package cn.rtms.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.rtms.authorization.AuthorizationDetails;
import cn.rtms.authorization.AuthorizationManagement;
import cn.rtms.authorization.domain.AuthorizationTerms;
import cn.rtms.cases.CaseForms;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.CaseQuery;
import cn.rtms.cases.Complication;
import cn.rtms.cases.DeviceInput;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.PracticeRights;
import cn.rtms.cases.followup.FollowUpManagement;
import cn.rtms.cases.followup.FollowUpRecord;
import cn.rtms.cases.followup.FollowUpStatus;
import cn.rtms.cases.followup.FollowUpView;
import cn.rtms.filing.FilingCommands;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingSummary;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.PriorFiling;
import cn.rtms.identity.CreateUser;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.Role;
import cn.rtms.identity.UserManagement;
import cn.rtms.institutions.InstitutionManagement;
import cn.rtms.institutions.InstitutionSummary;
import cn.rtms.personnel.PersonSummary;
import cn.rtms.personnel.PersonnelManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three years of demo cases (docs/demo-data.md, "Demo cases"), built once on an empty
 * case table after the demo filings: the province registers the paper approvals of four
 * hospitals as prior filings (存量备案) dated 3–4 years back, each hospital's administrator
 * grants its operating physicians authorizations dated back to then, and
 * {@link DemoCaseGenerator} writes about 4,000 cases through
 * {@link CaseManagement#importSubmitted} (so every check and flag runs, and the follow-up
 * schedules are created), with a handful flagged on purpose, three drafts, the cases
 * behind docs/demo-discharge-records.csv, and most past-due follow-ups recorded. Dates
 * are relative to today. Disabled with {@code rtms.demo-data.cases=false} (the test suite
 * does, except {@code DemoCasesIT}).
 */
@Component
@Order(13)
@ConditionalOnProperty(name = { "rtms.demo-data.enabled", "rtms.demo-data.cases" }, havingValue = "true",
		matchIfMissing = false)
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	static final String SONGJIANG = "吉林省松江肿瘤医院";

	static final String MEIYUAN = "梅河口市梅源医院";

	static final String YINGCHENG = "四平市英城医院";

	static final String YUHUANG = "通化市玉皇山医院";

	static final String JIANGCHENG = "吉林市江城医院";

	private static final int BATCH = 500;

	/**
	 * A hospital's filed technology in the demo.
	 *
	 * @param institution its name
	 * @param admin the username of its administrator (created if missing)
	 * @param prefix 病案号 prefix of its cases
	 * @param technology the technology
	 * @param approvedMonthsAgo the months before today the paper approval was issued
	 * @param documentNo the approval's number, {@code %d} the year
	 * @param operators physicians who operate (granted)
	 * @param assistants people who assist
	 * @param departments departments
	 * @param districts where patients live
	 * @param recentMonthly cases a month in the last year
	 * @param earlierMonthly cases a month before
	 * @param seed random seed
	 */
	record Hospital(String institution, String admin, String prefix, String technology, int approvedMonthsAgo,
			String documentNo, List<String> operators, List<String> assistants, List<String> departments,
			List<String> districts, int recentMonthly, int earlierMonthly, long seed,
			DemoCaseGenerator.Quality quality) {
	}

	static final List<Hospital> HOSPITALS = List.of(
			new Hospital(SONGJIANG, "songjiang-admin", "SJ", "G08", 46, "吉卫医政备字〔%d〕第 017 号",
					List.of("高志远", "林雪梅", "韩东", "秦晓光"), List.of("高志远", "林雪梅", "韩东", "秦晓光", "马丽娜"),
					List.of("肿瘤介入科", "肿瘤介入科", "肿瘤介入科", "肿瘤外科"),
					List.of("220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122", "220182",
							"220184"),
					135, 66, 20_261_122L, DemoCaseGenerator.Quality.STANDARD),
			new Hospital(MEIYUAN, "meiyuan-admin", "MY", "G08", 42, "吉卫医政备字〔%d〕第 031 号", List.of("金成浩", "曲美玲"),
					List.of("金成浩", "曲美玲", "于洋"), List.of("肿瘤科", "肿瘤科", "普通外科"),
					List.of("220581", "220521", "220523", "220524"), 14, 11, 20_261_123L,
					new DemoCaseGenerator.Quality(80, 6, 89, 4, 94, 75, 22.0)),
			new Hospital(YINGCHENG, "yingcheng-admin", "YC", "G08", 38, "吉卫医政备字〔%d〕第 044 号", List.of("潘立伟", "杜春雨"),
					List.of("潘立伟", "杜春雨", "潘志强"), List.of("肿瘤科", "普通外科"),
					List.of("220302", "220303", "220322", "220382"), 7, 6, 20_261_124L,
					new DemoCaseGenerator.Quality(130, 10, 84, 6, 94, 70, 24.0)),
			new Hospital(YUHUANG, "yuhuang-admin", "YH", "G07", 40, "吉卫医政备字〔%d〕第 039 号", List.of("杨振宇"),
					List.of("邓伟", "苗雨"), List.of("肿瘤科", "放疗科"), List.of("220502", "220503", "220521", "220582"), 5, 4,
					20_261_125L, new DemoCaseGenerator.Quality(40, 3, 94, 4, 76, 82, 19.0)));

	/**
	 * The demo cases behind rows of docs/demo-discharge-records.csv (病案号, 住院号, admission,
	 * operation, discharge, department, code, operator). Rows 0086512, 0086519, 0086520
	 * and 0086523 stay unreported; 0086509 is 马丽娜's, who holds no authorization.
	 */
	static final List<String[]> DISCHARGE_MATCHES = List.of(
			new String[] { "0086501", "ZY202609001", "2026-09-01", "2026-09-03", "2026-09-08", "肿瘤介入科", "50.2400x001",
					"高志远" },
			new String[] { "0086503", "ZY202609027", "2026-09-10", "2026-09-11", "2026-09-15", "肿瘤介入科", "06.3100x001",
					"林雪梅" },
			new String[] { "0086505", "ZY202609048", "2026-09-18", "2026-09-21", "2026-09-26", "肿瘤介入科", "52.2200x007",
					"韩东" },
			new String[] { "0086509", "ZY202610019", "2026-10-12", "2026-10-14", "2026-10-19", "肿瘤介入科", "54.4x00x055",
					"马丽娜" },
			new String[] { "0086516", "ZY202611013", "2026-11-08", "2026-11-09", "2026-11-12", "肿瘤介入科", "06.3100x002",
					"高志远" },
			new String[] { "0086517", "ZY202611019", "2026-11-10", "2026-11-11", "2026-11-15", "肿瘤介入科", "77.6900x060",
					"林雪梅" },
			new String[] { "0086518", "ZY202611026", "2026-11-12", "2026-11-14", "2026-11-19", "肿瘤外科", "50.2400x002",
					"韩东" });

	/** The physician of 松江 who operates without an authorization (未授权). */
	static final String UNAUTHORIZED_OPERATOR = "马丽娜";

	private final FilingCommands filings;

	private final FilingQueries filingQueries;

	private final UserManagement users;

	private final IdentityManagement identity;

	private final InstitutionManagement institutions;

	private final PersonnelManagement people;

	private final AuthorizationManagement authorizations;

	private final CaseManagement cases;

	private final CaseForms forms;

	private final FollowUpManagement followUps;

	private final PracticeRights rights;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoCases(FilingCommands filings, FilingQueries filingQueries, UserManagement users, IdentityManagement identity,
			InstitutionManagement institutions, PersonnelManagement people, AuthorizationManagement authorizations,
			CaseManagement cases, CaseForms forms, FollowUpManagement followUps, PracticeRights rights,
			TransactionTemplate transactions, Clock clock) {
		this.filings = filings;
		this.filingQueries = filingQueries;
		this.users = users;
		this.identity = identity;
		this.institutions = institutions;
		this.people = people;
		this.authorizations = authorizations;
		this.cases = cases;
		this.forms = forms;
		this.followUps = followUps;
		this.rights = rights;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean empty = this.identity
			.asSystem(() -> this.cases.search(new CaseQuery(null, null, null, null, null, null, 0, 1)).total() == 0);
		if (!empty) {
			log.info("数据库中已有病例，跳过演示病例");
			return;
		}
		if (!this.users.exists("province") || !this.users.exists("songjiang-clerk")) {
			log.warn("演示账号不完整，跳过演示病例");
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock);
		try {
			Result result = build(today);
			log.info("已建立演示病例：{} 例已提交（{} 例带标记）、{} 例草稿，随访已登记 {} 次，用时 {} 毫秒", result.submitted(), result.flagged(),
					result.drafts(), result.followUpsRecorded(), (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("演示病例无法建立：" + ex.getMessage(), ex);
		}
	}

	/** What was built. */
	record Result(int submitted, int flagged, int drafts, int followUpsRecorded) {
	}

	Result build(LocalDate today) {
		long started = System.nanoTime();
		Map<String, UUID> institutionIds = new HashMap<>();
		for (Hospital h : HOSPITALS) {
			institutionIds.put(h.institution(), institutionId(h.institution()));
		}
		institutionIds.put(JIANGCHENG, institutionId(JIANGCHENG));

		// 1. accounts, prior filings, authorizations (each its own transaction, skipped
		// when
		// present)
		Map<String, List<UUID>> granted = new LinkedHashMap<>();
		for (Hospital h : HOSPITALS) {
			UUID institutionId = institutionIds.get(h.institution());
			ensureAdmin(h.admin(), h.institution(), institutionId);
			LocalDate approvedOn = today.minusMonths(h.approvedMonthsAgo());
			ensurePriorFiling(institutionId, h, approvedOn);
			List<UUID> operators = new ArrayList<>();
			for (String name : h.operators()) {
				UUID personId = personId(institutionId, name);
				if (ensureGrant(h, institutionId, personId, name, approvedOn.plusDays(30), today)) {
					operators.add(personId);
				}
			}
			granted.put(h.institution(), operators);
		}
		this.rights.catchUp();
		long filed = System.nanoTime();

		// 2. cases, per hospital in one transaction each
		int submitted = 0;
		int flagged = 0;
		Map<UUID, Long> seeds = new HashMap<>();
		for (Hospital h : HOSPITALS) {
			UUID institutionId = institutionIds.get(h.institution());
			List<UUID> operators = granted.get(h.institution());
			if (operators.isEmpty()) {
				log.warn("{} 没有获得 {} 授权的医师，跳过其演示病例", h.institution(), h.technology());
				continue;
			}
			List<UUID> assistants = h.assistants().stream().map(n -> personId(institutionId, n)).toList();
			DemoCaseGenerator generator = new DemoCaseGenerator(new DemoCaseGenerator.Plan(h.prefix(), institutionId,
					h.technology(), operators, assistants, h.departments(), h.districts(), h.recentMonthly(),
					h.earlierMonthly(), h.seed(), h.quality()), today, this.forms::procedureCodes);
			List<CaseInput> inputs = new ArrayList<>(generator.generate());
			int ordinary = inputs.size();
			List<CaseInput> special = special(h, institutionId, generator, today);
			inputs.addAll(special);
			List<UUID> ids = importAll(institutionId, inputs);
			for (int i = 0; i < ids.size(); i++) {
				seeds.put(ids.get(i), h.seed() * 1_000_003L + i);
			}
			submitted += ids.size();
			flagged += special.size()
					- (h.institution().equals(SONGJIANG) ? matchedAuthorized(today) + OUTCOME_CASES : 0);
			if (ids.size() != ordinary + special.size()) {
				log.warn("{} 的演示病例有 {} 例被视为重复", h.institution(), ordinary + special.size() - ids.size());
			}
		}
		// 江城医院: its G08 filing is still a draft, so these are 未备案开展 (and 未授权)
		UUID jiangcheng = institutionIds.get(JIANGCHENG);
		UUID wu = personId(jiangcheng, "吴国庆");
		DemoCaseGenerator unfiled = new DemoCaseGenerator(
				new DemoCaseGenerator.Plan("JC", jiangcheng, "G08", List.of(wu), List.of(personId(jiangcheng, "曹立军")),
						List.of("肿瘤科"), List.of("220204", "220202"), 0, 0, 20_261_126L),
				today, this.forms::procedureCodes);
		List<CaseInput> jc = List.of(unfiled.next(today.minusDays(75), wu), unfiled.next(today.minusDays(48), wu),
				unfiled.next(today.minusDays(20), wu));
		submitted += importAll(jiangcheng, jc).size();
		flagged += jc.size();
		// 松江's robotic operations (G10): performed without a G10 filing or authorizations
		// (the story of docs/demo-discharge-records.csv), reported as cases, so 未备案开展 and
		// 未授权
		UUID songjiang = institutionIds.get(SONGJIANG);
		List<UUID> robotic = List.of(personId(songjiang, "韩东"), personId(songjiang, "程立新"));
		DemoCaseGenerator g10 = new DemoCaseGenerator(
				new DemoCaseGenerator.Plan("SJR", songjiang, "G10", robotic, List.of(personId(songjiang, "秦晓光")),
						List.of("肿瘤外科"), List.of("220102", "220104", "220106"), 2, 1, 20_261_128L),
				today, this.forms::procedureCodes);
		List<CaseInput> roboticCases = g10.generate();
		List<UUID> roboticIds = importAll(songjiang, roboticCases);
		for (int i = 0; i < roboticIds.size(); i++) {
			// followed up like 松江's other cases (only 江城's few unfiled cases stay
			// without)
			seeds.put(roboticIds.get(i), 20_261_128L * 1_000_003L + i);
		}
		submitted += roboticIds.size();
		flagged += roboticCases.size();

		// 3. drafts of 松江's clerk
		int drafts = drafts(institutionIds.get(SONGJIANG), today);

		// 4. follow-ups: most past-due points recorded
		long entered = System.nanoTime();
		int recorded = recordFollowUps(seeds, today);
		log.info("演示病例各步用时：备案与授权 {} 毫秒，病例 {} 毫秒，随访 {} 毫秒", (filed - started) / 1_000_000, (entered - filed) / 1_000_000,
				(System.nanoTime() - entered) / 1_000_000);
		return new Result(submitted, flagged, drafts, recorded);
	}

	/** How many of the discharge-record cases are ordinary (not flagged). */
	private static int matchedAuthorized(LocalDate today) {
		return (int) DISCHARGE_MATCHES.stream()
			.filter(m -> !LocalDate.parse(m[4]).isAfter(today) && !m[7].equals(UNAUTHORIZED_OPERATOR))
			.count();
	}

	/**
	 * The flagged cases of a hospital, and (松江) the cases behind the demo discharge
	 * records.
	 */
	private List<CaseInput> special(Hospital h, UUID institutionId, DemoCaseGenerator generator, LocalDate today) {
		List<CaseInput> special = new ArrayList<>();
		LocalDate first = DemoCaseGenerator.firstDay(today);
		if (h.institution().equals(SONGJIANG)) {
			for (String[] m : DISCHARGE_MATCHES) {
				LocalDate operation = LocalDate.parse(m[3]);
				if (LocalDate.parse(m[4]).isAfter(today) || operation.isBefore(first)) {
					continue;
				}
				special.add(generator.matching(m[0], m[1], LocalDate.parse(m[2]), operation, LocalDate.parse(m[4]),
						m[5], m[6], personId(institutionId, m[7])));
			}
			UUID ma = personId(institutionId, UNAUTHORIZED_OPERATOR);
			for (int days : new int[] { 400, 230, 95 }) {
				special.add(generator.next(today.minusDays(days), ma));
			}
			// thyroid ablations without pre-op pathology
			UUID gao = personId(institutionId, "高志远");
			for (int days : new int[] { 310, 140 }) {
				CaseInput thyroid = generator.next(today.minusDays(days), gao);
				CaseInput base = generator.matching(thyroid.medicalRecordNo(), thyroid.inpatientNo(),
						thyroid.admissionDate(), thyroid.operationDate(), thyroid.dischargeDate(), "肿瘤介入科",
						"06.3100x001", gao);
				Map<String, Object> fields = new LinkedHashMap<>(base.fields());
				fields.put("preOpPathology", Boolean.FALSE);
				fields.put("thyroidPathology", "NOT_DONE");
				special.add(withFields(base, fields, base.devices()));
			}
		}
		if (h.institution().equals(SONGJIANG)) {
			special.addAll(outcomes(generator, personId(institutionId, "林雪梅"), today));
		}
		if (h.institution().equals(MEIYUAN)) {
			UUID jin = personId(institutionId, "金成浩");
			for (int days : new int[] { 520, 170 }) {
				CaseInput c = generator.next(today.minusDays(days), jin);
				special.add(withFields(c, c.fields(),
						List.of(generator.device(c.subTechnique(), Objects.requireNonNull(c.operationDate()), true))));
			}
		}
		return special;
	}

	/**
	 * Cases whose outcome the QC indicators count (besides the random ones), so that each
	 * kind is present whatever the seed draws: a serious complication of each of the four
	 * G08 types within 30 days, a serious one after 30 days, a mild one, a death within
	 * 30 days and an 自动出院 for irreversible disease.
	 */
	/** How many cases {@link #outcomes} adds (none flagged). */
	static final int OUTCOME_CASES = 8;

	private static List<CaseInput> outcomes(DemoCaseGenerator generator, UUID operator, LocalDate today) {
		List<CaseInput> cases = new ArrayList<>();
		String[][] serious = { { "腹腔大出血", "MAJOR_BLEEDING", "III" }, { "张力性气胸（胸腔闭式引流）", "SEVERE_PNEUMOTHORAX", "III" },
				{ "结肠穿孔", "ADJACENT_ORGAN_INJURY", "IV" }, { "肝脓肿（穿刺引流）", "SEVERE_INFECTION", "III" } };
		int days = 200;
		for (String[] s : serious) {
			CaseInput c = generator.next(today.minusDays(days), operator);
			LocalDate operation = Objects.requireNonNull(c.operationDate());
			cases.add(withOutcome(c, List.of(new Complication(s[0], operation.plusDays(2), s[2], s[1], true)),
					Objects.requireNonNull(c.dischargeDate()).plusDays(9), null, c.dischargeStatus()));
			days += 37;
		}
		CaseInput late = generator.next(today.minusDays(420), operator);
		cases.add(withOutcome(
				late, List.of(new Complication("迟发性肝脓肿（再入院引流）",
						Objects.requireNonNull(late.operationDate()).plusDays(41), "III", "SEVERE_INFECTION", true)),
				late.dischargeDate(), null, late.dischargeStatus()));
		CaseInput mild = generator.next(today.minusDays(150), operator);
		cases
			.add(withOutcome(
					mild, List.of(new Complication("消融后综合征（低热）",
							Objects.requireNonNull(mild.operationDate()).plusDays(1), "I", "OTHER", false)),
					mild.dischargeDate(), null, mild.dischargeStatus()));
		CaseInput death = generator.next(today.minusDays(330), operator);
		LocalDate died = Objects.requireNonNull(death.operationDate()).plusDays(6);
		cases.add(withOutcome(
				death, List.of(new Complication("术后大出血、失血性休克",
						Objects.requireNonNull(death.operationDate()).plusDays(1), "V", "MAJOR_BLEEDING", true)),
				died, died, "DEATH"));
		CaseInput auto = generator.next(today.minusDays(260), operator);
		cases.add(withOutcome(auto,
				List.of(new Complication("多器官功能衰竭", Objects.requireNonNull(auto.operationDate()).plusDays(3), "IV",
						"OTHER", true)),
				Objects.requireNonNull(auto.operationDate()).plusDays(8), null, "AUTO_DISCHARGE_IRREVERSIBLE"));
		return cases;
	}

	private static CaseInput withOutcome(CaseInput c, List<Complication> complications,
			@org.jspecify.annotations.Nullable LocalDate discharge,
			@org.jspecify.annotations.Nullable LocalDate deathDate,
			@org.jspecify.annotations.Nullable String dischargeStatus) {
		// the base case may have been one of the rare random deaths: alive, it leaves as
		// ordered
		String status = (deathDate == null && "DEATH".equals(dischargeStatus)) ? "ORDERED" : dischargeStatus;
		return new CaseInput(c.institutionId(), c.technology(), c.subTechnique(), c.route(), c.procedureCodes(),
				c.medicalRecordNo(), c.inpatientNo(), c.patient(), c.admissionDate(), c.operationDate(), discharge,
				c.department(), c.operatorId(), c.assistantIds(), c.informedConsent(), complications, deathDate, status,
				c.fields(), c.devices());
	}

	private static CaseInput withFields(CaseInput c, Map<String, Object> fields, List<DeviceInput> devices) {
		return new CaseInput(c.institutionId(), c.technology(), c.subTechnique(), c.route(), c.procedureCodes(),
				c.medicalRecordNo(), c.inpatientNo(), c.patient(), c.admissionDate(), c.operationDate(),
				c.dischargeDate(), c.department(), c.operatorId(), c.assistantIds(), c.informedConsent(),
				c.complications(), c.deathDate(), c.dischargeStatus(), fields, devices);
	}

	private List<UUID> importAll(UUID institutionId, List<CaseInput> inputs) {
		List<UUID> ids = new ArrayList<>();
		this.identity.asSystem(() -> this.transactions.executeWithoutResult(status -> {
			for (int from = 0; from < inputs.size(); from += BATCH) {
				ImportResult result = this.cases.importSubmitted(institutionId,
						inputs.subList(from, Math.min(inputs.size(), from + BATCH)), "DEMO");
				ids.addAll(result.ids());
			}
		}));
		return ids;
	}

	/** Three drafts of recent operations that 松江's clerk has not finished. */
	private int drafts(UUID songjiang, LocalDate today) {
		DemoCaseGenerator generator = new DemoCaseGenerator(new DemoCaseGenerator.Plan("SJD", songjiang, "G08",
				List.of(personId(songjiang, "秦晓光")), List.of(personId(songjiang, "韩东")), List.of("肿瘤介入科"),
				List.of("220104", "220105"), 0, 0, 20_261_127L), today, this.forms::procedureCodes);
		int[] created = new int[1];
		this.transactions.executeWithoutResult(status -> this.users.actingAs("songjiang-clerk", () -> {
			for (int days : new int[] { 6, 4, 2 }) {
				CaseInput c = generator.next(today.minusDays(days), personId(songjiang, "秦晓光"));
				Map<String, Object> fields = new LinkedHashMap<>(c.fields());
				fields.remove("asaClass");
				fields.remove("ecog");
				CaseInput draft = new CaseInput(null, c.technology(), c.subTechnique(), c.route(), c.procedureCodes(),
						c.medicalRecordNo(), c.inpatientNo(), c.patient(), c.admissionDate(), c.operationDate(), null,
						c.department(), c.operatorId(), c.assistantIds(), null, List.of(), null, null, fields,
						List.of());
				this.cases.create(draft);
				created[0]++;
			}
			return null;
		}));
		return created[0];
	}

	/**
	 * Records most past-due follow-up points ({@link #recordedPerMille}: nearly all of
	 * those due more than 90 days ago, fewer the more recent); the rest stay overdue. A
	 * few patients are lost to follow-up or have died (which cancels their later points).
	 */
	private int recordFollowUps(Map<UUID, Long> seeds, LocalDate today) {
		List<FollowUpView> overdue = this.identity.asSystem(() -> this.followUps.ofCases(seeds.keySet()))
			.stream()
			.filter(v -> v.status() == FollowUpStatus.OVERDUE)
			.collect(Collectors.toCollection(ArrayList::new));
		overdue
			.sort(Comparator.comparing(FollowUpView::dueDate).thenComparing(v -> seeds.getOrDefault(v.caseId(), 0L)));
		Set<UUID> gone = new HashSet<>();
		Map<UUID, FollowUpRecord> batch = new LinkedHashMap<>();
		for (FollowUpView point : overdue) {
			Long seed = seeds.get(point.caseId());
			if (seed == null || gone.contains(point.caseId())) {
				continue;
			}
			SplittableRandom r = new SplittableRandom(seed * 31 + point.period().hashCode());
			if (r.nextInt(1000) >= recordedPerMille(point.dueDate(), today)) {
				continue;
			}
			LocalDate performed = point.dueDate().plusDays(r.nextInt(25) - 7);
			if (performed.isAfter(today)) {
				performed = today;
			}
			if (!performed.isAfter(point.operationDate())) {
				performed = point.operationDate().plusDays(1);
			}
			int v = r.nextInt(1000);
			boolean late = !point.period().equals("P1M") && !point.period().equals("P3M");
			String vital = (late && v < 12) ? "DEAD" : (late && v < 30) ? "LOST" : "ALIVE";
			LocalDate death = "DEAD".equals(vital) ? performed.minusDays(3 + r.nextInt(18)) : null;
			if (death != null && !death.isAfter(point.operationDate())) {
				death = point.operationDate().plusDays(1);
			}
			String disease = switch (vital) {
				case "DEAD" -> "PROGRESSION";
				case "LOST" -> "UNKNOWN";
				default -> diseaseStatus(r.nextInt(100));
			};
			String method = "LOST".equals(vital) ? "PHONE" : method(r.nextInt(100));
			String note = "LOST".equals(vital) ? "多次电话联系未接通" : null;
			batch.put(point.id(), new FollowUpRecord(point.version(), performed, method, vital, death, disease, note));
			if (!"ALIVE".equals(vital)) {
				gone.add(point.caseId());
			}
		}
		return this.identity
			.asSystem(() -> this.transactions.execute(status -> this.followUps.recordAll(batch)).intValue());
	}

	/**
	 * How many of 1,000 past-due points a hospital has recorded by today: a follow-up
	 * clerk works through the recent ones over a few weeks and closes the old ones (as
	 * done, or as lost to follow-up), so only a few old points stay open.
	 */
	static int recordedPerMille(LocalDate due, LocalDate today) {
		long days = ChronoUnit.DAYS.between(due, today);
		return (days > 90) ? 997 : (days > 30) ? 950 : (days > 14) ? 800 : 500;
	}

	private static String method(int draw) {
		return draw < 45 ? "OUTPATIENT"
				: draw < 80 ? "PHONE" : draw < 90 ? "ONLINE" : draw < 98 ? "INPATIENT" : "LETTER";
	}

	private static String diseaseStatus(int draw) {
		return draw < 70 ? "NO_EVIDENCE" : draw < 80 ? "COMPLETE_RESPONSE" : draw < 87 ? "STABLE"
				: draw < 93 ? "PARTIAL_RESPONSE" : draw < 97 ? "LOCAL_RECURRENCE" : "DISTANT_METASTASIS";
	}

	private void ensureAdmin(String username, String institution, UUID institutionId) {
		if (this.users.exists(username)) {
			return;
		}
		this.identity.asSystem(() -> this.transactions.executeWithoutResult(status -> this.users
			.createDemoAccount(new CreateUser(username, institution.replaceFirst("^(吉林省|梅河口市|四平市|通化市)", "") + "管理员",
					Role.HOSPITAL_ADMIN, institutionId, null, null, DemoUsers.PASSWORD))));
	}

	private void ensurePriorFiling(UUID institutionId, Hospital h, LocalDate approvedOn) {
		List<FilingSummary> existing = this.identity
			.asSystem(() -> this.filingQueries.list(null, h.technology(), null));
		boolean open = existing.stream()
			.anyMatch(f -> f.institutionId().equals(institutionId) && !f.state().equals("REVOKED")
					&& !f.state().equals("REJECTED"));
		if (open) {
			log.info("{} 已有 {} 备案，不再登记存量备案", h.institution(), h.technology());
			return;
		}
		this.transactions
			.executeWithoutResult(status -> this.users.actingAs("province", () -> registerPrior(institutionId,
					h.technology(), approvedOn, String.format(h.documentNo(), approvedOn.getYear()))));
	}

	private FilingView registerPrior(UUID institutionId, String technology, LocalDate approvedOn, String documentNo) {
		return this.filings.registerPrior(new PriorFiling(institutionId, technology, approvedOn, documentNo, null,
				"依据纸质批准文件登记（演示）", DemoFilings.pdf("备案批准文件 " + documentNo)));
	}

	/**
	 * @return whether the physician holds (or was just granted) the authorization
	 */
	private boolean ensureGrant(Hospital h, UUID institutionId, UUID personId, String name, LocalDate validFrom,
			LocalDate today) {
		List<AuthorizationDetails> held = this.identity
			.asSystem(() -> this.authorizations.search(institutionId, personId, h.technology(), null, false));
		if (held.stream().anyMatch(a -> a.status().equals("GRANTED"))) {
			return true;
		}
		try {
			this.transactions.executeWithoutResult(status -> this.users.actingAs(h.admin(), () -> {
				AuthorizationDetails pending = held.stream()
					.filter(a -> a.status().equals("PENDING"))
					.findFirst()
					.orElseGet(() -> this.authorizations.create(personId, new AuthorizationTerms(h.technology(),
							List.of(), validFrom, validFrom.plusYears(5).minusDays(1), "依据医院医疗技术临床应用管理委员会决议授权（演示）")));
				return this.authorizations.grant(pending.id(), pending.version());
			}));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("未能授予 {}（{}）{} 授权，其不作为演示病例术者：{}", name, h.institution(), h.technology(), ex.getMessage());
			return false;
		}
	}

	private UUID institutionId(String name) {
		return this.identity.asSystem(() -> this.institutions.search(name, null)
			.stream()
			.filter(i -> i.name().equals(name))
			.map(InstitutionSummary::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("演示医疗机构 " + name + " 不存在")));
	}

	private final Map<String, UUID> personIds = new HashMap<>();

	private UUID personId(UUID institutionId, String name) {
		return this.personIds.computeIfAbsent(institutionId + "|" + name,
				k -> this.identity.asSystem(() -> this.people.search(institutionId, name, null)
					.stream()
					.filter(p -> p.name().equals(name))
					.map(PersonSummary::id)
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("演示人员 " + name + " 不存在"))));
	}

}
