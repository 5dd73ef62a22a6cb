package cn.rtms.cases.gate;

import java.util.Locale;
import java.util.Map;

import cn.rtms.cases.gate.GateFixtures.KeyClient;
import cn.rtms.cases.gate.GateFixtures.Reply;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.rtms.cases.gate.GateFixtures.CHANGCHUN;
import static cn.rtms.cases.gate.GateFixtures.SONGJIANG;
import static cn.rtms.cases.gate.GateFixtures.createKey;
import static cn.rtms.cases.gate.GateFixtures.grantG08;
import static cn.rtms.cases.gate.GateFixtures.institutionId;
import static cn.rtms.cases.gate.GateFixtures.personId;
import static cn.rtms.cases.gate.GateFixtures.revoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-entry check end to end on the embedded PostgreSQL, with the demo data and the
 * demo filings (松江: G08 ACTIVE, G07 under expert review, S04 revoked): API keys, every
 * answer, the view following grants, revocations and person changes without a restart,
 * overrides, and what a key can not do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api songjiangAdmin;

	Api songjiangClerk;

	String songjiang;

	KeyClient his;

	@BeforeAll
	void songjiangHasAnAdministratorAndAKey() {
		this.songjiangAdmin = GateFixtures.songjiangAdmin(this.port);
		this.songjiangClerk = Api.as(this.port, "songjiang-clerk");
		this.songjiang = institutionId(this.songjiangAdmin, SONGJIANG);
		this.his = KeyClient.of(this.port, createKey(this.songjiangAdmin, "HIS 手术申请"));
	}

	String gate(String person, String code) {
		return "/api/gate?physician=" + person + "&procedureCode=" + code;
	}

	@Test
	void keyLifecycleCreateUseRotateRevoke() {
		Api ccszxAdmin = Api.as(this.port, "ccszx-admin");
		JsonNode issued = createKey(ccszxAdmin, "  手术排程系统 ");
		String secret = issued.get("secret").asString();
		assertThat(secret).matches("rtms_[0-9a-f]{12}\\.[A-Za-z0-9_-]{43}");
		assertThat(issued.at("/key/name").asString()).isEqualTo("手术排程系统");
		assertThat(issued.at("/key/status").asString()).isEqualTo("ACTIVE");
		String id = issued.at("/key/id").asString();

		KeyClient client = KeyClient.of(this.port, issued);
		Reply pong = client.get("/api/gate/ping");
		assertThat(pong.status()).as(pong.text()).isEqualTo(200);
		assertThat(pong.body().get("status").asString()).isEqualTo("UP");
		assertThat(pong.cookies()).as("no session for a machine client").noneMatch(c -> c.startsWith("JSESSIONID"));
		assertThat(client.withHeader().get("/api/gate/ping").status()).isEqualTo(200);

		Response list = ccszxAdmin.get("/api/api-keys");
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		assertThat(list.text()).doesNotContain(secret.substring(secret.indexOf('.') + 1)).contains("手术排程系统");
		assertThat(lastUsedAt(ccszxAdmin)).as("the last use is written off the request, shortly after").isNotNull();
		assertThat(list.text()).doesNotContain("HIS 手术申请");

		Response rotated = ccszxAdmin.post("/api/api-keys/" + id + "/rotate", Map.of());
		assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
		KeyClient renewed = KeyClient.of(this.port, rotated.body());
		Reply old = client.get("/api/gate/ping");
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.code()).isEqualTo("API_KEY_INVALID");
		assertThat(old.body().get("detail").asString()).contains("已吊销");
		assertThat(renewed.get("/api/gate/ping").status()).isEqualTo(200);

		Response revoked = ccszxAdmin.delete("/api/api-keys/" + id);
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.body().get("status").asString()).isEqualTo("REVOKED");
		assertThat(renewed.get("/api/gate/ping").code()).isEqualTo("API_KEY_INVALID");
		Response again = ccszxAdmin.delete("/api/api-keys/" + id);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body().get("code").asString()).isEqualTo("API_KEY_REVOKED");

		Response audit = Api.as(this.port, "admin").get("/api/audit?entityType=ApiKey&entityId=" + id);
		assertThat(audit.text()).contains("API_KEY_CREATED", "API_KEY_ROTATED", "API_KEY_REVOKED")
			.doesNotContain(secret.substring(secret.indexOf('.') + 1));
	}

	/**
	 * @return the newest key's last use once it is written (asynchronously, so waits up
	 * to 10 s), null if it never is
	 */
	static @Nullable String lastUsedAt(Api admin) {
		for (int i = 0; i < 200; i++) {
			JsonNode last = admin.get("/api/api-keys").body().get(0).get("lastUsedAt");
			if (last != null && !last.isNull()) {
				return last.asString();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}
		return null;
	}

	@Test
	void aKeyedRequestCreatesNoSession() {
		long sessions = sessionRows();
		for (int i = 0; i < 20; i++) {
			Reply pong = this.his.get("/api/gate/ping");
			assertThat(pong.status()).as(pong.text()).isEqualTo(200);
			assertThat(pong.cookies()).noneMatch(c -> c.startsWith("JSESSIONID"));
			Reply answer = this.his.get("/api/gate?physician=" + "0".repeat(15) + "&technology=G08");
			assertThat(answer.status()).as(answer.text()).isEqualTo(200);
			assertThat(answer.cookies()).noneMatch(c -> c.startsWith("JSESSIONID"));
		}
		assertThat(sessionRows()).as("identity.spring_session rows after 40 keyed requests").isEqualTo(sessions);
	}

	long sessionRows() {
		return this.jdbc.sql("select count(*) from identity.spring_session").query(Long.class).single();
	}

	@Test
	void onlyTheHospitalAdministratorManagesItsOwnKeys() {
		Api clerk = Api.as(this.port, "ccszx-clerk");
		Response byClerk = clerk.post("/api/api-keys", Map.of("name", "x"));
		assertThat(byClerk.status()).isEqualTo(403);
		Response blank = this.songjiangAdmin.post("/api/api-keys", Map.of("name", "  "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body().get("code").asString()).isEqualTo("INVALID_API_KEY");
		String songjiangKey = this.songjiangAdmin.get("/api/api-keys").body().get(0).get("id").asString();
		Response foreign = Api.as(this.port, "ccszx-admin").post("/api/api-keys/" + songjiangKey + "/rotate", Map.of());
		assertThat(foreign.status()).isEqualTo(403);
	}

	@Test
	void aKeyReachesNothingButTheCheck() {
		for (String path : new String[] { "/api/institutions", "/api/api-keys", "/api/auth/me", "/api/gate/overrides",
				"/api/audit" }) {
			Reply reply = this.his.get(path);
			assertThat(reply.status()).as(path + " " + reply.text()).isEqualTo(403);
			assertThat(reply.code()).isEqualTo("API_KEY_SCOPE");
		}
		Reply create = this.his.post("/api/api-keys", Map.of("name", "自己再建一个"));
		assertThat(create.status()).isEqualTo(403);
		Reply confirm = this.his.post("/api/gate/overrides/00000000-0000-0000-0000-000000000001/confirm", Map.of());
		assertThat(confirm.status()).isEqualTo(403);

		Api anonymous = new Api(this.port);
		Response none = anonymous.get("/api/gate?physician=x&technology=G08");
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.body().get("code").asString()).isEqualTo("API_KEY_REQUIRED");
		Response session = this.songjiangClerk.get("/api/gate?physician=x&technology=G08");
		assertThat(session.status()).as("a session is no key").isEqualTo(401);
		Reply forged = new KeyClient(this.port, "rtms_0123456789ab." + "A".repeat(43), true).get("/api/gate/ping");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("API_KEY_INVALID");
		assertThat(forged.body().get("title").asString()).isEqualTo("API 密钥无效");
		Reply garbage = new KeyClient(this.port, "not a key", false).get("/api/institutions");
		assertThat(garbage.status()).isEqualTo(401);
	}

	@Test
	void allowsAnAuthorizedPhysicianAtAnActivelyFiledHospitalByIdOrLicence() {
		String gao = personId(this.songjiangAdmin, "高志远");
		// revoked at the end: other tests in the same database rely on 高志远 holding no G08
		// grant
		String grant = grantG08(this.songjiangClerk, this.songjiangAdmin, gao, "RFA", "MWA");
		try {
			Reply allow = this.his.get(gate(gao, "06.3100x001"));
			assertThat(allow.decision()).as(allow.text()).isEqualTo("ALLOW");
			assertThat(allow.body().get("technology").asString()).isEqualTo("G08");
			assertThat(allow.body().get("subTechnique").asString()).isEqualTo("RFA");
			assertThat(allow.body().get("reasons").size()).isZero();
			assertThat(allow.body().has("checkedAt")).isTrue();
			assertThat(allow.body().has("asOf")).isTrue();

			String licence = this.songjiangAdmin.get("/api/people/" + gao).body().at("/licence/number").asString();
			Reply byLicence = this.his.get("/api/gate?institution=" + this.songjiang + "&physician=" + licence
					+ "&procedureCode=063100%20X002&date=" + GateFixtures.TODAY);
			assertThat(byLicence.decision()).as(byLicence.text()).isEqualTo("ALLOW");
			assertThat(byLicence.body().get("procedureCode").asString()).isEqualTo("06.3100x002");

			Reply cryo = this.his.get(gate(gao, "52.%202200X007"));
			assertThat(cryo.decision()).isEqualTo("DENY");
			assertThat(cryo.codes()).containsExactly("OUT_OF_SCOPE");
			assertThat(this.his.get("/api/gate?physician=" + gao + "&technology=g08&subTechnique=mwa").decision())
				.isEqualTo("ALLOW");
		}
		finally {
			revoke(this.songjiangAdmin, grant);
		}
	}

	@Test
	void deniesWithEachReason() {
		String lin = personId(this.songjiangAdmin, "林雪梅");
		Reply unauthorized = this.his.get(gate(lin, "50.2400x001"));
		assertThat(unauthorized.decision()).isEqualTo("DENY");
		assertThat(unauthorized.codes()).containsExactly("UNAUTHORIZED");
		assertThat(unauthorized.body().at("/reasons/0/message").asString()).contains("未授权");

		Reply unfiled = this.his.get(gate(lin, "17.41"));
		assertThat(unfiled.body().get("technology").asString()).isEqualTo("G10");
		assertThat(unfiled.codes()).contains("UNFILED", "UNAUTHORIZED");
		assertThat(this.his.get("/api/gate?physician=" + lin + "&technology=S04").codes()).contains("UNFILED");

		Reply pending = this.his.get("/api/gate?physician=" + lin + "&technology=G07");
		assertThat(pending.codes()).contains("FILING_PENDING").doesNotContain("UNFILED");
		assertThat(pending.body().at("/reasons/0/blocking").asBoolean()).isFalse();

		Reply unknown = this.his.get(gate("110000000000000", "50.2400x001"));
		assertThat(unknown.decision()).isEqualTo("DENY");
		assertThat(unknown.codes()).contains("UNKNOWN_PHYSICIAN");

		String qin = personId(this.songjiangAdmin, "秦晓光");
		grantG08(this.songjiangClerk, this.songjiangAdmin, qin);
		assertThat(this.his.get(gate(qin, "50.2400x001")).decision()).isEqualTo("ALLOW");
		JsonNode person = this.songjiangClerk.get("/api/people/" + qin).body();
		((tools.jackson.databind.node.ObjectNode) person).putArray("titles");
		Response edited = this.songjiangClerk.put("/api/people/" + qin, person);
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		Reply notEligible = this.his.get(gate(qin, "50.2400x001"));
		assertThat(notEligible.decision()).as("the eligibility cache follows the person change").isEqualTo("DENY");
		assertThat(notEligible.codes()).containsExactly("NOT_ELIGIBLE");
		assertThat(notEligible.body().at("/reasons/0/message").asString()).contains("秦晓光", "不符合");
	}

	@Test
	void answersAboutAnotherHospitalsPhysicianAsAboutNobody() {
		Api ccszxClerk = Api.as(this.port, "ccszx-clerk");
		String ccszx = institutionId(ccszxClerk, CHANGCHUN);
		JsonNode physician = null;
		for (JsonNode summary : ccszxClerk.get("/api/people?role=PHYSICIAN&institutionId=" + ccszx).body()) {
			JsonNode person = ccszxClerk.get("/api/people/" + summary.get("id").asString()).body();
			if (person.at("/licence/number").isString() && person.get("titles").size() > 0) {
				physician = person;
				break;
			}
		}
		assertThat(physician).as("a licensed physician of %s with a title", CHANGCHUN).isNotNull();
		String id = physician.get("id").asString();
		String name = physician.get("name").asString();
		String licence = physician.at("/licence/number").asString();
		JsonNode titles = physician.get("titles").deepCopy();
		// without a title the physician is not eligible: an answer that judged them would
		// say so, with their name
		((ObjectNode) physician).putArray("titles");
		Response cleared = ccszxClerk.put("/api/people/" + id, physician);
		assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
		try {
			Reply nobody = this.his.get(gate("00000000-0000-4000-8000-000000000001", "50.2400x001"));
			for (String ref : new String[] { id, id.toUpperCase(Locale.ROOT), licence }) {
				Reply other = this.his.get(gate(ref, "50.2400x001"));
				assertThat(other.decision()).as(other.text()).isEqualTo("DENY");
				assertThat(other.codes()).containsExactly("UNKNOWN_PHYSICIAN");
				assertThat(other.body().has("physicianId")).as(other.text()).isFalse();
				assertThat(other.text()).doesNotContain(name, CHANGCHUN, "NOT_ELIGIBLE", "符合");
				assertThat(other.body().at("/reasons/0/message").asString()).contains("该医师不在本机构执业登记", ref);
			}
			assertThat(this.his.get(gate(licence, "50.2400x001")).text()).as("the licence gives away no id")
				.doesNotContain(id);
			assertThat(this.his.get(gate(id, "50.2400x001")).body().at("/reasons/0/message").asString())
				.isEqualTo(nobody.body()
					.at("/reasons/0/message")
					.asString()
					.replace("00000000-0000-4000-8000-000000000001", id));
			Reply override = this.his.post("/api/gate/overrides",
					Map.of("physician", licence, "procedureCode", "50.2400x001", "reason", "急诊"));
			assertThat(override.status()).as(override.text()).isEqualTo(201);
			assertThat(override.text()).doesNotContain(name, id, "NOT_ELIGIBLE");
		}
		finally {
			JsonNode current = ccszxClerk.get("/api/people/" + id).body();
			((ObjectNode) current).set("titles", titles);
			assertThat(ccszxClerk.put("/api/people/" + id, current).status()).isEqualTo(200);
		}
	}

	@Test
	void answersNotRestrictedAndRefusesBadInputInChinese() {
		String lin = personId(this.songjiangAdmin, "林雪梅");
		Reply free = this.his.get(gate(lin, "47.0100"));
		assertThat(free.decision()).isEqualTo("NOT_RESTRICTED");
		assertThat(free.body().has("technology")).isFalse();
		for (String query : new String[] { gate(lin, "abc"), gate("someone", "50.2400x001"),
				"/api/gate?physician=" + lin, gate(lin, "50.2400x001") + "&date=2026-13-01",
				gate(lin, "50.2400x001") + "&date=-999999999-01-01", "/api/gate?physician=" + lin + "&technology=X99",
				gate(lin, "50.2400x001") + "&institution=nope" }) {
			Reply bad = this.his.get(query);
			assertThat(bad.status()).as(query + " " + bad.text()).isEqualTo(400);
			assertThat(bad.body().get("detail").asString()).as(query).containsPattern("\\p{IsHan}");
		}
	}

	@Test
	void refusesAnotherHospital() {
		String ccszx = institutionId(Api.as(this.port, "admin"), CHANGCHUN);
		String lin = personId(this.songjiangAdmin, "林雪梅");
		Reply other = this.his.get(gate(lin, "50.2400x001") + "&institution=" + ccszx);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.code()).isEqualTo("GATE_OTHER_INSTITUTION");
	}

	@Test
	void theViewFollowsGrantsAndRevocationsWithoutRestart() {
		String han = personId(this.songjiangAdmin, "韩东");
		assertThat(this.his.get(gate(han, "50.2400x001")).codes()).containsExactly("UNAUTHORIZED");
		String grant = grantG08(this.songjiangClerk, this.songjiangAdmin, han);
		assertThat(this.his.get(gate(han, "50.2400x001")).decision()).isEqualTo("ALLOW");
		revoke(this.songjiangAdmin, grant);
		Reply after = this.his.get(gate(han, "50.2400x001"));
		assertThat(after.decision()).isEqualTo("DENY");
		assertThat(after.codes()).containsExactly("UNAUTHORIZED");
	}

	@Test
	void anOverrideIsRecordedAndConfirmedByTheMedicalAffairsOffice() {
		String lin = personId(this.songjiangAdmin, "林雪梅");
		Reply noReason = this.his.post("/api/gate/overrides", Map.of("physician", lin, "procedureCode", "50.2400x001"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.text()).contains("理由");
		Reply anotherDay = this.his.post("/api/gate/overrides", Map.of("physician", lin, "procedureCode", "50.2400x001",
				"reason", "急诊", "date", GateFixtures.TODAY.minusYears(1).toString()));
		assertThat(anotherDay.status()).as("an override is checked on its own day").isEqualTo(400);
		assertThat(anotherDay.text()).contains("紧急放行按当天");
		Reply recorded = this.his.post("/api/gate/overrides",
				Map.of("physician", lin, "procedureCode", "50.2400x001", "reason", "急诊：肝癌破裂出血，需立即消融止血"));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
		assertThat(recorded.body().get("decision").asString()).isEqualTo("DENY");
		assertThat(recorded.body().get("status").asString()).isEqualTo("UNCONFIRMED");
		assertThat(recorded.body().get("apiKeyName").asString()).isEqualTo("HIS 手术申请");
		String id = recorded.body().get("id").asString();

		Response unconfirmed = this.songjiangClerk.get("/api/gate/overrides?status=UNCONFIRMED");
		assertThat(unconfirmed.status()).as(unconfirmed.text()).isEqualTo(200);
		assertThat(unconfirmed.text()).contains(id, "肝癌破裂出血");
		JsonNode listed = null;
		for (JsonNode o : unconfirmed.body()) {
			listed = o.get("id").asString().equals(id) ? o : listed;
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("physicianName").asString()).as("the surgeon by name, not the id the HIS sent")
			.isEqualTo("林雪梅");
		assertThat(Api.as(this.port, "ccszx-clerk").get("/api/gate/overrides").text()).doesNotContain(id);
		Response foreign = Api.as(this.port, "ccszx-clerk")
			.post("/api/gate/overrides/" + id + "/confirm", Map.of("note", "x"));
		assertThat(foreign.status()).isEqualTo(403);

		Response confirmed = this.songjiangClerk.post("/api/gate/overrides/" + id + "/confirm",
				Map.of("note", "已核实急诊指征"));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		assertThat(confirmed.body().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmed.body().get("confirmedBy").asString()).isEqualTo("松江肿瘤医院医务科");
		assertThat(this.songjiangClerk.get("/api/gate/overrides?status=UNCONFIRMED").text()).doesNotContain(id);
		Response twice = this.songjiangClerk.post("/api/gate/overrides/" + id + "/confirm", Map.of());
		assertThat(twice.status()).isEqualTo(409);

		Response audit = Api.as(this.port, "admin").get("/api/audit?entityType=GateOverride&entityId=" + id);
		assertThat(audit.text()).contains("GATE_OVERRIDE_RECORDED", "GATE_OVERRIDE_CONFIRMED", "接口密钥：HIS 手术申请");
	}

	@Test
	void documentsTheCheckForIntegratorsInTheOpenApiDocument() {
		Response document = new Api(this.port).get("/api/openapi");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body().at("/paths/~1api~1gate/get/security/0").has("apiKey")).as(document.text()).isTrue();
		assertThat(document.body().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
		assertThat(document.body().at("/paths/~1api~1api-keys/post/summary").asString()).isEqualTo("新建 API 密钥");
		assertThat(document.body().at("/paths/~1api~1gate~1overrides/post")).isNotNull();
	}

}
