package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.experts.ExpertDraw;
import cn.rtms.filing.FilingClient.Part;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.rtms.filing.FilingClient.fields;
import static cn.rtms.filing.FilingClient.pdf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expert assignment from the regional pools (docs/experts.md) for a filing and a training
 * base: suggestions ranked by specialty, the pools within reach (own, above, below —
 * never a sibling city's), recusal of experts employed by the institution under review
 * (filtered and refused server-side with the expert named), the random draw among
 * matching, non-recused, active experts, recorded so that it can be recomputed. Shares
 * the {@code experts} context with the account-scope tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.test.context=experts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpertAssignmentIT {

	static final String PASSWORD = "Qz7#vLm2pW";

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	final Map<String, String> experts = new HashMap<>();

	String central;

	@BeforeAll
	void pool() {
		Api province = Api.as(this.port, "province");
		this.central = province.get("/api/institutions?q=长春市中心医院").body().get(0).get("id").asString();
		Api changchun = Api.as(this.port, "changchun");
		// employed by the hospital under review: recused
		expert(changchun, "ea-recused", "回避专家", "220100", List.of("S04", "S05"), this.central, null);
		// free-text employer equal to the hospital's name: recused as well
		expert(changchun, "ea-recused-text", "同名单位专家", "220100", List.of("S04"), null, "长春市中心医院");
		expert(changchun, "ea-match", "本级专家", "220100", List.of("S04"), null, "吉林大学第二医院");
		expert(province, "ea-above", "省库专家", "220000", List.of("S04", "S05", "G08"), null, null);
		expert(changchun, "ea-other-tech", "其他专业专家", "220100", List.of("G08"), null, null);
		String inactive = expert(changchun, "ea-inactive", "停用专家", "220100", List.of("S04"), null, null);
		ok(changchun.put("/api/experts/" + inactive,
				Map.of("specialties", List.of("S04"), "active", false, "version", 0)));
		// a sibling city's pool is out of 长春市's reach
		expert(province, "ea-sibling", "吉林市专家", "220200", List.of("S04"), null, null);
		// an expert account without a pool profile
		Api admin = Api.as(this.port, "admin");
		this.experts.put("ea-unpooled", ok(admin.post("/api/users", Map.of("username", "ea-unpooled", "displayName",
				"未入库专家", "role", "EXPERT", "initialPassword", PASSWORD)))
			.get("id")
			.asString());
	}

	String expert(Api authority, String username, String name, String region, List<String> specialties,
			String employerId, String employerName) {
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", name, "regionCode", region,
				"initialPassword", PASSWORD, "specialties", specialties));
		if (employerId != null) {
			body.put("employerInstitutionId", employerId);
		}
		if (employerName != null) {
			body.put("employerName", employerName);
		}
		JsonNode created = ok(authority.post("/api/experts", body));
		assertThat(created.get("inPool").asBoolean()).isTrue();
		this.experts.put(username, created.get("id").asString());
		return created.get("id").asString();
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	@Test
	@Order(1)
	void aFilingsSuggestionsDrawAndAssignmentRespectSpecialtyReachAndRecusal() {
		FilingClient clerk = FilingClient.as(this.port, "ccszx-clerk");
		FilingClient city = FilingClient.as(this.port, "changchun");
		JsonNode filing = submitted(clerk, "S04");
		String id = filing.get("id").asString();
		filing = city
			.ok(city.post("/api/filings/" + id + "/receive", Map.of("version", filing.get("version").asLong())));

		// the hospital cannot ask for suggestions
		assertProblem(clerk.get("/api/filings/" + id + "/expert-candidates"), 403, "FORBIDDEN");

		JsonNode candidates = city.ok(city.get("/api/filings/" + id + "/expert-candidates"));
		Map<String, JsonNode> byName = new HashMap<>();
		List<String> order = new ArrayList<>();
		candidates.forEach(c -> {
			byName.put(c.get("username").asString(), c);
			order.add(c.get("username").asString());
		});
		assertThat(byName)
			.containsKeys("ea-recused", "ea-recused-text", "ea-match", "ea-above", "ea-other-tech", "expert1",
					"expert2")
			.doesNotContainKeys("ea-inactive", "ea-sibling", "ea-unpooled");
		assertThat(byName.get("ea-match").get("pool").asString()).isEqualTo("本级");
		assertThat(byName.get("ea-above").get("pool").asString()).isEqualTo("上级");
		assertThat(byName.get("ea-recused").get("recused").asBoolean()).isTrue();
		assertThat(byName.get("ea-recused").get("recusalReason").asString()).contains("长春市中心医院").contains("回避");
		assertThat(byName.get("ea-recused-text").get("recused").asBoolean()).isTrue();
		assertThat(byName.get("ea-match").get("recused").asBoolean()).isFalse();
		// specialty matches first, the recused after the other matches
		assertThat(byName.get("ea-other-tech").get("specialtyMatch").asBoolean()).isFalse();
		List<Boolean> matches = new ArrayList<>();
		candidates.forEach(c -> matches.add(c.get("specialtyMatch").asBoolean()));
		assertThat(matches.indexOf(false)).isGreaterThan(matches.lastIndexOf(true));
		assertThat(order.indexOf("ea-match")).isLessThan(order.indexOf("ea-recused"));
		assertThat(order.indexOf("ea-match")).isLessThan(order.indexOf("ea-above"));

		// recusal is enforced server-side, naming the expert and why
		Response recused = city.post("/api/filings/" + id + "/expert-review",
				Map.of("version", filing.get("version").asLong(), "expertIds",
						List.of(this.experts.get("ea-match"), this.experts.get("ea-recused"))));
		assertProblem(recused, 422, "EXPERT_RECUSED");
		assertThat(recused.body().get("detail").asString()).contains("回避专家").contains("长春市中心医院").contains("回避");
		for (String refused : List.of("ea-inactive", "ea-sibling", "ea-unpooled")) {
			assertProblem(city.post("/api/filings/" + id + "/expert-review",
					Map.of("version", filing.get("version").asLong(), "expertIds", List.of(this.experts.get(refused)))),
					422, "EXPERT_NOT_ASSIGNABLE");
		}
		assertThat(city.filing(id).get("state").asString()).isEqualTo("RECEIVED");

		// the draw: only matching, non-recused, active experts within reach
		assertProblem(city.post("/api/filings/" + id + "/expert-draw", Map.of("count", 5)), 422, "EXPERT_DRAW_SHORT");
		assertProblem(city.post("/api/filings/" + id + "/expert-draw", Map.of("count", 0)), 422, "INVALID_EXPERT");
		JsonNode draw = city.ok(city.post("/api/filings/" + id + "/expert-draw", Map.of("count", 3)));
		List<String> candidateIds = new ArrayList<>();
		draw.get("candidateIds").forEach(c -> candidateIds.add(c.asString()));
		assertThat(candidateIds).containsExactlyInAnyOrder(this.experts.get("ea-match"), this.experts.get("ea-above"),
				userId("expert1"), userId("expert2"));
		List<UUID> drawn = new ArrayList<>();
		draw.get("drawn").forEach(d -> drawn.add(UUID.fromString(d.get("id").asString())));
		assertThat(drawn).hasSize(3).doesNotHaveDuplicates();
		String seed = draw.get("seed").asString();
		assertThat(ExpertDraw.draw(candidateIds.stream().map(UUID::fromString).toList(), 3, seed)).isEqualTo(drawn);

		// recorded on the filing: candidates, seed and result
		AuditEntry recorded = this.audit.entries("Filing", id, 50)
			.stream()
			.filter(e -> e.action().equals("EXPERT_DRAWN"))
			.findFirst()
			.orElseThrow();
		assertThat(recorded.after()).contains(seed).contains("本级专家").contains("省库专家").doesNotContain("回避专家");
		for (UUID d : drawn) {
			assertThat(recorded.after()).contains(d.toString());
		}

		// the drawn experts are assigned
		List<String> drawnIds = drawn.stream().map(UUID::toString).toList();
		JsonNode review = city.ok(city.post("/api/filings/" + id + "/expert-review",
				Map.of("version", filing.get("version").asLong(), "expertIds", drawnIds)));
		assertThat(review.get("state").asString()).isEqualTo("UNDER_EXPERT_REVIEW");
		assertThat(review.get("experts").size()).isEqualTo(3);
		assertThat(review.get("allowedActions").toString()).contains("expert-replacement");

		// 更换评审专家: one of the panel cannot take part; the replacement is checked as at
		// the start (recusal, reach), needs a reason, and only the new expert is told
		String leaving = drawnIds.get(0);
		String incoming = candidateIds.stream().filter(c -> !drawnIds.contains(c)).findFirst().orElseThrow();
		assertThat(city.ok(city.get("/api/filings/" + id + "/expert-candidates")).size()).isGreaterThan(1);
		long version = review.get("version").asLong();
		assertProblem(city.post("/api/filings/" + id + "/expert-replacement", Map.of("version", version, "replacedId",
				leaving, "expertId", this.experts.get("ea-recused"), "reason", "出差")), 422, "EXPERT_RECUSED");
		assertProblem(
				city.post("/api/filings/" + id + "/expert-replacement",
						Map.of("version", version, "replacedId", leaving, "expertId", drawnIds.get(1), "reason", "出差")),
				400, "INVALID_FILING_REQUEST");
		assertProblem(
				clerk.post("/api/filings/" + id + "/expert-replacement",
						Map.of("version", version, "replacedId", leaving, "expertId", incoming, "reason", "出差")),
				403, "FORBIDDEN");
		JsonNode replaced = city.ok(city.post("/api/filings/" + id + "/expert-replacement",
				Map.of("version", version, "replacedId", leaving, "expertId", incoming, "reason", "因病不能参加评审")));
		List<String> panel = new ArrayList<>();
		replaced.get("experts").forEach(e -> panel.add(e.get("userId").asString()));
		assertThat(panel).hasSize(3).contains(incoming).doesNotContain(leaving);
		JsonNode step = replaced.get("steps").get(replaced.get("steps").size() - 1);
		assertThat(step.get("action").asString()).isEqualTo("REPLACE_EXPERT");
		assertThat(step.get("opinion").asString()).contains("因病不能参加评审");
		assertThat(this.audit.entries("Filing", id, 50)).anyMatch(e -> e.action().equals("FILING_REPLACE_EXPERT"));
		Integer told = this.jdbc.queryForObject("""
				select count(*) from notifications.notification
				where kind = 'EXPERT_ASSIGNED' and subject_id = ?::uuid and recipient_id = ?::uuid""", Integer.class,
				id, incoming);
		assertThat(told).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from notifications.notification
				where kind = 'EXPERT_ASSIGNED' and subject_id = ?::uuid and recipient_id = ?::uuid""", Integer.class,
				id, drawnIds.get(1)))
			.as("the others are not told twice")
			.isEqualTo(1);
	}

	@Test
	@Order(2)
	void aTrainingBaseReviewRecusesTheBasesOwnEmployeesAndRecordsItsDraw() {
		Api admin = Api.as(this.port, "ccszx-admin");
		Api province = Api.as(this.port, "province");
		JsonNode base = ok(admin.post("/api/training-bases", Map.of("technology", "S05")));
		String id = base.get("id").asString();
		ok(admin.post("/api/training-bases/" + id + "/submit", Map.of()));

		JsonNode candidates = ok(province.get("/api/training-bases/" + id + "/expert-candidates"));
		Map<String, JsonNode> byName = new HashMap<>();
		candidates.forEach(c -> byName.put(c.get("username").asString(), c));
		// the province reaches every pool of the province, below it too
		assertThat(byName).containsKeys("ea-recused", "ea-above", "ea-sibling", "ea-match");
		assertThat(byName.get("ea-sibling").get("pool").asString()).isEqualTo("下级");
		assertThat(byName.get("ea-recused").get("recused").asBoolean()).isTrue();
		assertThat(byName.get("ea-recused").get("specialtyMatch").asBoolean()).isTrue();
		assertThat(byName.get("ea-match").get("specialtyMatch").asBoolean()).isFalse();

		Response recused = province.post("/api/training-bases/" + id + "/review",
				Map.of("expertIds", List.of(this.experts.get("ea-recused"))));
		assertProblem(recused, 422, "EXPERT_RECUSED");
		assertThat(recused.body().get("detail").asString()).contains("回避专家").contains("长春市中心医院");

		JsonNode draw = ok(province.post("/api/training-bases/" + id + "/expert-draw", Map.of("count", 2)));
		List<String> drawn = new ArrayList<>();
		draw.get("drawn").forEach(d -> drawn.add(d.get("id").asString()));
		assertThat(drawn).hasSize(2).doesNotContain(this.experts.get("ea-recused"), this.experts.get("ea-match"));
		assertThat(this.audit.entries("TrainingBase", id, 50).stream().map(AuditEntry::action))
			.contains("EXPERT_DRAWN");
		JsonNode review = ok(province.post("/api/training-bases/" + id + "/review", Map.of("expertIds", drawn)));
		assertThat(review.get("status").asString()).isEqualTo("UNDER_REVIEW");
	}

	@Test
	@Order(3)
	void poolChangesAreAuditedAndScopedToTheRegion() {
		Api changchun = Api.as(this.port, "changchun");
		String id = this.experts.get("ea-other-tech");
		JsonNode updated = ok(changchun.put("/api/experts/" + id,
				Map.of("specialties", List.of("G08", "S04"), "employerName", "吉林省人民医院", "version", 0)));
		assertThat(updated.get("specialties").size()).isEqualTo(2);
		assertThat(updated.get("version").asLong()).isEqualTo(1);
		assertProblem(changchun.put("/api/experts/" + id, Map.of("specialties", List.of("G08"), "version", 0)), 409,
				"EXPERT_STALE");
		assertProblem(changchun.put("/api/experts/" + id, Map.of("specialties", List.of("X99"))), 422,
				"INVALID_EXPERT");
		// 长春市 does not run the 吉林市 pool nor the province's
		assertProblem(
				changchun.put("/api/experts/" + this.experts.get("ea-sibling"), Map.of("specialties", List.of("S04"))),
				403, "FORBIDDEN");
		assertProblem(
				changchun.put("/api/experts/" + this.experts.get("ea-above"), Map.of("specialties", List.of("S04"))),
				403, "FORBIDDEN");
		List<String> listed = new ArrayList<>();
		ok(changchun.get("/api/experts")).forEach(e -> listed.add(e.get("username").asString()));
		assertThat(listed).contains("ea-match", "ea-inactive").doesNotContain("ea-sibling", "ea-above", "expert1");
		assertThat(this.audit.entries("Expert", id, 10).stream().map(AuditEntry::action)).contains("EXPERT_ENROLLED",
				"EXPERT_PROFILE_UPDATED");
		// the province places an unpooled expert account in a pool
		JsonNode placed = ok(Api.as(this.port, "province")
			.put("/api/experts/" + this.experts.get("ea-unpooled"), Map.of("regionCode", "220100", "specialties",
					List.of("G07"), "employerInstitutionId", this.central)));
		assertThat(placed.get("regionCode").asString()).isEqualTo("220100");
		assertThat(placed.get("employerName").asString()).isEqualTo("长春市中心医院");
	}

	String userId(String username) {
		return Api.as(this.port, username).get("/api/auth/me").body().get("id").asString();
	}

	JsonNode submitted(FilingClient clerk, String technology) {
		JsonNode filing = clerk.ok(clerk.post("/api/filings", Map.of("technology", technology)));
		String id = filing.get("id").asString();
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/self-assessment",
				Map.of("version", filing.get("version").asLong())));
		List<String> pending = new ArrayList<>();
		filing.get("pendingAttestations").forEach(c -> pending.add(c.asString()));
		for (String clause : pending) {
			filing = clerk
				.ok(clerk.multipart("/api/filings/" + id + "/attestations",
						fields("version", String.valueOf(filing.get("version").asLong()), "clauseRef", clause,
								"evidence", "现场核查：符合要求"),
						List.of(new Part("file", "evidence.pdf", pdf("evidence " + clause)))));
		}
		for (String committee : List.of("TECHNOLOGY_MANAGEMENT", "ETHICS")) {
			filing = clerk.ok(clerk.multipart("/api/filings/" + id + "/committee-opinions",
					fields("version", String.valueOf(filing.get("version").asLong()), "committee", committee,
							"meetingDate", TODAY.minusDays(5).toString(), "opinion", "经讨论，同意开展该技术"),
					List.of(new Part("minutes", "minutes.pdf", pdf("minutes " + committee)))));
		}
		filing = clerk.ok(clerk.post("/api/filings/" + id + "/submit",
				Map.of("version", filing.get("version").asLong(), "firstCaseDate", TODAY.minusDays(7).toString())));
		assertThat(filing.get("state").asString()).isEqualTo("SUBMITTED");
		return filing;
	}

}
