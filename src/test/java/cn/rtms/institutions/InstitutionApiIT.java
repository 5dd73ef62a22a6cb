package cn.rtms.institutions;

import java.util.Map;

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
class InstitutionApiIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = Api.as(this.port, "admin");
	}

	private ObjectNode validInstitution(String name) {
		return (ObjectNode) this.api.json().readTree("""
				{"name": "%s", "regionCode": "220102", "level": "TERTIARY_A", "type": "GENERAL",
				 "licence": {"number": "PDY00001022010215A1001", "issuedBy": "长春市卫生健康委员会",
				             "issuerRegionCode": "220100", "validFrom": "2020-01-01", "validUntil": "2030-12-31"},
				 "registeredSubjects": ["肿瘤科", "外科"],
				 "departments": [{"name": "肿瘤科", "subjects": ["肿瘤科"], "beds": 40, "since": "2010-03-01",
				                  "technologies": ["G08"]}],
				 "facilities": [{"kind": "PACU", "count": 1, "beds": 4}],
				 "caseVolumes": [{"technology": "G08", "year": 2025, "cases": 120}],
				 "firstCases": {"G08": "2015-06-01"}, "subTechniques": {"S04": ["DEEP"]}}
				""".formatted(name));
	}

	@Test
	void createsReadsAndUpdatesAnInstitution() {
		Response created = this.api.post("/api/institutions", validInstitution("测试创建医院"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.body().get("id").asString();
		assertThat(created.body().get("regionName").asString()).isEqualTo("南关区");

		ObjectNode changed = validInstitution("测试创建医院");
		((ObjectNode) changed.get("departments").get(0)).put("beds", 55);
		changed.put("version", created.body().get("version").asInt());
		Response updated = this.api.put("/api/institutions/" + id, changed);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(this.api.get("/api/institutions/" + id).body().at("/departments/0/beds").asInt()).isEqualTo(55);
		assertThat(this.api.get("/api/institutions?q=测试创建").body().size()).isEqualTo(1);
		assertThat(this.api.get("/api/institutions/" + id).body().at("/subTechniques/S04/0").asString())
			.isEqualTo("DEEP");
		assertThat(this.api.get("/api/institutions/" + id).body().at("/departments/0/technologies/0").asString())
			.isEqualTo("G08");

		Response trail = this.api.get("/api/audit?entityType=Institution&entityId=" + id);
		assertThat(trail.body().size()).as(trail.text()).isEqualTo(2);
		assertThat(trail.body().get(0).get("action").asString()).isEqualTo("INSTITUTION_UPDATED");
		assertThat(trail.body().get(0).get("before").asString()).contains("\"beds\":40");
		assertThat(trail.body().get(0).get("after").asString()).contains("\"beds\":55");
		assertThat(this.api.get("/api/audit/verify").body().get("valid").asBoolean()).isTrue();
	}

	@Test
	void rejectsNegativeBedsWithTheFieldNamedAndSavesNothing() {
		ObjectNode body = validInstitution("负床位医院");
		((ObjectNode) body.get("departments").get(0)).put("beds", -1);
		Response response = this.api.post("/api/institutions", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("departments[0].beds");
		assertThat(response.body().at("/errors/0/message").asString()).isEqualTo("床位数不能为负数");
		assertThat(this.api.get("/api/institutions?q=负床位").body().size()).isZero();
	}

	@Test
	void rejectsUnknownTechnologyAndFutureDatesAndUnknownRegion() {
		ObjectNode body = validInstitution("坏数据医院");
		body.put("regionCode", "229999");
		((ObjectNode) body.get("caseVolumes").get(0)).put("technology", "G99");
		body.set("firstCases", this.api.json().valueToTree(Map.of("G08", TestClock.today().plusDays(1).toString())));
		body.set("subTechniques", this.api.json().valueToTree(Map.of("S04", java.util.List.of())));
		body.put("specialty", "ONCOLOGY");
		Response response = this.api.post("/api/institutions", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body().get("code").asString()).isEqualTo("INVALID_INSTITUTION");
		assertThat(response.text()).contains("行政区划代码 229999 不存在", "未知的技术代码 “G99”", "晚于今天", "至少选择一个开展的亚类",
				"综合医院不填写专科类别");
		assertThat(this.api.get("/api/institutions?q=坏数据").body().size()).isZero();
	}

	@Test
	void rejectsMalformedDateWithTheFieldNamed() {
		String body = validInstitution("日期格式医院").toString().replace("2015-06-01", "2015-13-45");
		Response response = this.api.post("/api/institutions", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
		assertThat(response.body().get("detail").asString()).contains("firstCases");
	}

	@Test
	void answersNotFoundAsProblemDetail() {
		Response response = this.api.get("/api/institutions/00000000-0000-0000-0000-000000000001");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body().get("code").asString()).isEqualTo("INSTITUTION_NOT_FOUND");
		assertThat(this.api.get("/api/institutions/not-a-uuid").body().get("code").asString())
			.isEqualTo("INVALID_PARAMETER");
	}

	@Test
	void servesJilinRegionTreeWithDirectlyAdministeredUnits() {
		Response regions = this.api.get("/api/regions");
		assertThat(regions.body().get(0).get("code").asString()).isEqualTo("220000");
		assertThat(regions.text()).contains("长春市", "延边朝鲜族自治州", "梅河口市", "长白山");
		assertThat(regions.body().size()).as("only the deployment province (rtms.deployment.province)").isEqualTo(1);
		assertThat(regions.text()).doesNotContain("辽宁省", "沈阳市");
	}

	@Test
	void refusesAnInstitutionOutsideTheDeploymentProvince() {
		ObjectNode body = validInstitution("沈阳越界医院");
		body.put("regionCode", "210102");
		Response response = this.api.post("/api/institutions", body);
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.body().get("code").asString()).isEqualTo("INVALID_INSTITUTION");
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("regionCode");
		assertThat(response.body().at("/errors/0/message").asString()).isEqualTo("行政区划 210102（和平区）不在本平台部署的省份（吉林省）内");
		assertThat(this.api.get("/api/institutions?q=沈阳越界").body().size()).isZero();
	}

	String ownInstitutionId(Api clerk) {
		return clerk.get("/api/institutions").body().get(0).get("id").asString();
	}

	@Test
	void aHospitalCannotMoveItselfToAnotherJurisdictionOrRaiseItsGrade() {
		Api clerk = Api.as(this.port, "jiangcheng-clerk");
		String id = ownInstitutionId(clerk);
		ObjectNode current = (ObjectNode) clerk.get("/api/institutions/" + id).body();
		for (String field : java.util.List.of("regionCode", "level", "licence")) {
			ObjectNode changed = current.deepCopy();
			switch (field) {
				case "regionCode" -> changed.put("regionCode", "220102");
				case "level" -> changed.put("level", "TERTIARY_A");
				default -> ((ObjectNode) changed.get("licence")).put("issuerRegionCode", "220000")
					.put("issuedBy", "吉林省卫生健康委员会");
			}
			Response refused = clerk.put("/api/institutions/" + id, changed);
			assertThat(refused.status()).as(field + " " + refused.text()).isEqualTo(403);
			assertThat(refused.body().get("code").asString()).isEqualTo("JURISDICTION_CHANGE_REFUSED");
			assertThat(refused.body().get("detail").asString()).contains("不能自行修改");
		}
		assertThat(clerk.get("/api/institutions/" + id).body()).isEqualTo(current);
		ObjectNode beds = current.deepCopy();
		((ObjectNode) beds.get("departments").get(0)).put("beds", 41);
		assertThat(clerk.put("/api/institutions/" + id, beds).status()).as("other facts stay editable").isEqualTo(200);

		ObjectNode byAdmin = (ObjectNode) this.api.get("/api/institutions/" + id).body();
		ObjectNode change = byAdmin.objectNode()
			.put("regionCode", byAdmin.get("regionCode").asString())
			.put("level", "TERTIARY_A")
			.put("type", byAdmin.get("type").asString())
			.put("reason", "三级医院评审结果")
			.put("version", byAdmin.get("version").asInt());
		change.set("licence", byAdmin.get("licence"));
		Response changed = this.api.put("/api/institutions/" + id + "/jurisdiction", change);
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		change.put("level", current.get("level").asString()).put("version", changed.body().get("version").asInt());
		assertThat(this.api.put("/api/institutions/" + id + "/jurisdiction", change).status()).isEqualTo(200);
	}

	@Test
	void refusesBedsBeyondTheBoundSoTheListNeverOverflows() {
		ObjectNode body = validInstitution("超大床位医院");
		((ObjectNode) body.get("departments").get(0)).put("beds", Integer.MAX_VALUE);
		Response response = this.api.post("/api/institutions", body);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.body().at("/errors/0/field").asString()).isEqualTo("departments[0].beds");
		assertThat(response.body().at("/errors/0/message").asString()).isEqualTo("床位数不能超过 20000");
		ObjectNode twice = validInstitution("两万床位医院");
		twice.set("departments",
				this.api.json()
					.readTree("[{\"name\": \"肿瘤科\", \"subjects\": [\"肿瘤科\"], \"beds\": 20000},"
							+ " {\"name\": \"外科\", \"subjects\": [\"外科\"], \"beds\": 20000}]"));
		assertThat(this.api.post("/api/institutions", twice).status()).isEqualTo(201);
		Response list = this.api.get("/api/institutions?q=两万床位");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().get(0).get("beds").asLong()).isEqualTo(40_000);
	}

}
