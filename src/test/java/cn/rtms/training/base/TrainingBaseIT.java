package cn.rtms.training.base;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.rtms.audit.AuditEntry;
import cn.rtms.audit.AuditTrail;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import cn.rtms.training.TrainingBaseDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training bases over HTTP with the demo users (docs/training.md): 吉林省松江肿瘤医院's G08 base
 * from application to filing (return and resubmission, expert review), the refusals
 * (wrong role, wrong region, wrong state, an instructor of another institution), the live
 * verdict, the public list, the instructor directory the trainee file reads, and the
 * revocation proposal when the instructors leave. Runs in a context of its own: it files
 * and revokes a base and changes instructors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=TrainingBaseIT")
class TrainingBaseIT {

	static final LocalDate TODAY = TestClock.today();

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail audit;

	@Autowired
	TrainingBaseDirectory directory;

	@Autowired
	TrainingBaseRecheck recheck;

	Api as(String user) {
		return Api.as(this.port, user);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().get("code").asString()).isEqualTo(code);
		assertThat(response.body().get("detail").asString()).containsPattern("\\p{IsHan}");
	}

	static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.text()).isBetween(200, 201);
		return response.body();
	}

	String institutionId(Api api, String name) {
		JsonNode found = ok(api.get("/api/institutions?q=" + name));
		return found.get(0).get("id").asString();
	}

	@Test
	void aBaseIsAppliedForReviewedReturnedResubmittedFiledPublishedAndProposedForRevocation() {
		Api base = as("songjiang-base");
		Api province = as("province");
		String songjiang = institutionId(province, "吉林省松江肿瘤医院");
		String central = institutionId(province, "长春市中心医院");

		// wrong role: a clerk may not apply, an authority may not apply
		assertProblem(as("songjiang-clerk").post("/api/training-bases", Map.of("technology", "G08")), 403, "FORBIDDEN");
		assertProblem(province.post("/api/training-bases", Map.of("technology", "G08")), 403, "FORBIDDEN");
		assertProblem(base.post("/api/training-bases", Map.of("technology", "X99")), 404, "TECHNOLOGY_NOT_FOUND");

		JsonNode draft = ok(base.post("/api/training-bases", Map.of("technology", "G08")));
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("institutionName").asString()).isEqualTo("吉林省松江肿瘤医院");
		assertThat(draft.get("actions").toString()).contains("ADD_INSTRUCTOR", "SUBMIT", "WITHDRAW");
		assertProblem(base.post("/api/training-bases", Map.of("technology", "G08")), 409,
				"TRAINING_BASE_ALREADY_EXISTS");

		// instructors: the institution's physicians; someone of another institution is
		// refused
		JsonNode people = ok(base.get("/api/people?institutionId=" + songjiang + "&role=PHYSICIAN"));
		List<String> physicians = new ArrayList<>();
		people.forEach(p -> physicians.add(p.get("id").asString()));
		assertThat(physicians).hasSizeGreaterThanOrEqualTo(4);
		String outsider = ok(province.get("/api/people?institutionId=" + central + "&role=PHYSICIAN")).get(0)
			.get("id")
			.asString();
		assertProblem(base.post("/api/training-bases/" + id + "/instructors", Map.of("personId", outsider)), 400,
				"INVALID_TRAINING_BASE_REQUEST");
		String yearAgo = TODAY.minusYears(1).toString();
		for (String person : physicians) {
			ok(base.post("/api/training-bases/" + id + "/instructors", Map.of("personId", person, "since", yearAgo)));
		}
		assertProblem(base.post("/api/training-bases/" + id + "/instructors", Map.of("personId", physicians.get(0))),
				400, "INVALID_TRAINING_BASE_REQUEST");
		assertThat(this.directory.instructorsOn(java.util.UUID.fromString(id), TODAY)).hasSize(physicians.size());

		// live verdict, clause by clause with actual and required
		JsonNode verdict = ok(base.get("/api/training-bases/" + id + "/verdict"));
		assertThat(verdict.get("subject").asString()).isEqualTo("TRAINING_BASE");
		assertThat(verdict.get("specKey").asString()).isEqualTo("G08-2022");
		JsonNode instructorsClause = clause(verdict, "四(二)1(5)");
		assertThat(instructorsClause.get("required").asString()).contains("不少于 4 名");
		assertThat(instructorsClause.get("actual").asString()).endsWith("名");
		String liveStatus = verdict.get("status").asString();
		assertThat(liveStatus).as(verdict.toString()).isNotEqualTo("NOT_MET");

		// submission freezes the verdict and lists the open clauses
		JsonNode submitted = ok(base.post("/api/training-bases/" + id + "/submit", Map.of()));
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("verdictStatus").asString()).isEqualTo(liveStatus);
		assertThat(submitted.get("verdict").get("clauses").size()).isGreaterThan(5);
		List<String> unmet = new ArrayList<>();
		submitted.get("unmetClauses").forEach(c -> unmet.add(c.get("status").asString()));
		assertThat(unmet).allMatch(TrainingBaseManagement.UNMET::contains);
		JsonNode submitStep = submitted.get("steps").get(submitted.get("steps").size() - 1);
		assertThat(submitStep.get("actorName").asString()).isEqualTo("松江肿瘤医院培训基地");
		assertThat(submitStep.get("note").asString()).startsWith("评估结论：");

		// region scope: the city of the institution reads, another city and an unassigned
		// expert do not
		ok(as("changchun").get("/api/training-bases/" + id));
		assertProblem(as("meihekou").get("/api/training-bases/" + id), 403, "FORBIDDEN");
		assertThat(ok(as("meihekou").get("/api/training-bases")).size()).isZero();
		Api expert1 = as("expert1");
		assertProblem(expert1.get("/api/training-bases/" + id), 403, "FORBIDDEN");
		// only the province decides
		assertProblem(as("changchun").post("/api/training-bases/" + id + "/return", Map.of("note", "材料不全")), 403,
				"FORBIDDEN");
		assertProblem(province.post("/api/training-bases/" + id + "/file", Map.of()), 409,
				"ILLEGAL_TRAINING_BASE_TRANSITION");

		// returned with reasons, resubmitted
		assertProblem(province.post("/api/training-bases/" + id + "/return", Map.of()), 400,
				"INVALID_TRAINING_BASE_REQUEST");
		JsonNode returned = ok(province.post("/api/training-bases/" + id + "/return", Map.of("note", "请补充培训大纲")));
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("decisionReason").asString()).isEqualTo("请补充培训大纲");
		ok(base.post("/api/training-bases/" + id + "/submit", Map.of("note", "已补充培训大纲")));

		// expert review
		String expertId = expertId(province, "expert1");
		String expert2Id = expertId(province, "expert2");
		JsonNode review = ok(province.post("/api/training-bases/" + id + "/review",
				Map.of("expertIds", List.of(expertId, expert2Id))));
		assertThat(review.get("status").asString()).isEqualTo("UNDER_REVIEW");
		assertThat(review.get("experts").size()).isEqualTo(2);
		ok(expert1.get("/api/training-bases/" + id));
		assertProblem(expert1.get("/api/training-bases/" + id + "/verdict"), 403, "FORBIDDEN");
		assertProblem(expert1.post("/api/training-bases/" + id + "/file", Map.of()), 403, "FORBIDDEN");
		assertProblem(
				base.post("/api/training-bases/" + id + "/opinion", Map.of("recommendation", "FILE", "opinion", "同意")),
				403, "FORBIDDEN");
		ok(expert1.post("/api/training-bases/" + id + "/opinion",
				Map.of("recommendation", "FILE", "opinion", "师资与病例数符合要求，建议予以备案")));
		assertProblem(province.post("/api/training-bases/" + id + "/file", Map.of()), 409,
				"ILLEGAL_TRAINING_BASE_TRANSITION");
		ok(as("expert2").post("/api/training-bases/" + id + "/opinion",
				Map.of("recommendation", "FILE", "opinion", "同意")));
		JsonNode filed = ok(province.post("/api/training-bases/" + id + "/file", Map.of("note", "予以备案")));
		assertThat(filed.get("status").asString()).isEqualTo("FILED");
		assertThat(filed.get("filedOn").asString()).isEqualTo(TODAY.toString());
		assertProblem(base.post("/api/training-bases/" + id + "/withdraw", Map.of()), 409,
				"ILLEGAL_TRAINING_BASE_TRANSITION");
		assertThat(this.directory.find(java.util.UUID.fromString(id)).orElseThrow().filedOn(TODAY)).isTrue();
		// once filed, an instructor's appointment is not dated back (trainees' cases are
		// checked against the instructors of their day)
		var backdated = base.post("/api/training-bases/" + id + "/instructors",
				Map.of("personId", physicians.get(0), "since", yearAgo));
		assertThat(backdated.status()).as(backdated.text()).isEqualTo(400);
		assertThat(backdated.text()).contains("不能早于今天");

		// every transition audited with the actor from the session
		List<AuditEntry> entries = this.audit.entries("TrainingBase", id, 100);
		assertThat(entries.stream().map(AuditEntry::action)).contains("TRAINING_BASE_CREATE",
				"TRAINING_BASE_INSTRUCTOR_ADD", "TRAINING_BASE_SUBMIT", "TRAINING_BASE_RETURN",
				"TRAINING_BASE_START_REVIEW", "TRAINING_BASE_EXPERT_OPINION", "TRAINING_BASE_FILE");
		assertThat(entries.stream()
			.filter(e -> e.action().equals("TRAINING_BASE_FILE"))
			.findFirst()
			.orElseThrow()
			.actorName()).isEqualTo("吉林省卫生健康委员会");

		// public list, no login
		JsonNode published = ok(new Api(this.port).get("/api/public/training-bases?technology=G08"));
		List<String> rows = new ArrayList<>();
		published.forEach(r -> rows.add(r.get("institutionName").asString() + " " + r.get("technology").asString() + " "
				+ r.get("regionCode").asString() + " " + r.get("filedOn").asString()));
		assertThat(rows).contains("吉林省松江肿瘤医院 G08 220104 " + TODAY);

		// still met: the daily re-check proposes nothing
		assertThat(this.recheck.recheck(java.util.UUID.fromString(songjiang))).isZero();
		JsonNode stillFiled = ok(province.get("/api/training-bases/" + id));
		assertThat(stillFiled.has("proposal") && !stillFiled.get("proposal").isNull()).isFalse();

		// the instructors leave: the re-check after commit proposes revocation, nothing
		// is revoked
		String yesterday = TODAY.minusDays(1).toString();
		for (String person : physicians) {
			ok(base.post("/api/training-bases/" + id + "/instructors/" + person + "/end", Map.of("until", yesterday)));
		}
		assertThat(this.directory.instructorsOn(java.util.UUID.fromString(id), TODAY)).isEmpty();
		JsonNode proposed = ok(province.get("/api/training-bases/" + id));
		assertThat(proposed.get("status").asString()).isEqualTo("FILED");
		assertThat(proposed.get("proposal").get("reason").asString()).contains("四(二)1(5)");
		assertThat(proposed.get("actions").toString()).contains("REVOKE", "DISMISS_PROPOSAL");
		JsonNode proposals = ok(province.get("/api/training-bases?proposals=true&technology=G08"));
		assertThat(proposals.size()).isEqualTo(1);
		assertThat(proposals.get(0).get("revocationProposed").asBoolean()).isTrue();
		assertThat(this.recheck.recheck(java.util.UUID.fromString(songjiang))).as("no second proposal").isZero();

		// the province revokes with a reason; the base leaves the public list
		assertProblem(base.post("/api/training-bases/" + id + "/revoke", Map.of("note", "x")), 403, "FORBIDDEN");
		JsonNode revoked = ok(province.post("/api/training-bases/" + id + "/revoke", Map.of("note", "指导医师均已离任")));
		assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
		assertThat(revoked.get("revokedOn").asString()).isEqualTo(TODAY.toString());
		assertThat(ok(new Api(this.port).get("/api/public/training-bases")).toString()).doesNotContain(id, "吉林省松江肿瘤医院");
		assertThat(this.audit.entries("TrainingBase", id, 100).stream().map(AuditEntry::action))
			.contains("TRAINING_BASE_REVOCATION_PROPOSED", "TRAINING_BASE_REVOKE");
	}

	@Test
	void theProvinceDesignatesABaseAndTheInstitutionWithdrawsAnApplicationBeforeADecision() {
		Api province = as("province");
		String central = institutionId(province, "长春市中心医院");
		JsonNode designated = ok(province.post("/api/training-bases/designations",
				Map.of("institutionId", central, "technology", "S03", "note", "吉卫医发〔2026〕1号")));
		assertThat(designated.get("status").asString()).isEqualTo("FILED");
		assertThat(designated.get("designated").asBoolean()).isTrue();
		assertThat(designated.get("verdict").get("subject").asString()).isEqualTo("TRAINING_BASE");
		assertProblem(as("changchun").post("/api/training-bases/designations",
				Map.of("institutionId", central, "technology", "S05")), 403, "FORBIDDEN");

		Api admin = as("ccszx-admin");
		JsonNode draft = ok(admin.post("/api/training-bases", Map.of("technology", "S05")));
		String id = draft.get("id").asString();
		ok(admin.post("/api/training-bases/" + id + "/submit", Map.of()));
		JsonNode withdrawn = ok(admin.post("/api/training-bases/" + id + "/withdraw", Map.of("note", "材料需重新准备")));
		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		assertProblem(province.post("/api/training-bases/" + id + "/review", Map.of("expertIds", List.of())), 400,
				"VALIDATION_FAILED");
		// a new application may follow a withdrawn one
		ok(admin.post("/api/training-bases", Map.of("technology", "S05")));
	}

	static JsonNode clause(JsonNode report, String ref) {
		for (JsonNode clause : report.get("clauses")) {
			if (clause.get("ref").asString().equals(ref)) {
				return clause;
			}
		}
		throw new AssertionError("no clause " + ref + " in " + report);
	}

	static String expertId(Api province, String username) {
		for (JsonNode expert : ok(province.get("/api/filings/experts"))) {
			if (expert.get("username").asString().equals(username)) {
				return expert.get("id").asString();
			}
		}
		throw new AssertionError("no expert " + username);
	}

}
