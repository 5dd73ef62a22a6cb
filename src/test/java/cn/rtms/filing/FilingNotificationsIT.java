package cn.rtms.filing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.filing.FilingClient.Part;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications (站内消息, docs/notifications.md) created from filing events, over HTTP with
 * the demo users: who is told of a submission, an assignment and an approval, and that
 * each user reads and marks only their own messages. In the filing test package to drive
 * the workflow with {@link FilingClient}; its own Spring context and database
 * ({@code rtms.test.context}), since it counts messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=NotificationsIT")
class FilingNotificationsIT {

	static final String FIRST_CASE = TestClock.today().minusDays(7).toString();

	static final String MEETING = TestClock.today().minusDays(5).toString();

	@LocalServerPort
	int port;

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	@Test
	void submissionTellsTheReceivingAuthorityOnlyAndApprovalTellsTheHospital() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient expert = as("expert1");
		JsonNode filing = submitted(clerk, "S04");
		String id = filing.get("id").asString();
		String technologyName = filing.get("technologyName").asString();

		JsonNode submitted = single(city, id, "FILING_SUBMITTED");
		assertThat(submitted.get("title").asString()).startsWith("待受理：长春市中心医院「" + technologyName + "」");
		assertThat(submitted.get("body").asString()).contains("长春市中心医院", technologyName, "已提交");
		assertThat(submitted.get("read").asBoolean()).isFalse();
		for (String other : List.of("meihekou", "province", "nanguan", "expert1", "songjiang-clerk")) {
			assertThat(messages(as(other), id)).as(other).isEmpty();
		}
		assertThat(messages(clerk, id)).isEmpty();

		filing = act(city, filing, "receive", Map.of());
		assertThat(single(clerk, id, "FILING_RECEIVED").get("body").asString()).contains("已受理");
		filing = act(city, filing, "expert-review", Map.of("expertIds", List.of(expert.me())));
		assertThat(single(expert, id, "EXPERT_ASSIGNED").get("body").asString()).contains("长春市中心医院", technologyName,
				"专家审查中");
		assertThat(messages(as("expert2"), id)).isEmpty();
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		filing = act(city, filing, "decision", Map.of("decision", "APPROVED", "reasons", "同意"));

