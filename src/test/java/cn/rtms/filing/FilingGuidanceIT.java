package cn.rtms.filing;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.rtms.filing.FilingClient.Part;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing guidance (docs/filing.md, "Guidance"): batch confirmation with one evidence file
 * (audited per clause), withdrawal of a submission not yet received (and who is told),
 * deletion of a draft, the proposed first-case date, the authority's name and due date in
 * the submission's answer, and the message to the authority when an expert gives an
 * opinion. Shares the notifications test context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=NotificationsIT")
class FilingGuidanceIT {

	static final String FIRST_CASE = TestClock.today().minusDays(7).toString();

	/**
	 * Technologies with a spec in force on the test day that no other test of this
	 * context files for 长春市中心医院 (S04, S05: FilingNotificationsIT); tests take the first
	 * free one, the batch confirmation from the front, the others from the back.
	 */
	static final List<String> SPECIFIED = List.of("S03", "G07", "G10", "G08", "S01", "S02");

	/** The same, national technologies first (the submission and withdrawal tests). */
	static final List<String> NATIONAL_FIRST = List.of("G08", "G10", "G07", "S01", "S02", "S03");

	/** Provincial ones: reviewed by 长春市 itself (the expert-opinion test). */
	static final List<String> PROVINCIAL = List.of("S02", "S01", "S03");

