package cn.rtms.rules;

import java.time.LocalDate;

import java.nio.charset.StandardCharsets;

import cn.rtms.support.Api;
import cn.rtms.support.TestClock;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eligibility over HTTP against the demo data on the embedded PostgreSQL (see
 * docs/demo-data.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EligibilityApiIT {

	/** The suite's pinned day (RTMS_TEST_CLOCK); the demo data moves with it. */
	static final String AS_OF = TestClock.today().toString();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = Api.as(this.port, "admin");
	}

	String institutionId(String name) {
		JsonNode found = this.api.get("/api/institutions?q=" + name).body();
		assertThat(found.size()).as("demo institution %s", name).isEqualTo(1);
		return found.get(0).get("id").asString();
	}

	String personId(String name) {
		JsonNode found = this.api.get("/api/people?q=" + name).body();
		assertThat(found.size()).as("demo person %s", name).isEqualTo(1);
		return found.get(0).get("id").asString();
	}

	static JsonNode row(JsonNode matrix, String technology) {
		for (JsonNode row : matrix.get("rows")) {
			if (row.get("technology").asString().equals(technology)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + technology);
	}

	static JsonNode clause(JsonNode report, String ref) {
		for (JsonNode clause : report.get("clauses")) {
			if (clause.get("ref").asString().equals(ref)) {
				return clause;
			}
		}
		throw new AssertionError("no clause " + ref + " in " + report.get("specKey"));
	}

	@Test
	void matrixShowsEveryCatalogueTechnologyWithUnencodedSpecsMarked() {
		JsonNode matrix = this.api.get("/api/institutions/" + institutionId("长春市中心医院") + "/eligibility?asOf=" + AS_OF)
			.body();
		assertThat(matrix.get("rows").size()).isEqualTo(17);
		assertThat(row(matrix, "G01").get("status").asString()).isEqualTo("NO_SPEC");
		assertThat(row(matrix, "G01").get("statusLabel").asString()).isEqualTo("规范未录入");
		JsonNode g08 = row(matrix, "G08");
		assertThat(g08.get("status").asString()).isEqualTo("NOT_MET");
		assertThat(g08.get("specKey").asString()).isEqualTo("G08-2023");
		assertThat(g08.get("failing").toString()).contains("PACU");
	}

	/**
	 * Matrices are cached by the institution's revision and its staff digest: a change to
	 * the institution or to one of its people shows at the next read, and undoing it
	 * restores the verdict.
	 */
	@Test
	void matrixFollowsEveryChangeToTheInstitutionAndItsStaff() {
		String longshou = institutionId("辽源市龙首山医院");
		String matrixPath = "/api/institutions/" + longshou + "/eligibility?asOf=" + AS_OF;
		assertThat(failing(matrixPath, "G08")).contains("G08/2023 (三)3");
		ObjectNode institution = (ObjectNode) this.api.get("/api/institutions/" + longshou).body();
		ObjectNode moreBeds = institution.deepCopy();
		ObjectNode department = (ObjectNode) moreBeds.get("departments").get(0);
		department.put("beds", department.get("beds").asInt() + 1);
		try {
			assertThat(this.api.put("/api/institutions/" + longshou, moreBeds).status()).isEqualTo(200);
			assertThat(failing(matrixPath, "G08")).doesNotContain("G08/2023 (三)3");
		}
		finally {
			ObjectNode current = (ObjectNode) this.api.get("/api/institutions/" + longshou).body();
			current.set("departments", institution.get("departments"));
			assertThat(this.api.put("/api/institutions/" + longshou, current).status()).isEqualTo(200);
		}
		assertThat(failing(matrixPath, "G08")).contains("G08/2023 (三)3");

		String hexiang = "/api/institutions/" + institutionId("白城市鹤乡医院") + "/eligibility?asOf=" + AS_OF;
		String before = failing(hexiang, "G08");
		assertThat(before).contains("G08/2023 (三)7");
		String baoZhigang = "/api/people/" + personId("包志刚");
		ObjectNode person = (ObjectNode) this.api.get(baoZhigang).body();
		ObjectNode withoutTitles = person.deepCopy();
		withoutTitles.set("titles", withoutTitles.arrayNode());
		try {
			assertThat(this.api.put(baoZhigang, withoutTitles).status()).isEqualTo(200);
			assertThat(failing(hexiang, "G08")).isNotEqualTo(before);
		}
		finally {
			ObjectNode current = (ObjectNode) this.api.get(baoZhigang).body();
			current.set("titles", person.get("titles"));
			assertThat(this.api.put(baoZhigang, current).status()).isEqualTo(200);
		}
		assertThat(failing(hexiang, "G08")).isEqualTo(before);
	}

	private String failing(String matrixPath, String technology) {
		Response matrix = this.api.get(matrixPath);
		assertThat(matrix.status()).as(matrix.text()).isEqualTo(200);
		return row(matrix.body(), technology).get("failing").toString();
	}

	@Test
	void drillDownCitesTheClauseAndExplainsActualVersusRequired() {
		JsonNode report = this.api
			.get("/api/institutions/" + institutionId("辽源市龙首山医院") + "/eligibility/G08?asOf=" + AS_OF)
			.body();
		JsonNode beds = clause(report, "(三)3");
		assertThat(beds.get("status").asString()).isEqualTo("NOT_MET");
		assertThat(beds.get("citation").asString()).isEqualTo("G08/2023 (三)3");
		assertThat(beds.get("explanation").asString()).contains("29", "30");
	}

	@Test
	void institutionVerdictsCoverEveryStatus() {
		String asOf = "/eligibility/G08?asOf=" + AS_OF;
		assertThat(
				this.api.get("/api/institutions/" + institutionId("吉林省松江肿瘤医院") + asOf).body().get("status").asString())
			.isEqualTo("MET");
		assertThat(this.api.get("/api/institutions/" + institutionId("吉林市江城医院") + asOf).body().get("status").asString())
			.isEqualTo("NEEDS_ATTESTATION");
		assertThat(this.api.get("/api/institutions/" + institutionId("四平市英城医院") + asOf).body().get("status").asString())
			.isEqualTo("UNKNOWN");
		assertThat(this.api.get("/api/institutions/" + institutionId("长春市中心医院") + asOf).body().get("status").asString())
			.isEqualTo("NOT_MET");
	}

	@Test
	void physicianTenureIsComputedFromTheTitleHistory() {
		String id = personId("邹凯");
		JsonNode before = this.api.get("/api/people/" + id + "/eligibility/G08?asOf=" + AS_OF).body();
		JsonNode tenure = clause(before, tenureRef(before));
		assertThat(tenure.get("status").asString()).isEqualTo("NOT_MET");
		assertThat(tenure.get("explanation").asString()).contains("4 年 11 个月");
		LocalDate attending = null;
		for (JsonNode title : this.api.get("/api/people/" + id).body().get("titles")) {
			if (title.get("title").asString().equals("ATTENDING")) {
				attending = LocalDate.parse(title.get("since").asString());
			}
		}
		assertThat(attending).isNotNull();
		JsonNode dayBefore = this.api
			.get("/api/people/" + id + "/eligibility/G08?asOf=" + attending.plusYears(5).minusDays(1))
			.body();
		assertThat(clause(dayBefore, tenureRef(dayBefore)).get("status").asString()).isEqualTo("NOT_MET");
		JsonNode after = this.api.get("/api/people/" + id + "/eligibility/G08?asOf=" + attending.plusYears(5)).body();
		assertThat(clause(after, tenureRef(after)).get("status").asString()).isEqualTo("MET");
		assertThat(before.get("trainee").get("status").asString()).isEqualTo("MET");
	}

	static String tenureRef(JsonNode report) {
		for (JsonNode clause : report.get("clauses")) {
			if (clause.get("text").asString().contains("主治医师") && clause.get("explanation").asString().contains("任职")) {
				return clause.get("ref").asString();
			}
		}
		throw new AssertionError("no title tenure clause in " + report);
	}

	@Test
	void provincialDemoVerdictsAreAsDocumented() {
		assertThat(notMet("长春市中心医院", "S03")).isEmpty();
		assertThat(notMet("延吉市布尔哈通医院", "S03")).containsExactly("一(十)");
		assertThat(notMet("吉林省松江肿瘤医院", "S04")).isEmpty();
		assertThat(notMet("松原市查干湖医院", "S04")).isEmpty();
		String id = institutionId("长春市中心医院");
		JsonNode s03 = this.api.get("/api/institutions/" + id + "/eligibility/S03?asOf=" + AS_OF).body();
		assertThat(s03.get("status").asString()).isEqualTo("MET");
		assertThat(clause(s03, "一(七)").get("status").asString()).isEqualTo("NOT_APPLICABLE");
		assertThat(this.api.get("/api/institutions/" + institutionId("松原市查干湖医院") + "/eligibility/S04?asOf=" + AS_OF)
			.body()
			.get("status")
			.asString()).isEqualTo("MET");
	}

	private java.util.List<String> notMet(String institution, String technology) {
		JsonNode report = this.api
			.get("/api/institutions/" + institutionId(institution) + "/eligibility/" + technology + "?asOf=" + AS_OF)
			.body();
		java.util.List<String> refs = new java.util.ArrayList<>();
		for (JsonNode clause : report.get("clauses")) {
			if (!java.util.Set.of("MET", "NOT_APPLICABLE").contains(clause.get("status").asString())) {
				refs.add(clause.get("ref").asString());
			}
		}
		return refs;
	}

	@Test
	void provincialEditionReplacesTheNationalOneFromItsEffectiveDate() {
		String id = institutionId("吉林省松江肿瘤医院");
		assertThat(this.api.get("/api/institutions/" + id + "/eligibility/S04?asOf=2022-04-19")
			.body()
			.get("specKey")
			.asString()).isEqualTo("S04-2017");
		Response gap = this.api.get("/api/institutions/" + id + "/eligibility/S04?asOf=2022-11-21");
		assertThat(gap.status()).as("附件17 ended on 2022-04-19, S04-2022 starts on 2022-11-22").isEqualTo(422);
		assertThat(gap.body().get("code").asString()).isEqualTo("NO_SPEC_IN_FORCE");
		assertThat(this.api.get("/api/institutions/" + id + "/eligibility/S04?asOf=2022-11-22")
			.body()
			.get("specKey")
			.asString()).isEqualTo("S04-2022");
	}

	@Test
	void trainingBaseUsesTheLatestEditionThatHasBaseRequirements() {
		JsonNode report = this.api
			.get("/api/institutions/" + institutionId("吉林省松江肿瘤医院") + "/eligibility/G08?trainingBase=true&asOf=" + AS_OF)
			.body();
		assertThat(report.get("subject").asString()).isEqualTo("TRAINING_BASE");
		assertThat(report.get("specKey").asString()).isEqualTo("G08-2022");
		assertThat(report.get("status").asString()).isEqualTo("MET");
	}

	@Test
	void verdictsUnderAnEditionWithAnAssumedIssueDateSaySo() {
		String id = institutionId("吉林省松江肿瘤医院");
		JsonNode report = this.api.get("/api/institutions/" + id + "/eligibility/G08?asOf=" + AS_OF).body();
		assertThat(report.get("specKey").asString()).isEqualTo("G08-2023");
		assertThat(report.get("notices").toString()).contains("本规范印发日期 2023-01-01 为推定日期");
	}

	@ParameterizedTest
	@ValueSource(strings = { "institution", "physician", "staff", "trainee", "training-base" })
	void everyOpenApiExampleEvaluatesWithoutSavingAnything(String example) throws Exception {
		long institutions = this.api.get("/api/institutions").body().size();
		long people = this.api.get("/api/people").body().size();
		String body = new ClassPathResource("openapi/examples/" + example + ".json")
			.getContentAsString(StandardCharsets.UTF_8);
		Response response = this.api.post("/api/eligibility/evaluate", body);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.body().get("clauses").size()).isPositive();
		assertThat(this.api.get("/api/institutions").body().size()).isEqualTo(institutions);
		assertThat(this.api.get("/api/people").body().size()).isEqualTo(people);
	}

	@Test
	void whatIfShowsThePlannedBedCutAsNotMet() throws Exception {
		String body = new ClassPathResource("openapi/examples/institution.json")
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode report = this.api.post("/api/eligibility/evaluate", body).body();
		assertThat(clause(report, "(三)3").get("status").asString()).isEqualTo("NOT_MET");
	}

	@Test
	void technologyWithoutTrainingSectionSaysSoInsteadOfNoSpec() {
		Response trainee = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"S01\", \"subject\": \"TRAINEE\", \"asOf\": \"2026-06-30\", \"regionCode\": \"220102\", \"facts\": {\"person\": {\"name\": \"甲\"}}}");
		assertThat(trainee.status()).as(trainee.text()).isEqualTo(200);
		assertThat(trainee.body().get("specKey").asString()).isEqualTo("S01-2022");
		assertThat(trainee.body().get("status").asString()).isEqualTo("NOT_APPLICABLE");
		assertThat(trainee.body().get("notices").toString()).contains("本规范无培训要求");
	}

	@Test
	void whatIfWithoutRegionUsesTheDeploymentProvince() {
		Response physician = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"S01\", \"subject\": \"PHYSICIAN\", \"asOf\": \"2026-06-30\", \"facts\": {\"person\": {\"name\": \"甲\", \"roles\": [\"PHYSICIAN\"]}}}");
		assertThat(physician.status()).as(physician.text()).isEqualTo(200);
		assertThat(physician.body().get("specKey").asString()).isEqualTo("S01-2022");
	}

	@Test
	void openApiDocumentCarriesAWorkedExamplePerSubjectKind() {
		Response doc = this.api.get("/api/openapi");
		JsonNode examples = doc.body()
			.at("/paths/~1api~1eligibility~1evaluate/post/requestBody/content/application~1json/examples");
		assertThat(examples.propertyNames()).containsExactlyInAnyOrder("institution", "physician", "staff", "trainee",
				"training-base");
	}

	@Test
	void refusesBadRequestsWithChineseProblemDetails() {
		ObjectNode unknownTechnology = (ObjectNode) this.api.json()
			.readTree(
					"{\"technology\": \"G99\", \"subject\": \"PHYSICIAN\", \"facts\": {\"person\": {\"name\": \"甲\"}}}");
		Response notFound = this.api.post("/api/eligibility/evaluate", unknownTechnology);
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.body().get("code").asString()).isEqualTo("TECHNOLOGY_NOT_FOUND");

		Response missingPerson = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"G08\", \"subject\": \"PHYSICIAN\", \"facts\": {}}");
		assertThat(missingPerson.status()).isEqualTo(422);
		assertThat(missingPerson.body().get("detail").asString()).contains("facts.person");

		Response typo = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"G08\", \"subject\": \"PHYSICIAN\", \"facts\": {\"person\": {\"name\": \"甲\", \"titels\": []}}}");
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.body().get("detail").asString()).contains("未知字段", "titels");

		Response badSubject = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"G08\", \"subject\": \"HOSPITAL\", \"facts\": {}}");
		assertThat(badSubject.status()).isEqualTo(400);
		assertThat(badSubject.body().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
		assertThat(badSubject.body().get("detail").asString()).contains("HOSPITAL", "可选值：", "INSTITUTION（医疗机构）");

		Response badLevel = this.api.post("/api/eligibility/evaluate",
				"{\"technology\": \"G08\", \"subject\": \"INSTITUTION\", \"facts\": {\"institution\": {\"name\": \"甲\", \"level\": \"THIRD\"}}}");
		assertThat(badLevel.status()).isEqualTo(400);
		assertThat(badLevel.body().get("detail").asString()).contains("level", "THIRD", "TERTIARY_A（三级甲等）");

		Response noSpec = this.api.get("/api/institutions/" + institutionId("长春市中心医院") + "/eligibility/G01");
		assertThat(noSpec.status()).isEqualTo(422);
		assertThat(noSpec.body().get("code").asString()).isEqualTo("NO_SPEC_IN_FORCE");
	}

	@Test
	void servesSpecsAsReadableDocuments() {
		JsonNode technologies = this.api.get("/api/technologies").body();
		assertThat(technologies.size()).isEqualTo(17);
		assertThat(technologies.toString()).contains("规范未录入", "规范已录入");
		JsonNode spec = this.api.get("/api/specs/G08-2023").body();
		assertThat(spec.get("procedureCodes").toString()).doesNotContain(". ");
		assertThat(spec.get("clauses").size()).isEqualTo(spec.at("/summary/clauseCount").asInt());
		assertThat(this.api.get("/api/specs/G99-2000").body().get("code").asString()).isEqualTo("SPEC_NOT_FOUND");
		assertThat(spec.get("issuedOnAssumed").asBoolean()).isTrue();
		assertThat(spec.get("issuedOnNote").asString()).contains("未载明印发日期");
		assertThat(spec.at("/summary/issuedOnAssumed").asBoolean()).isTrue();
		JsonNode hyperthermia = this.api.get("/api/specs/S04-2017").body();
		assertThat(hyperthermia.get("effectiveUntil").asString()).isEqualTo("2022-04-19");
		assertThat(this.api.get("/api/specs/S04-2022").body().has("effectiveUntil")).as("no end: omitted").isFalse();
	}

	@Test
	void exemptionBeforeTheIssueDateCountsTheFiveYearsBeforeThatDay() {
		JsonNode met = this.api.get("/api/people/" + personId("于海波") + "/eligibility/S04?asOf=" + AS_OF).body();
		assertThat(met.get("trainee").get("status").asString()).isEqualTo("MET");
		JsonNode short1 = this.api.get("/api/people/" + personId("包晓东") + "/eligibility/S04?asOf=" + AS_OF).body();
		assertThat(short1.get("trainee").get("status").asString()).isEqualTo("NOT_MET");
	}

	@Test
	void trainingBaseVolumeIsTheRollingYearBeforeTheEvaluationDate() {
		JsonNode report = this.api
			.get("/api/institutions/" + institutionId("吉林省松江肿瘤医院") + "/eligibility/G08?trainingBase=true&asOf=" + AS_OF)
			.body();
		LocalDate today = LocalDate.parse(AS_OF);
		assertThat(clause(report, "四(二)1(4)").get("explanation").asString())
			.contains(today.minusYears(1) + " 至 " + today.minusDays(1));
		assertThat(clause(report, "四(二)1(4)").get("status").asString()).isEqualTo("MET");
	}

	@Test
	void provincialTrainingBaseNeedsTheProvincesDesignation() {
		JsonNode report = this.api
			.get("/api/institutions/" + institutionId("吉林省松江肿瘤医院") + "/eligibility/S04?trainingBase=true&asOf=" + AS_OF)
			.body();
		assertThat(report.get("specKey").asString()).isEqualTo("S04-2022");
		assertThat(clause(report, "四(二)1").get("status").asString()).isEqualTo("MET");
		assertThat(report.get("status").asString()).isEqualTo("MET");
	}

}