		JsonNode approved = single(clerk, id, "FILING_APPROVED");
		assertThat(approved.get("title").asString()).isEqualTo("备案审查通过：长春市中心医院「" + technologyName + "」");
		assertThat(approved.get("body").asString()).contains("审查通过");
		assertThat(approved.get("link").asString()).isEqualTo("/filings/" + id);
		assertThat(single(as("ccszx-admin"), id, "FILING_APPROVED")).isNotNull();
		assertThat(messages(as("songjiang-clerk"), id)).isEmpty();
		assertThat(messages(city, id)).extracting(m -> m.get("kind").asString())
			.containsExactly("EXPERT_OPINION_GIVEN", "FILING_SUBMITTED");
	}

	@Test
	void eachUserReadsAndMarksOnlyTheirOwnMessages() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient province = as("province");
		JsonNode filing = submitted(clerk, "S05");
		String id = filing.get("id").asString();
		JsonNode message = single(city, id, "FILING_SUBMITTED");
		String messageId = message.get("id").asString();
		long unread = unread(city);
		assertThat(unread).isPositive();

		// another user cannot mark it, and learns nothing: 404 as for an unknown id
		Response foreign = province.post("/api/notifications/" + messageId + "/read", Map.of());
		assertThat(foreign.status()).as(foreign.text()).isEqualTo(404);
		assertThat(foreign.body().get("code").asString()).isEqualTo("NOTIFICATION_NOT_FOUND");
		assertThat(foreign.body().get("title").asString()).isEqualTo("消息不存在");
		assertThat(unread(city)).isEqualTo(unread);
		assertThat(ids(province.ok(province.get("/api/notifications?size=100")))).doesNotContain(messageId);
		assertThat(city.post("/api/notifications/not-a-uuid/read", Map.of()).status()).isEqualTo(400);

		JsonNode read = city.ok(city.post("/api/notifications/" + messageId + "/read", Map.of()));
		assertThat(read.get("read").asBoolean()).isTrue();
		assertThat(unread(city)).isEqualTo(unread - 1);
		assertThat(ids(city.ok(city.get("/api/notifications?unreadOnly=true&size=100")))).doesNotContain(messageId);
		JsonNode all = city.ok(city.get("/api/notifications?size=100"));
		assertThat(ids(all)).contains(messageId);
		assertThat(all.get("unread").asLong()).isEqualTo(unread - 1);
		// marking again keeps it read and is not an error
		assertThat(city.ok(city.post("/api/notifications/" + messageId + "/read", Map.of())).get("read").asBoolean())
			.isTrue();

		// paging: one per page, newest first
		JsonNode first = city.ok(city.get("/api/notifications?page=0&size=1"));
		assertThat(first.get("items").size()).isEqualTo(1);
		assertThat(first.get("total").asLong()).isEqualTo(all.get("total").asLong());

		act(city, filing, "receive", Map.of());
		long clerkUnread = unread(clerk);
		assertThat(clerkUnread).isPositive();
		JsonNode marked = city.ok(city.post("/api/notifications/read-all", Map.of()));
		assertThat(marked.get("marked").asLong()).isEqualTo(unread - 1);
		assertThat(unread(city)).isZero();
		assertThat(unread(clerk)).as("read-all marks only the caller's messages").isEqualTo(clerkUnread);
		Response unknown = city.post("/api/notifications/00000000-0000-0000-0000-000000000001/read", Map.of());
		assertThat(unknown.status()).isEqualTo(404);
	}

	long unread(FilingClient user) {
		return user.ok(user.get("/api/notifications/unread-count")).get("unread").asLong();
	}

	@Test
	void aGrantTellsThePhysicianAndARevocationAlsoTheClerks() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient admin = as("ccszx-admin");
		FilingClient doctor = as("doctor-wang");
		String wang = clerk.ok(clerk.get("/api/people?q=王淑华")).get(0).get("id").asString();
		String filing = clerk.selfAssessedFiling("G08");
		JsonNode record = admin.ok(admin.post("/api/authorizations",
				Map.of("personId", wang, "technology", "G08", "subTechniques", List.of(), "validFrom",
						TestClock.today().toString(), "validUntil", TestClock.today().plusYears(2).toString())));
		String id = record.get("id").asString();
		admin.ok(admin.post("/api/authorizations/" + id + "/grant", Map.of("version", 0)));
		// the grant needed it; the other tests of this context file G08 themselves
		clerk.deleteFiling(filing);

		JsonNode granted = kind(doctor, "AUTHORIZATION_GRANTED");
		assertThat(granted.get("title").asString()).isEqualTo("授权已批准：肿瘤消融治疗技术");
		assertThat(granted.get("body").asString()).contains("有效期 " + TestClock.today());
		assertThat(granted.get("link").asString()).isEqualTo("/authorizations");
		assertThat(kinds(clerk)).doesNotContain("AUTHORIZATION_GRANTED");

		admin.ok(admin.post("/api/authorizations/" + id + "/revoke", Map.of("version", 1, "reason", "外出进修一年")));
		assertThat(kind(doctor, "AUTHORIZATION_REVOKED").get("body").asString()).contains("王淑华", "外出进修一年");
		assertThat(kind(clerk, "AUTHORIZATION_REVOKED").get("title").asString()).isEqualTo("授权已撤销：王淑华「肿瘤消融治疗技术」");
		assertThat(kinds(as("songjiang-clerk"))).doesNotContain("AUTHORIZATION_REVOKED", "AUTHORIZATION_GRANTED");
		assertThat(kinds(as("changchun"))).doesNotContain("AUTHORIZATION_REVOKED", "AUTHORIZATION_GRANTED");
	}

	static List<String> kinds(FilingClient user) {
		List<String> kinds = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> kinds.add(m.get("kind").asString()));
		return kinds;
	}

	static JsonNode kind(FilingClient user, String kind) {
		List<JsonNode> found = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> {
			if (m.get("kind").asString().equals(kind)) {
				found.add(m);
			}
		});
		assertThat(found).as(kind).hasSize(1);
		return found.getFirst();
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(m -> ids.add(m.get("id").asString()));
		return ids;
	}

	/** The user's messages about the filing, newest first. */
	List<JsonNode> messages(FilingClient user, String filingId) {
		List<JsonNode> found = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> {
			if (m.get("link").asString().equals("/filings/" + filingId)) {
				found.add(m);
			}
		});
		return found;
	}

	JsonNode single(FilingClient user, String filingId, String kind) {
		List<JsonNode> found = messages(user, filingId).stream()
			.filter(m -> m.get("kind").asString().equals(kind))
			.toList();
		assertThat(found).as(kind).hasSize(1);
		return found.getFirst();
	}

	JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", filing.get("version").asLong());
		return user.ok(user.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion));
	}

	JsonNode submitted(FilingClient clerk, String technology) {
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", technology)));
		String id = filing.get("id").asString();
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/self-assessment", Map.of("version", version(filing))));
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/attestations",
					fields("version", String.valueOf(version(filing)), "clauseRef", clause, "evidence", "现场核查：符合要求"),
					List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", String.valueOf(version(filing)), "committee", committee, "meetingDate", MEETING,
							"opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/submit",
				Map.of("version", version(filing), "firstCaseDate", FIRST_CASE)));
		assertThat(filing.get("state").asString()).isEqualTo("SUBMITTED");
		return filing;
	}

	static long version(JsonNode filing) {
		return filing.get("version").asLong();
	}

}
