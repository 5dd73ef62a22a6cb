package cn.rtms.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.rtms.support.Api;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of a demo shows filings in every state, dated relative to the day of
 * the start, in the inboxes and lists of the users who act next.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.demo-data.filings=true")
class DemoFilingsIT {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	DemoUsers demoUsers;

	@org.springframework.beans.factory.annotation.Autowired
	cn.rtms.identity.UserManagement users;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * A missing demo account is added again on a later start, but not to a database that
	 * holds a real account (a production start that forgot RTMS_DEMODATA_ENABLED=false
	 * would otherwise gain province and city accounts with the published password).
	 * Rolled back.
	 */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void noDemoAccountIsAddedToADatabaseUsedForReal() throws Exception {
		// other tests of this context may have created real accounts: a demo database
		// here
		this.jdbc.sql("update identity.user_account set demo_account = true where not demo_account").update();
		this.jdbc.sql("update identity.user_account set username = 'meihekou-old' where username = 'meihekou'")
			.update();
		this.demoUsers.run(null);
		assertThat(this.users.exists("meihekou")).as("a demo database gets its missing demo account back").isTrue();

		this.jdbc.sql("update identity.user_account set username = 'meihekou-new' where username = 'meihekou'")
			.update();
		this.jdbc.sql("update identity.user_account set demo_account = false where username = 'meihekou-old'").update();
		assertThat(this.users.hasRealAccounts()).isTrue();
		this.demoUsers.run(null);
		assertThat(this.users.exists("meihekou")).as("a database used for real gets none").isFalse();
	}

	Api as(String user) {
		return Api.as(this.port, user);
	}

	static boolean inboxHas(JsonNode inbox, String technology, String action) {
		for (JsonNode item : inbox) {
			if (item.get("filing").get("technology").asString().equals(technology)
					&& item.get("action").asString().equals(action)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void showsFilingsInEveryStateDatedFromToday() {
		JsonNode all = as("admin").get("/api/filings").body();
		Map<String, String> states = new HashMap<>();
		for (JsonNode filing : all) {
			states.put(filing.get("institutionName").asString() + " " + filing.get("technology").asString(),
					filing.get("state").asString());
		}
		assertThat(states).containsEntry("吉林省松江肿瘤医院 G08", "ACTIVE")
			.containsEntry("吉林省松江肿瘤医院 G07", "UNDER_EXPERT_REVIEW")
			.containsEntry("吉林省松江肿瘤医院 S04", "REVOKED")
			.containsEntry("长春市中心医院 G08", "RETURNED_FOR_SUPPLEMENT")
			.containsEntry("长春市中心医院 S03", "SUBMITTED")
			.containsEntry("吉林市江城医院 G08", "DRAFT")
			.hasSize(6);

		LocalDate today = TestClock.today();
		for (JsonNode filing : all) {
			LocalDate firstCase = LocalDate.parse(filing.get("firstCaseDate").asString());
			assertThat(firstCase).isBetween(today.minusDays(30), today);
			assertThat(filing.get("lateFiling").asBoolean()).as(filing.toString()).isFalse();
		}
	}

	@Test
	void theNextActorOfEachOpenFilingFindsItInTheInbox() {
		assertThat(inboxHas(as("changchun").get("/api/filings/inbox").body(), "S03", "RECEIVE")).isTrue();
		JsonNode expert2 = as("expert2").get("/api/filings/inbox").body();
		assertThat(expert2.toString()).contains("G07");
		assertThat(as("expert1").get("/api/filings/inbox").body().toString()).doesNotContain("\"G07\"");
		JsonNode clerk = as("ccszx-clerk").get("/api/filings/inbox").body();
		assertThat(clerk.toString()).contains("RETURNED_FOR_SUPPLEMENT");
	}

	@Test
	void thePublicListShowsTheActiveAndTheRevokedFiling() {
		JsonNode published = new Api(this.port).get("/api/public/filings").body();
		assertThat(published.toString()).contains("吉林省松江肿瘤医院", "肿瘤消融治疗技术");
		assertThat(published.size()).isEqualTo(2);
		assertThat(as("admin").get("/api/audit/verify").body().get("valid").asBoolean()).isTrue();
	}

}
