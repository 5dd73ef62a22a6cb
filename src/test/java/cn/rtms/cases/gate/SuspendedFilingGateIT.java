package cn.rtms.cases.gate;

import java.time.LocalDate;
import java.util.Map;

import cn.rtms.cases.gate.GateFixtures.KeyClient;
import cn.rtms.cases.gate.GateFixtures.Reply;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.cases.gate.GateFixtures.SONGJIANG;
import static cn.rtms.cases.gate.GateFixtures.TODAY;
import static cn.rtms.cases.gate.GateFixtures.createKey;
import static cn.rtms.cases.gate.GateFixtures.grantG08;
import static cn.rtms.cases.gate.GateFixtures.institutionId;
import static cn.rtms.cases.gate.GateFixtures.personId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-entry check follows a suspension (中止) of the hospital's filing: the province
 * registers 吉林省松江肿瘤医院's G08 filing approved a year ago (in force since), suspends it and
 * lifts the suspension again, and the check answers for days before, during and after
 * without a restart. Runs in a Spring context (and so a database) of its own
 * ({@code rtms.test.context}), so the suspension reaches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=SuspendedFilingGateIT")
class SuspendedFilingGateIT {

	static final LocalDate APPROVED_ON = TODAY.minusYears(1);

	@LocalServerPort
	int port;

	@Test
	void deniesFromTheDayOfTheSuspensionWithTheReasonAndAllowsTheDaysBeforeAndAfterTheResumption() {
		Api admin = GateFixtures.songjiangAdmin(this.port);
		Api clerk = Api.as(this.port, "songjiang-clerk");
		Api province = Api.as(this.port, "province");
		String songjiang = institutionId(province, SONGJIANG);
		Response registered = province.post("/api/filings/prior", Map.of("institutionId", songjiang, "technology",
				"G08", "approvedOn", APPROVED_ON.toString(), "documentNo", "吉卫医发〔" + APPROVED_ON.getYear() + "〕88号"));
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		String filing = "/api/filings/" + registered.body().get("id").asString();
		String gao = personId(admin, "高志远");
		grantG08(clerk, admin, gao, TODAY.minusDays(30));
		KeyClient his = KeyClient.of(this.port, createKey(admin, "HIS 手术申请"));
		String yesterday = gate(gao, TODAY.minusDays(1));
		String nextWeek = gate(gao, TODAY.plusDays(7));

		assertThat(his.get(yesterday).decision()).as(his.get(yesterday).text()).isEqualTo("ALLOW");
		assertThat(his.get(gate(gao, null)).decision()).isEqualTo("ALLOW");

		Response cancellation = province.post(filing + "/suspend", Map.of("version",
				registered.body().get("version").asLong(), "reason", "VOLUNTARY_CANCELLATION", "text", "医院未申请"));
		assertThat(cancellation.status()).as("a cancellation is not a reason to suspend").isEqualTo(400);
		assertThat(cancellation.text()).contains("不是中止的原因");
		Response suspended = province.post(filing + "/suspend", Map.of("version",
				registered.body().get("version").asLong(), "reason", "SERIOUS_ADVERSE_EVENT", "text", "发生严重不良事件，暂停开展"));
		assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
		assertThat(suspended.body().get("state").asString()).isEqualTo("SUSPENDED");

		for (String during : new String[] { gate(gao, null), nextWeek }) {
			Reply denied = his.get(during);
			assertThat(denied.decision()).as(during + " " + denied.text()).isEqualTo("DENY");
			assertThat(denied.codes()).containsExactly("UNFILED");
			JsonNode reason = denied.body().at("/reasons/0");
			assertThat(reason.get("blocking").asBoolean()).isTrue();
			assertThat(reason.get("message").asString()).contains("备案已中止（自 " + TODAY + " 起）", "未备案开展");
		}
		Reply before = his.get(yesterday);
		assertThat(before.decision()).as("the day before the suspension " + before.text()).isEqualTo("ALLOW");
		assertThat(before.body().get("reasons").size()).isZero();

		Response resumed = province.post(filing + "/resume",
				Map.of("version", suspended.body().get("version").asLong(), "text", "整改完成，恢复开展"));
		assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
		assertThat(resumed.body().get("state").asString()).isEqualTo("ACTIVE");
		assertThat(his.get(nextWeek).decision()).as(his.get(nextWeek).text()).isEqualTo("ALLOW");
		assertThat(his.get(gate(gao, null)).decision()).as("suspended and resumed on the same day").isEqualTo("ALLOW");
		assertThat(his.get(yesterday).decision()).isEqualTo("ALLOW");
	}

	static String gate(String physician, @Nullable LocalDate day) {
		return "/api/gate?physician=" + physician + "&technology=G08&subTechnique=RFA"
				+ (day == null ? "" : "&date=" + day);
	}

}