	static final String MEETING = TestClock.today().minusDays(5).toString();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	@Test
	void confirmsSeveralClausesWithOneFileAndAuditsEachClause() {
		FilingClient clerk = as("ccszx-clerk");
		JsonNode filing = selfAssessed(clerk, SPECIFIED, f -> f.get("pendingAttestations").size() >= 2);
		String id = filing.get("id").asString();
		List<String> pending = strings(filing.get("pendingAttestations"));
		int documents = filing.get("documents").size();

		// one clause that needs no confirmation refuses the whole batch: nothing changes
		String notPending = "不存在的条款";
		for (JsonNode clause : filing.get("assessment").get("report").get("clauses")) {
			if (!"NEEDS_ATTESTATION".equals(clause.get("status").asString())) {
				notPending = clause.get("citation").asString();
			}
		}
		List<Map.Entry<String, String>> refused = batch(filing, List.of(pending.getFirst(), notPending), "现场核查");
		Response bad = clerk.multipart("/api/filings/" + id + "/attestations/batch", refused,
				List.of(new Part("file", "evidence.pdf", pdf("evidence"))), Set.of());
		assertThat(bad.status()).as(bad.text()).isEqualTo(400);
		assertThat(clerk.filing(id).get("version").asLong()).isEqualTo(filing.get("version").asLong());
		Response noFile = clerk.multipart("/api/filings/" + id + "/attestations/batch", batch(filing, pending, "现场核查"),
				List.of(), Set.of());
		assertThat(noFile.status()).as(noFile.text()).isEqualTo(400);

		JsonNode confirmed = clerk
			.ok(clerk.multipart("/api/filings/" + id + "/attestations/batch", batch(filing, pending, "设备与人员现场核查记录"),
					List.of(new Part("file", "核查记录.pdf", pdf("batch evidence"))), Set.of()));
		assertThat(confirmed.get("pendingAttestations").size()).isZero();
		assertThat(confirmed.get("documents").size()).as("the file is stored once").isEqualTo(documents + 1);
		String documentId = confirmed.get("documents").get(documents).get("id").asString();
		Set<String> evidenceFiles = new HashSet<>();
		confirmed.get("attestations").forEach(a -> evidenceFiles.add(a.get("documentId").asString()));
		assertThat(evidenceFiles).containsExactly(documentId);
		assertThat(confirmed.get("attestations").size()).isEqualTo(pending.size());
		List<String> audited = this.jdbc
			.sql("select action from audit.entry where entity_type = 'Filing' and entity_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
		assertThat(audited.stream().filter("FILING_ATTEST"::equals).count()).as("one audit entry per clause")
			.isEqualTo(pending.size());
		// the hospital of another institution may not
		Response foreign = as("songjiang-clerk").multipart("/api/filings/" + id + "/attestations/batch",
				batch(confirmed, pending, "x"), List.of(new Part("file", "x.pdf", pdf("x"))), Set.of());
		assertThat(foreign.status()).isEqualTo(403);
		// never submitted: the draft may be deleted, which frees the technology for the
		// other tests of this context
		assertThat(clerk.api.delete("/api/filings/" + id + "?version=" + version(confirmed)).status()).isEqualTo(204);
	}

	@Test
	void withdrawsASubmissionNotYetReceivedAndTellsTheAuthority() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		JsonNode filing = submitted(clerk, selfAssessed(clerk, NATIONAL_FIRST, f -> true));
		String id = filing.get("id").asString();
		// the answer names the authority it went to and its due date (the toast shows
		// them)
		assertThat(filing.get("holderAuthorityName").asString()).isEqualTo("长春市卫生健康委员会");
		assertThat(filing.get("actionDueOn").asString()).isNotBlank();
		assertThat(strings(filing.get("allowedActions"))).contains("withdraw");
		assertThat(strings(city.filing(id).get("allowedActions"))).doesNotContain("withdraw");

		Response byAuthority = city.post("/api/filings/" + id + "/withdraw", Map.of("version", version(filing)));
		assertThat(byAuthority.status()).isEqualTo(403);
		JsonNode withdrawn = clerk
			.ok(clerk.post("/api/filings/" + id + "/withdraw", Map.of("version", version(filing), "reason", "补充材料")));
		assertThat(withdrawn.get("state").asString()).isEqualTo("SELF_ASSESSED");
		assertThat(withdrawn.has("holderRegionCode")).isFalse();
		assertThat(withdrawn.get("steps").get(withdrawn.get("steps").size() - 1).get("action").asString())
			.isEqualTo("WITHDRAW");
		assertThat(strings(withdrawn.get("allowedActions"))).contains("submit").doesNotContain("delete", "withdraw");
		assertThat(kinds(city, id)).contains("FILING_WITHDRAWN");
		assertThat(kinds(as("province"), id)).isEmpty();
		assertThat(kinds(clerk, id)).doesNotContain("FILING_WITHDRAWN");
		assertThat(this.jdbc.sql(
				"select count(*) from audit.entry where entity_type = 'Filing' and entity_id = ? and action = 'FILING_WITHDRAW'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// a draft once submitted cannot be deleted
		assertThat(clerk.api.delete("/api/filings/" + id + "?version=" + version(withdrawn)).status()).isEqualTo(409);

		// submitted again and received: no longer withdrawable
		JsonNode again = clerk.ok(clerk.post("/api/filings/" + id + "/submit",
				Map.of("version", version(withdrawn), "firstCaseDate", FIRST_CASE)));
		JsonNode received = city.ok(city.post("/api/filings/" + id + "/receive", Map.of("version", version(again))));
		Response late = clerk.post("/api/filings/" + id + "/withdraw", Map.of("version", version(received)));
		assertThat(late.status()).as(late.text()).isEqualTo(409);
		assertThat(late.body().get("code").asString()).isEqualTo("ILLEGAL_FILING_TRANSITION");
	}

	@Test
	void deletesADraftWithAnAuditEntry() {
		FilingClient clerk = as("ccszx-clerk");
		JsonNode draft = clerk.ok(clerk.post("/api/filings", Map.of("technology", "G03")));
		String id = draft.get("id").asString();
		assertThat(strings(draft.get("allowedActions"))).contains("delete");
		assertThat(as("songjiang-clerk").api.delete("/api/filings/" + id).status()).isEqualTo(403);
		assertThat(as("changchun").api.delete("/api/filings/" + id).status()).isEqualTo(403);
		Response stale = clerk.api.delete("/api/filings/" + id + "?version=" + (version(draft) + 1));
		assertThat(stale.status()).isEqualTo(409);

		assertThat(clerk.api.delete("/api/filings/" + id + "?version=" + version(draft)).status()).isEqualTo(204);
		assertThat(clerk.get("/api/filings/" + id).status()).isEqualTo(404);
		assertThat(this.jdbc.sql(
				"select count(*) from audit.entry where entity_type = 'Filing' and entity_id = ? and action = 'FILING_DELETE_DRAFT'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// the technology may be filed again
		JsonNode next = clerk.ok(clerk.post("/api/filings", Map.of("technology", "G03")));
		assertThat(clerk.api.delete("/api/filings/" + next.get("id").asString()).status()).isEqualTo(204);
	}

	@Test
	void proposesTheFirstCaseDateFromTheInstitutionsRecords() {
		FilingClient clerk = as("ccszx-clerk");
		JsonNode institution = clerk
			.ok(clerk.get("/api/institutions/" + clerk.ok(clerk.get("/api/auth/me")).get("institutionId").asString()));
		// the earliest recorded volume of a technology with cases (the registry is empty
		// in tests)
		Map<String, String> earliest = new HashMap<>();
		JsonNode volumes = institution.get("caseVolumes");
		if (volumes != null) {
			volumes.forEach(v -> {
				if (v.get("cases").asInt() > 0) {
					String month = v.has("month") && !v.get("month").isNull() ? "%02d".formatted(v.get("month").asInt())
							: "01";
					String day = v.get("year").asInt() + "-" + month + "-01";
					earliest.merge(v.get("technology").asString(), day, (a, b) -> a.compareTo(b) <= 0 ? a : b);
				}
			});
		}
		for (Map.Entry<String, String> entry : earliest.entrySet()) {
			JsonNode suggestion = clerk.ok(clerk.get("/api/filings/first-case-date?technology=" + entry.getKey()));
			assertThat(suggestion.get("firstCaseDate").asString()).as(entry.getKey()).isEqualTo(entry.getValue());
			assertThat(suggestion.get("source").asString()).isEqualTo("VOLUMES");
		}
		String none = List
			.of("G01", "G02", "G03", "G04", "G05", "G06", "G07", "G09", "G10", "G11", "G12", "S01", "S02", "S03")
			.stream()
			.filter(t -> !earliest.containsKey(t))
			.findFirst()
			.orElseThrow();
		JsonNode nothing = clerk.ok(clerk.get("/api/filings/first-case-date?technology=" + none));
		assertThat(nothing.has("firstCaseDate")).isFalse();
		assertThat(nothing.get("note").asString()).contains("请按实际填写");
		assertThat(as("changchun").get("/api/filings/first-case-date?technology=G01").status()).isEqualTo(403);
		assertThat(clerk.get("/api/filings/first-case-date?technology=NOPE").status()).isEqualTo(404);
	}

	@Test
	void anExpertOpinionTellsTheAuthorityThatAssignedIt() {
		FilingClient clerk = as("ccszx-clerk");
		FilingClient city = as("changchun");
		FilingClient expert = as("expert1");
		FilingClient expert2 = as("expert2");
		JsonNode filing = submitted(clerk, selfAssessed(clerk, PROVINCIAL, f -> true));
		String id = filing.get("id").asString();
		filing = act(city, filing, "receive", Map.of());
		filing = act(city, filing, "expert-review", Map.of("expertIds", List.of(expert.me(), expert2.me())));
		filing = act(expert, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "条件具备，同意"));

		List<JsonNode> opinions = messages(city, id, "EXPERT_OPINION_GIVEN");
		assertThat(opinions).hasSize(1);
		assertThat(opinions.getFirst().get("body").asString()).contains("长春市中心医院", "已提交审查意见", "同意", "尚有 1 位评审专家未提交意见");
		for (String other : List.of("province", "nanguan", "meihekou", "expert2", "ccszx-clerk", "ccszx-admin")) {
			assertThat(messages(as(other), id, "EXPERT_OPINION_GIVEN")).as(other).isEmpty();
		}
		act(expert2, filing, "expert-opinions", Map.of("verdict", "AGREE", "text", "同意"));
		assertThat(messages(city, id, "EXPERT_OPINION_GIVEN")).hasSize(2)
			.first()
			.satisfies(m -> assertThat(m.get("body").asString()).contains("全部评审专家均已提交意见"));
	}

	// --- helpers ---

	static List<Map.Entry<String, String>> batch(JsonNode filing, List<String> clauses, String evidence) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(new SimpleEntry<>("version", String.valueOf(version(filing))));
		for (String clause : clauses) {
			fields.add(new SimpleEntry<>("clauseRefs", clause));
		}
		fields.add(new SimpleEntry<>("evidence", evidence));
		return fields;
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	List<String> kinds(FilingClient user, String filingId) {
		List<String> kinds = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> {
			if (("/filings/" + filingId).equals(m.get("link").asString())) {
				kinds.add(m.get("kind").asString());
			}
		});
		return kinds;
	}

	List<JsonNode> messages(FilingClient user, String filingId, String kind) {
		List<JsonNode> found = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> {
			if (("/filings/" + filingId).equals(m.get("link").asString()) && kind.equals(m.get("kind").asString())) {
				found.add(m);
			}
		});
		return found;
	}

	JsonNode act(FilingClient user, JsonNode filing, String action, Map<String, Object> body) {
		Map<String, Object> withVersion = new HashMap<>(body);
		withVersion.put("version", version(filing));
		return user.ok(user.post("/api/filings/" + filing.get("id").asString() + "/" + action, withVersion));
	}

	/**
	 * A self-assessed filing of the first technology of the list that the hospital has no
	 * open filing of, that has a spec in force and whose assessment is wanted; the drafts
	 * tried on the way are deleted again.
	 */
	JsonNode selfAssessed(FilingClient clerk, List<String> technologies, Predicate<JsonNode> wanted) {
		for (String technology : technologies) {
			Response created = clerk.post("/api/filings", Map.of("technology", technology));
			if (created.status() == 409) {
				continue;
			}
			JsonNode draft = clerk.ok(created);
			String id = draft.get("id").asString();
			Response assessed = clerk.post("/api/filings/" + id + "/self-assessment",
					Map.of("version", version(draft)));
			if (assessed.status() == 200 && wanted.test(assessed.body())) {
				return assessed.body();
			}
			assertThat(clerk.api.delete("/api/filings/" + id).status()).isEqualTo(204);
		}
		throw new AssertionError("长春市中心医院 has no free technology among " + technologies);
	}

	JsonNode submitted(FilingClient clerk, JsonNode assessed) {
		JsonNode filing = assessed;
		String id = filing.get("id").asString();
		List<String> pending = strings(filing.get("pendingAttestations"));
		if (!pending.isEmpty()) {
			filing = clerk
				.ok(clerk.multipart("/api/filings/" + id + "/attestations/batch", batch(filing, pending, "现场核查：符合要求"),
						List.of(new Part("file", "evidence.pdf", pdf("evidence"))), Set.of()));
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
