package cn.rtms.personnel;

import cn.rtms.support.Api;
import cn.rtms.support.TestClock;
import cn.rtms.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonApiIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = Api.as(this.port, "admin");
	}

	private ObjectNode validPerson(String name, String licenceNumber) {
		return (ObjectNode) this.api.json()
			.readTree(
					"""
							{"name": "%s", "gender": "男", "birthDate": "1980-03-02", "roles": ["PHYSICIAN"],
							 "licence": {"number": "%s", "issuedOn": "2005-08-01", "scopes": ["外科专业"]},
							 "titles": [{"title": "RESIDENT", "since": "2005-08-01"}, {"title": "ATTENDING", "since": "2011-12-01"}],
							 "clinicalStart": "2005-07-01",
							 "caseVolumes": [{"technology": "G08", "year": 2024, "cases": 110}],
							 "adverseEvents": []}
							"""
						.formatted(name, licenceNumber));
	}

	@Test
	void createsAndReadsAPerson() {
		Response created = this.api.post("/api/people", validPerson("测试医师甲", "220000000000001"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response read = this.api.get("/api/people/" + created.body().get("id").asString());
		assertThat(read.body().at("/titles/1/title").asString()).isEqualTo("ATTENDING");
		assertThat(read.body().get("adverseEvents").isArray()).isTrue();
	}

	@Test
	void aHospitalCannotTakeItsPersonOffEveryInstitutionByEditingTheRecord() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		String ccszx = clerk.get("/api/institutions?q=长春市中心医院").body().get(0).get("id").asString();
		ObjectNode body = validPerson("测试医师离院", "220000000000417");
		body.put("institutionId", ccszx);
		Response created = clerk.post("/api/people", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();

		ObjectNode edit = (ObjectNode) created.body();
		edit.putNull("institutionId");
		Response cleared = clerk.put("/api/people/" + id, edit);
		assertThat(cleared.status()).as(cleared.text()).isEqualTo(403);
		assertThat(cleared.body().get("detail").asString()).contains("未关联医疗机构");
		assertThat(clerk.get("/api/people/" + id).body().get("institutionId").asString()).isEqualTo(ccszx);

		assertThat(this.api.put("/api/people/" + id, edit).status()).as("the system administrator may").isEqualTo(200);
	}

	@Test
	void rejectsTitleBeforeLicenceAndFutureDates() {
		ObjectNode body = validPerson("测试医师乙", "220000000000002");
		((ObjectNode) body.get("titles").get(1)).put("since", "2004-01-01");
		body.put("clinicalStart", TestClock.today().plusDays(1).toString());
		Response response = this.api.post("/api/people", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("code").asString()).isEqualTo("INVALID_PERSON");
		assertThat(response.text()).contains("titles[1].since", "主治医师取得日期 2004-01-01 早于执业证书发证日期 2005-08-01",
				"临床工作开始日期 " + TestClock.today().plusDays(1) + " 晚于今天");
		assertThat(this.api.get("/api/people?q=测试医师乙").body().size()).isZero();
	}

	@Test
	void rejectsHigherTitleObtainedBeforeLowerOne() {
		ObjectNode body = validPerson("测试医师丙", "220000000000003");
		((ObjectNode) body.get("titles").get(0)).put("since", "2012-01-01");
		Response response = this.api.post("/api/people", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.text()).contains("主治医师取得日期 2011-12-01 早于住院医师取得日期 2012-01-01");
	}

	@Test
	void rejectsNegativeCountsAndUnknownTechnology() {
		ObjectNode body = validPerson("测试医师丁", "220000000000004");
		((ObjectNode) body.get("caseVolumes").get(0)).put("cases", -3);
		Response response = this.api.post("/api/people", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("caseVolumes[0].cases");

		ObjectNode unknown = validPerson("测试医师丁", "220000000000004");
		((ObjectNode) unknown.get("caseVolumes").get(0)).put("technology", "X01");
		Response refused = this.api.post("/api/people", unknown);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("未知的技术代码 “X01”");
	}

	@Test
	void rejectsUnknownEnumValueWithTheFieldNamed() {
		String body = validPerson("测试医师戊", "220000000000005").toString().replace("\"ATTENDING\"", "\"PROFESSOR\"");
		Response response = this.api.post("/api/people", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("detail").asString()).contains("titles[1].title");
	}

	private String institutionId(String name) {
		return this.api.get("/api/institutions?q=" + name).body().get(0).get("id").asString();
	}

	@Test
	void recordsTheRegisteredInstitutionApartFromTheStaffList() {
		String staffOf = institutionId("长春市中心医院");
		String registeredAt = institutionId("吉林省松江肿瘤医院");
		ObjectNode body = validPerson("测试医师己", "220000000000006");
		body.put("institutionId", staffOf);
		((ObjectNode) body.get("licence")).put("registeredInstitutionId", registeredAt);
		Response created = this.api.post("/api/people", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response read = this.api.get("/api/people/" + created.body().get("id").asString());
		assertThat(read.body().get("institutionId").asString()).isEqualTo(staffOf);
		assertThat(read.body().at("/licence/registeredInstitutionId").asString()).isEqualTo(registeredAt);
		assertThat(read.body().at("/licence/registeredInstitution").asString()).isEqualTo("吉林省松江肿瘤医院");

		ObjectNode outside = validPerson("测试医师庚", "220000000000007");
		((ObjectNode) outside.get("licence")).put("registeredInstitution", " 北京协和医院 ");
		Response elsewhere = this.api.post("/api/people", outside);
		assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(201);
		assertThat(elsewhere.body().at("/licence/registeredInstitution").asString()).isEqualTo("北京协和医院");
		assertThat(elsewhere.body().path("licence").hasNonNull("registeredInstitutionId")).isFalse();

		ObjectNode unknown = validPerson("测试医师辛", "220000000000008");
		((ObjectNode) unknown.get("licence")).put("registeredInstitutionId", "00000000-0000-0000-0000-000000000009");
		Response refused = this.api.post("/api/people", unknown);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("licence.registeredInstitutionId");
	}

	@Test
	void recordsOperatorVolumesByCategoryAndRefusesDuplicates() {
		ObjectNode body = validPerson("测试医师壬", "220000000000009");
		body.set("operatorVolumes", this.api.json().readTree("""
				[{"category": "SKIN_DEFECT_REPAIR", "year": 2024, "cases": 149},
				 {"category": "SKIN_DEFECT_REPAIR", "year": 2025, "cases": 150}]
				"""));
		Response created = this.api.post("/api/people", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		Response read = this.api.get("/api/people/" + created.body().get("id").asString());
		assertThat(read.body().at("/operatorVolumes/0/cases").asInt()).isEqualTo(149);
		assertThat(read.body().at("/operatorVolumes/1/category").asString()).isEqualTo("SKIN_DEFECT_REPAIR");

		ObjectNode twice = validPerson("测试医师癸", "220000000000010");
		twice.set("operatorVolumes", this.api.json().readTree("""
				[{"category": "SKIN_DEFECT_REPAIR", "year": 2025, "cases": 150},
				 {"category": "SKIN_DEFECT_REPAIR", "year": 2025, "cases": 151}]
				"""));
		Response refused = this.api.post("/api/people", twice);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("operatorVolumes[1]", "皮肤组织缺损修复重建手术 2025 年的例数重复录入");
	}

	@Test
	void acceptsMonthlyCaseVolumesAndRefusesARepeatedMonth() {
		ObjectNode body = validPerson("测试医师子", "220000000000011");
		body.set("caseVolumes", this.api.json().readTree("""
				[{"technology": "S04", "year": 2017, "cases": 30},
				 {"technology": "S04", "year": 2017, "month": 12, "cases": 10}]
				"""));
		Response created = this.api.post("/api/people", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.body().at("/caseVolumes/1/month").asInt()).isEqualTo(12);

		ObjectNode twice = validPerson("测试医师丑", "220000000000012");
		twice.set("caseVolumes", this.api.json().readTree("""
				[{"technology": "S04", "year": 2017, "month": 12, "cases": 10},
				 {"technology": "S04", "year": 2017, "month": 12, "cases": 11}]
				"""));
		Response refused = this.api.post("/api/people", twice);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("S04 2017 年12 月的例数重复录入");
	}

}
