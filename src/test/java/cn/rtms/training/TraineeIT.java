package cn.rtms.training;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import cn.rtms.audit.AuditTrail;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.rules.TraineeEvaluation;
import cn.rtms.rules.TrainingRecordSource;
import cn.rtms.rules.TrainingRecordSource.FileTraining;
import cn.rtms.support.Api;
import cn.rtms.support.Api.Response;
import cn.rtms.support.TestClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainee file on the embedded PostgreSQL (issue 11 item 2, docs/training.md
 * "Trainees"): every trainee clause of every encoded spec with trainee clauses at its
 * boundary (golden rows below: the standard training requirement, the overseas pathway
 * and the 培训对象 prerequisites), the exemption differences, the bad input, the certificate
 * PDF and the physician's "trained at a filed base" clause before and after completion.
 * Bases are inserted with SQL (the bases helper owns their workflow). Own context: it
 * adds people, bases and files other tests would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rtms.test.context=TraineeIT")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraineeIT {

	static final LocalDate TODAY = TestClock.today();

	static final LocalDate FILED = LocalDate.of(2025, 1, 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EligibilityManagement eligibility;

	@Autowired
	TrainingRecordSource source;

	@Autowired
	AuditTrail audit;

	UUID ccszx;

	UUID songjiang;

	UUID instructor;

	UUID lateInstructor;

	final Map<String, UUID> bases = new HashMap<>();

	final Map<String, UUID> people = new HashMap<>();

	Api as(String user) {
		return Api.as(this.port, user);
	}

	UUID id(Api api, String path) {
		Response found = api.get(path);
		assertThat(found.status()).as(found.text()).isEqualTo(200);
		return UUID.fromString(found.body().get(0).get("id").asString());
	}

	@BeforeAll
	void basesAndPeople() {
		Api province = as("province");
		this.ccszx = id(province, "/api/institutions?q=长春市中心医院");
		this.songjiang = id(province, "/api/institutions?q=吉林省松江肿瘤医院");
		this.instructor = person("ccszx-clerk", this.ccszx, "带教甲",
				Map.of("titles", List.of(Map.of("title", "CHIEF", "since", "2010-01-01"))));
		this.lateInstructor = person("ccszx-clerk", this.ccszx, "带教乙", Map.of());
		for (String technology : List.of("G07", "G08", "S02", "S03", "S04", "S05", "G10")) {
			UUID base = base(this.ccszx, technology, "FILED", FILED, null);
			this.bases.put(technology, base);
			instructor(base, this.instructor, FILED);
			instructor(base, this.lateInstructor, LocalDate.of(2026, 6, 1));
		}
		this.bases.put("G07-unfiled", base(this.songjiang, "G07", "SUBMITTED", null, null));
		// 培训对象 variants (trainees at 吉林省松江肿瘤医院)
		this.people.put("attending", person("songjiang-clerk", this.songjiang, "学员主治", Map.of()));
		this.people.put("resident", person("songjiang-clerk", this.songjiang, "学员住院",
				Map.of("titles", List.of(Map.of("title", "RESIDENT", "since", "2018-01-01")))));
		this.people.put("internist",
				person("songjiang-clerk", this.songjiang, "学员内科", Map.of("licence", licence(List.of("内科专业")))));
		this.people.put("three-years", person("songjiang-clerk", this.songjiang, "学员三年",
				Map.of("clinicalStart", TODAY.minusYears(3).toString(), "titles", List.of())));
		this.people.put("three-years-less-a-day", person("songjiang-clerk", this.songjiang, "学员差一天",
				Map.of("clinicalStart", TODAY.minusYears(3).plusDays(1).toString(), "titles", List.of())));
	}

	// ----------------------------------------------------------------------------------
	// Golden rows: the standard training requirement of every spec with trainee clauses
	// ----------------------------------------------------------------------------------

	/**
	 * technology, minMonths, minCases (参与完成), minIndependent, minManaged, minTheoryHours,
	 * overseas minMonths (null: no overseas pathway). Read off the spec files.
	 */
	static Stream<Arguments> trainingRequirements() {
		return Stream.of(Arguments.of("G07", 6, 30, null, 30, null, null),
				Arguments.of("G08", 6, null, 25, 25, null, null), Arguments.of("S02", 6, 20, null, null, 20, 6),
				Arguments.of("S03", 6, 60, null, 20, null, 6), Arguments.of("S04", 3, null, null, 50, 20, 3),
				Arguments.of("S05", 6, 60, null, 20, null, 6));
	}

	@ParameterizedTest(name = "{0}: training requirement at its boundary")
	@MethodSource("trainingRequirements")
	void theStandardTrainingRequirementIsMetExactlyAtItsMinimaAndNotOneBelow(String technology, int months,
			Integer cases, Integer independent, Integer managed, Integer hours, Integer abroadMonths) {
		UUID person = this.people.get("attending");
		// the end day is the training's last day: N months from a start end on the day
		// before its date N months on
		FileTraining exact = new FileTraining(technology, "长春市中心医院", true, false, TODAY.minusMonths(months).plusDays(1),
				TODAY, cases, independent, managed, hours, true, TrainingRecordSource.Origin.TRAINING_FILE);
		assertThat(training(person, technology, exact)).as("%s at the minimum", technology).containsOnly("MET");
		assertThat(training(person, technology, withStart(exact, TODAY.minusMonths(months).plusDays(2))))
			.as("%s one day short of %d months", technology, months)
			.contains("NOT_MET");
		if (cases != null) {
			assertThat(training(person, technology,
					with(exact, cases - 1, exact.independentCases(), exact.patientsManaged(), exact.theoryHours())))
				.as("%s one case short", technology)
				.contains("NOT_MET");
		}
		if (independent != null) {
			assertThat(training(person, technology,
					with(exact, exact.cases(), independent - 1, exact.patientsManaged(), exact.theoryHours())))
				.as("%s one independent case short", technology)
				.contains("NOT_MET");
		}
		if (managed != null) {
			assertThat(training(person, technology,
					with(exact, exact.cases(), exact.independentCases(), managed - 1, exact.theoryHours())))
				.as("%s one managed patient short", technology)
				.contains("NOT_MET");
		}
		if (hours != null) {
			assertThat(training(person, technology,
					with(exact, exact.cases(), exact.independentCases(), exact.patientsManaged(), hours - 1)))
				.as("%s one theory hour short", technology)
				.contains("NOT_MET");
		}
		assertThat(training(person, technology,
				new FileTraining(technology, exact.base(), true, false, exact.startedOn(), TODAY, cases, independent,
						managed, hours, false, exact.origin())))
			.as("%s assessment failed", technology)
			.contains("NOT_MET");
		assertThat(training(person, technology,
				new FileTraining(technology, exact.base(), false, false, exact.startedOn(), TODAY, cases, independent,
						managed, hours, true, exact.origin())))
			.as("%s at a base not filed", technology)
			.contains("NOT_MET");
		TraineeEvaluation abroad = evaluation(person, technology,
				new FileTraining(technology, "Mayo Clinic", null, true,
						TODAY.minusMonths(abroadMonths == null ? 6 : abroadMonths).plusDays(1), TODAY, null, null, null,
						null, true, TrainingRecordSource.Origin.OVERSEAS));
		if (abroadMonths == null) {
			assertThat(abroad.abroadClauses()).as("%s has no overseas pathway", technology).isEmpty();
		}
		else {
			assertThat(pathway(abroad, "ABROAD"))
				.as("%s overseas %d months: the rule is met, the certificate awaits the reviewer", technology,
						abroadMonths)
				.isEqualTo("NEEDS_ATTESTATION");
			TraineeEvaluation shortAbroad = evaluation(person, technology,
					new FileTraining(technology, "Mayo Clinic", null, true, TODAY.minusMonths(abroadMonths).plusDays(2),
							TODAY, null, null, null, null, true, TrainingRecordSource.Origin.OVERSEAS));
			assertThat(pathway(shortAbroad, "ABROAD")).as("%s overseas a day short", technology).isEqualTo("NOT_MET");
		}
	}

	/**
	 * technology, person variant, expected status of the 培训对象 clause(s).
	 */
	static Stream<Arguments> prerequisites() {
		List<Arguments> rows = new ArrayList<>();
		for (String technology : List.of("G07", "S02", "S03", "S04", "S05")) {
			rows.add(Arguments.of(technology, "attending", "MET"));
			rows.add(Arguments.of(technology, "resident", "NOT_MET"));
		}
		rows.add(Arguments.of("S03", "internist", "NOT_MET"));
		rows.add(Arguments.of("S04", "internist", "MET"));
		rows.add(Arguments.of("S05", "internist", "NOT_MET"));
		rows.add(Arguments.of("G08", "three-years", "MET"));
		rows.add(Arguments.of("G08", "three-years-less-a-day", "NOT_MET"));
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} 培训对象 for {1}: {2}")
	@MethodSource("prerequisites")
	void prerequisitesAtTheirBoundary(String technology, String variant, String expected) {
		TraineeEvaluation evaluation = evaluation(this.people.get(variant), technology, null);
		assertThat(evaluation.prerequisites()).isNotEmpty();
		assertThat(evaluation.clauses(evaluation.prerequisites())).extracting(EligibilityReport.ClauseResult::status)
			.as("%s %s", technology, variant)
			.contains(expected);
	}

	// ----------------------------------------------------------------------------------
	// The file over HTTP: enrolment, bad input, conclusion, certificate, eligibility
	// ----------------------------------------------------------------------------------

	@Test
	void enrolmentIsRefusedWithTheUnmetClausesNamedAndAtABaseNotFiled() {
		Api clerk = as("songjiang-clerk");
		Response resident = clerk.post("/api/trainees", enrolment("resident", "G07", "2026-03-01", "2026-09-01"));
		assertThat(resident.status()).as(resident.text()).isEqualTo(422);
		assertThat(resident.body().get("code").asString()).isEqualTo("TRAINEE_PREREQUISITES_UNMET");
		assertThat(resident.body().get("detail").asString()).contains("学员住院").contains("G07/2022 四(一)1");
		Response unfiled = clerk.post("/api/trainees", Map.of("personId", this.people.get("attending"), "baseId",
				this.bases.get("G07-unfiled"), "startedOn", "2026-03-01", "endedOn", "2026-09-01"));
		assertThat(unfiled.status()).as(unfiled.text()).isEqualTo(422);
		assertThat(unfiled.body().get("code").asString()).isEqualTo("TRAINEE_BASE_NOT_FILED");
		Response reversed = clerk.post("/api/trainees", enrolment("attending", "S05", "2026-09-01", "2026-03-01"));
		assertThat(reversed.status()).as(reversed.text()).isEqualTo(400);
		assertThat(count("trainee_file where person_id = '" + this.people.get("resident") + "'")).isZero();
	}

	@Test
	void aCompletedPassedTrainingAtAFiledBaseMakesThePhysiciansTrainingClauseMet() {
		UUID trainee = person("songjiang-clerk", this.songjiang, "学员王晓明", Map.of("trainings", List.of()));
		Api province = as("province");
		Response confirmed = province.post("/api/people/" + trainee + "/attestations",
				Map.of("clause", "G07/2022 二(一)3", "evidence", "备案培训基地出具的培训考核合格证明"));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		assertThat(physicianClause(trainee, "G07", "二(一)3")).as("before training").isEqualTo("NOT_MET");

		Response enrolled = as("songjiang-clerk").post("/api/trainees", Map.of("personId", trainee, "baseId",
				this.bases.get("G07"), "startedOn", "2026-03-01", "endedOn", "2026-09-01"));
		assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
		String file = enrolled.body().get("id").asString();
		Response again = as("songjiang-clerk").post("/api/trainees", Map.of("personId", trainee, "baseId",
				this.bases.get("G07"), "startedOn", "2026-03-01", "endedOn", "2026-09-01"));
		assertThat(again.status()).isEqualTo(409);

		Api base = as("ccszx-clerk");
		String cases = "/api/trainees/" + file + "/cases";
		Response outside = base.post(cases, logged("2026-02-28", "PARTICIPATED", this.instructor));
		assertThat(outside.status()).as(outside.text()).isEqualTo(400);
		assertThat(outside.body().get("code").asString()).isEqualTo("TRAINEE_CASE_OUTSIDE_PERIOD");
		assertThat(outside.body().get("detail").asString()).contains("不在培训期");
		Response notInstructor = base.post(cases, logged("2026-03-02", "PARTICIPATED", trainee));
		assertThat(notInstructor.status()).as(notInstructor.text()).isEqualTo(400);
		assertThat(notInstructor.body().get("code").asString()).isEqualTo("TRAINEE_INSTRUCTOR_NOT_QUALIFIED");
		Response notYet = base.post(cases, logged("2026-05-31", "SUPERVISED", this.lateInstructor));
		assertThat(notYet.status()).as("an instructor of the base only from 2026-06-01").isEqualTo(400);
		Response notKeeper = as("songjiang-clerk").post(cases, logged("2026-03-02", "PARTICIPATED", this.instructor));
		assertThat(notKeeper.status()).isEqualTo(403);
		assertThat(count("trainee_case where file_id = '" + file + "'")).as("nothing saved").isZero();

		Response ok = base.post(cases, logged("2026-06-01", "SUPERVISED", this.lateInstructor));
		assertThat(ok.status()).as(ok.text()).isEqualTo(200);
		assertThat(ok.body().get("cases").get(0).get("instructorName").asString()).isEqualTo("带教乙");
		bulkCases(UUID.fromString(file), "PARTICIPATED", 29);
		bulkCases(UUID.fromString(file), "FULL_COURSE", 30);
		JsonNode current = base.get("/api/trainees/" + file).body();
		assertThat(current.get("tally").get("participated").asInt()).isEqualTo(30);
		assertThat(current.get("tally").get("fullCourse").asInt()).isEqualTo(30);

		Response exam = base.post("/api/trainees/" + file + "/exams",
				Map.of("kind", "THEORY", "score", 59.5, "takenOn", "2026-09-01"));
		assertThat(exam.status()).as(exam.text()).isEqualTo(200);
		base.post("/api/trainees/" + file + "/exams", Map.of("kind", "SKILLS", "score", 60, "takenOn", "2026-09-01"));
		Response early = base.post("/api/trainees/" + file + "/conclusion", Map.of("conclusion", "PASSED"));
		assertThat(early.status()).as(early.text()).isEqualTo(422);
		assertThat(early.body().get("code").asString()).isEqualTo("TRAINEE_EXAMS_MISSING");
		base.post("/api/trainees/" + file + "/exams", Map.of("kind", "THEORY", "score", 80, "takenOn", "2026-09-02"));

		JsonNode open = base.get("/api/trainees/" + file + "/verdict").body();
		assertThat(open.get("status").asString()).as(open.toString()).isEqualTo("UNKNOWN");
		long revision = this.source.revision(this.songjiang);
		Response concluded = base.post("/api/trainees/" + file + "/conclusion",
				Map.of("conclusion", "PASSED", "note", "理论与技能考核合格"));
		assertThat(concluded.status()).as(concluded.text()).isEqualTo(200);
		assertThat(this.source.revision(this.songjiang)).as("the cache key moves").isGreaterThan(revision);
		JsonNode verdict = base.get("/api/trainees/" + file + "/verdict").body();
		assertThat(verdict.get("status").asString()).as(verdict.toString()).isEqualTo("MET");
		assertThat(physicianClause(trainee, "G07", "二(一)3")).as("after completion").isEqualTo("MET");

		Response closed = base.post(cases, logged("2026-06-02", "PARTICIPATED", this.instructor));
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.body().get("code").asString()).isEqualTo("TRAINEE_FILE_CLOSED");

		String text = pdfText(as("songjiang-clerk"), "/api/trainees/" + file + "/certificate.pdf");
		assertThat(text).contains("学员王晓明").contains("长春市中心医院").contains("培训合格证明");
		String export = pdfText(base, "/api/trainees/" + file + "/export.pdf");
		assertThat(export).contains("学员王晓明").contains("病例记录").contains("完成情况评估").contains("符合");
		assertThat(this.audit.entries("TraineeFile", file, 50)).extracting(e -> e.action())
			.contains("TRAINEE_ENROLLED", "TRAINEE_CASE_LOGGED", "TRAINEE_EXAM_RECORDED", "TRAINEE_CONCLUDED",
					"TRAINEE_CERTIFICATE_PRINTED");
		assertThat(as("meihekou").get("/api/trainees/" + file).status()).as("another county").isEqualTo(403);
	}

	@Test
	void thePickersOfferTheFiledBasesAndTheBasesInstructorsOnTheDayWithinScope() {
		Response bases = as("songjiang-clerk").get("/api/trainees/enrolment-bases?technology=G07");
		assertThat(bases.status()).as(bases.text()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		bases.body().forEach(b -> ids.add(b.get("id").asString()));
		assertThat(ids).as("the filed G07 base of another institution, not the one only submitted")
			.contains(this.bases.get("G07").toString())
			.doesNotContain(this.bases.get("G07-unfiled").toString());
		assertThat(bases.body().get(0).get("institutionName").asString()).isEqualTo("长春市中心医院");
		Response all = as("province").get("/api/trainees/enrolment-bases");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().size()).as("every filed base without a technology").isGreaterThanOrEqualTo(7);
		Response base = as("songjiang-base").get("/api/trainees/enrolment-bases");
		assertThat(base.status()).as(base.text()).isEqualTo(200);
		base.body()
			.forEach(b -> assertThat(b.get("institutionId").asString())
				.as("a training-base administrator enrols at the own institution's bases only")
				.isEqualTo(this.songjiang.toString()));
		assertThat(all.body().size()).as("长春市中心医院's filed bases are not offered to 松江's base administrator")
			.isGreaterThan(base.body().size());
		Response expert = as("expert1").get("/api/trainees/enrolment-bases?technology=G07");
		assertThat(expert.status()).as("an expert enrols nobody").isEqualTo(403);
		assertThat(expert.body().get("detail").asString()).contains("无权");

		UUID trainee = person("songjiang-clerk", this.songjiang, "学员选择器", Map.of());
		Response enrolled = as("songjiang-clerk").post("/api/trainees", Map.of("personId", trainee, "baseId",
				this.bases.get("G08"), "startedOn", "2026-03-01", "endedOn", "2026-09-01"));
		assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
		String file = enrolled.body().get("id").asString();
		String path = "/api/trainees/" + file + "/instructors?on=";
		Response may = as("ccszx-clerk").get(path + "2026-05-31");
		assertThat(may.status()).as(may.text()).isEqualTo(200);
		assertThat(may.body().size()).as("带教乙 only from 2026-06-01").isEqualTo(1);
		assertThat(may.body().get(0).get("name").asString()).isEqualTo("带教甲");
		assertThat(may.body().get(0).get("title").asString()).isEqualTo("主任医师");
		Response june = as("ccszx-clerk").get(path + "2026-06-01");
		assertThat(june.body().size()).isEqualTo(2);
		Response noDay = as("ccszx-clerk").get("/api/trainees/" + file + "/instructors");
		assertThat(noDay.status()).isEqualTo(400);
		assertThat(noDay.body().get("detail").asString()).contains("病例日期");
		assertThat(as("songjiang-clerk").get(path + "2026-06-01").status())
			.as("the trainee's hospital reads the file but does not log its cases")
			.isEqualTo(403);
		assertThat(as("meihekou").get(path + "2026-06-01").status()).as("outside the scope").isEqualTo(403);
	}

	@Test
	void aTrainingConcludedAfterItsBaseWasRevokedDoesNotCount() {
		UUID base = base(this.songjiang, "G08", "FILED", FILED, null);
		UUID chief = person("songjiang-clerk", this.songjiang, "松江带教", Map.of());
		instructor(base, chief, FILED);
		UUID trainee = person("songjiang-clerk", this.songjiang, "松江学员", Map.of());
		Api clerk = as("songjiang-clerk");
		Response enrolled = clerk.post("/api/trainees",
				Map.of("personId", trainee, "baseId", base, "startedOn", "2026-01-01", "endedOn", "2026-07-01"));
		assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
		String file = enrolled.body().get("id").asString();
		bulkCases(UUID.fromString(file), "SUPERVISED", 25);
		bulkCases(UUID.fromString(file), "FULL_COURSE", 25);
		clerk.post("/api/trainees/" + file + "/exams", Map.of("kind", "THEORY", "score", 90, "takenOn", "2026-07-01"));
		clerk.post("/api/trainees/" + file + "/exams", Map.of("kind", "SKILLS", "score", 90, "takenOn", "2026-07-01"));
		this.jdbc.sql("update training.training_base set status = 'REVOKED', revoked_on = ? where id = ?")
			.params(TODAY.minusDays(1), base)
			.update();
		assertThat(clerk.post("/api/trainees/" + file + "/conclusion", Map.of("conclusion", "PASSED")).status())
			.isEqualTo(200);
		List<FileTraining> trainings = this.source.trainingsOf(List.of(trainee)).get(trainee);
		assertThat(trainings).hasSize(1);
		assertThat(trainings.get(0).baseFiled()).as("revoked the day before completion").isFalse();
		JsonNode verdict = clerk.get("/api/trainees/" + file + "/verdict").body();
		assertThat(verdict.get("status").asString()).as(verdict.toString()).isEqualTo("NOT_MET");
		assertThat(verdict.get("baseFiled").asBoolean()).isFalse();
	}

	// ----------------------------------------------------------------------------------
	// Exemptions (免于培训): each year vs in total, title level, years, adverse events,
	// "before the spec's issue date"
	// ----------------------------------------------------------------------------------

	@Test
	void exemptionsAreEvaluatedWithEachSpecsDifferences() {
		Map<String, Object> veteran = new HashMap<>(Map.of("clinicalStart", "2005-01-01", "titles",
				List.of(Map.of("title", "ATTENDING", "since", "2008-01-01"),
						Map.of("title", "ASSOCIATE_CHIEF", "since", "2015-01-01")),
				"caseVolumes", volumes(100, "G07", "G08", "S02", "S04"), "adverseEvents", List.of()));
		UUID everyYear = person("songjiang-clerk", this.songjiang, "免训甲", veteran);
		Map<String, Object> fewer = new HashMap<>(veteran);
		fewer.put("caseVolumes", volumes(25, "G07", "G08"));
		UUID inTotal = person("songjiang-clerk", this.songjiang, "免训乙", fewer);
		Map<String, Object> attendingOnly = new HashMap<>(veteran);
		attendingOnly.put("titles", List.of(Map.of("title", "ATTENDING", "since", "2008-01-01")));
		UUID attending = person("songjiang-clerk", this.songjiang, "免训丙", attendingOnly);
		Map<String, Object> twelveYears = new HashMap<>(veteran);
		twelveYears.put("clinicalStart", "2010-01-01");
		twelveYears.put("titles", List.of(Map.of("title", "ATTENDING", "since", "2012-01-01"),
				Map.of("title", "ASSOCIATE_CHIEF", "since", "2015-01-01")));
		UUID twelve = person("songjiang-clerk", this.songjiang, "免训丁", twelveYears);
		Map<String, Object> adverse = new HashMap<>(veteran);
		adverse.put("adverseEvents",
				List.of(Map.of("technology", "G07", "occurredOn", "2025-03-01", "serious", true, "summary", "术后出血")));
		UUID withEvent = person("songjiang-clerk", this.songjiang, "免训戊", adverse);
		Map<String, Object> onIssueDay = new HashMap<>(veteran);
		onIssueDay.put("titles", List.of(Map.of("title", "ATTENDING", "since", "2008-01-01"),
				Map.of("title", "ASSOCIATE_CHIEF", "since", "2022-11-22")));
		UUID promotedOnIssueDay = person("songjiang-clerk", this.songjiang, "免训己", onIssueDay);
		Map<String, Object> afterIssue = new HashMap<>(veteran);
		afterIssue.put("titles", List.of(Map.of("title", "ATTENDING", "since", "2008-01-01"),
				Map.of("title", "ASSOCIATE_CHIEF", "since", "2022-11-23")));
		UUID promotedAfterIssue = person("songjiang-clerk", this.songjiang, "免训庚", afterIssue);

		exemption(everyYear, "G07", "MET", null);
		exemption(everyYear, "G08", "MET", null);
		exemption(inTotal, "G07", "MET", null);
		exemption(inTotal, "G08", "NOT_MET", "personCases");
		exemption(attending, "G08", "MET", null);
		exemption(attending, "G07", "NOT_MET", "title");
		exemption(twelve, "S04", "MET", null);
		exemption(twelve, "S02", "NOT_MET", "clinicalExperience");
		exemption(withEvent, "G07", "NOT_MET", "noSeriousAdverseEvent");
		exemption(promotedOnIssueDay, "S04", "MET", null);
		exemption(promotedAfterIssue, "S04", "NOT_MET", "title");

		Api clerk = as("songjiang-clerk");
		Response none = clerk.post("/api/training-exemptions",
				Map.of("personId", everyYear, "technology", "G10", "reason", "从事本技术多年"));
		assertThat(none.status()).as(none.text()).isEqualTo(422);
		assertThat(none.body().get("code").asString()).isEqualTo("TRAINING_EXEMPTION_NOT_PROVIDED");
		assertThat(none.body().get("detail").asString())
			.as("G10-2023 is an excerpt: its training section is missing, " + "not absent from the regulation")
			.contains("原文为节选", "无从判断");

		String notMet = exemption(inTotal, "G08", "NOT_MET", "personCases");
		Api province = as("province");
		Response refused = province.post("/api/training-exemptions/" + notMet + "/decision", Map.of("approve", true));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("TRAINING_EXEMPTION_NOT_MET");
		assertThat(province.get("/api/training-exemptions/" + notMet).body().get("status").asString())
			.isEqualTo("REQUESTED");
		String met = exemption(everyYear, "G08", "MET", null);
		assertThat(clerk.post("/api/training-exemptions/" + met + "/decision", Map.of("approve", true)).status())
			.as("the hospital does not decide")
			.isEqualTo(403);
		Response approved = province.post("/api/training-exemptions/" + met + "/decision",
				Map.of("approve", true, "note", "符合免于培训条件"));
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.body().get("status").asString()).isEqualTo("APPROVED");
		assertThat(this.source.trainingsOf(List.of(everyYear))).as("an exemption is not a training")
			.doesNotContainKey(everyYear);
		assertThat(this.source.exemptionsOf(List.of(everyYear)).get(everyYear))
			.extracting(TrainingRecordSource.GrantedExemption::technology,
					TrainingRecordSource.GrantedExemption::approvedOn)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("G08", TODAY));
		assertThat(this.audit.entries("TrainingExemption", met, 10)).extracting(e -> e.action())
			.contains("TRAINING_EXEMPTION_REQUESTED", "TRAINING_EXEMPTION_APPROVED");
	}

	/**
	 * G07 四(一)3 counts "近 5 年" from the evaluation day: more than 5 years after the
	 * approval the person's facts no longer show the 100 cases, but the exemption the
	 * authority approved still stands (the spec gives it no end), so the physician's
	 * "trained at a filed base" clause 二(一)3 is met through it and says so. Before the
	 * fix the approval was a training without period or cases, and the clause still read
	 * 信息不全 or 不符合.
	 */
	@Test
	void anApprovedExemptionStillCountsMoreThanFiveYearsLater() {
		Map<String, Object> veteran = new HashMap<>(Map.of("clinicalStart", "2005-01-01", "titles",
				List.of(Map.of("title", "ASSOCIATE_CHIEF", "since", "2015-01-01")), "caseVolumes", volumes(100, "G07"),
				"adverseEvents", List.of()));
		UUID doctor = person("songjiang-clerk", this.songjiang, "免训久", veteran);
		String later = TODAY.plusYears(5).plusMonths(2).toString();
		assertThat(physicianClause(doctor, "G07", "二(一)3", later)).as("no training, cases too old")
			.doesNotStartWith("MET")
			.doesNotStartWith("NEEDS_ATTESTATION")
			.contains("免于培训途径不符合");
		String id = exemption(doctor, "G07", "MET", null);
		Response approved = as("province").post("/api/training-exemptions/" + id + "/decision",
				Map.of("approve", true, "note", "符合免于培训条件"));
		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		String clause = physicianClause(doctor, "G07", "二(一)3", later);
		assertThat(clause).as("the rule is met; the clause's reviewer attestation may still be pending")
			.matches("(MET|NEEDS_ATTESTATION) .*")
			.contains("已满足本规范培训管理要求（免于培训途径：G07-2022 免于培训已于 " + TODAY + " 经");
	}

	@Test
	void overseasTrainingIsAcceptedOnlyWhereTheSpecAllowsItWithItsCertificate() {
		UUID doctor = person("songjiang-clerk", this.songjiang, "境外学员", Map.of());
		Api clerk = as("songjiang-clerk");
		byte[] pdf = "%PDF-1.4 certificate".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Response g07 = clerk.multipart("/api/overseas-trainings", overseas(doctor, "G07"), "file", "c.pdf", pdf);
		assertThat(g07.status()).as(g07.text()).isEqualTo(422);
		assertThat(g07.body().get("code").asString()).isEqualTo("OVERSEAS_TRAINING_NOT_ALLOWED");
		Response text = clerk.multipart("/api/overseas-trainings", overseas(doctor, "S02"), "file", "c.txt",
				"hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.status()).as(text.text()).isEqualTo(400);
		Response s02 = clerk.multipart("/api/overseas-trainings", overseas(doctor, "S02"), "file", "c.pdf", pdf);
		assertThat(s02.status()).as(s02.text()).isEqualTo(201);
		String id = s02.body().get("id").asString();
		assertThat(this.source.trainingsOf(List.of(doctor))).as("not before it is accepted").doesNotContainKey(doctor);
		Response accepted = as("province").post("/api/overseas-trainings/" + id + "/assessment",
				Map.of("accept", true, "assessment", "证书真实，培训内容与时长符合要求"));
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		FileTraining training = this.source.trainingsOf(List.of(doctor)).get(doctor).get(0);
		assertThat(training.abroad()).isTrue();
		assertThat(training.origin()).isEqualTo(TrainingRecordSource.Origin.OVERSEAS);
		assertThat(download(clerk, "/api/overseas-trainings/" + id + "/certificate")).isEqualTo(pdf);
	}

	// ----------------------------------------------------------------------------------

	String exemption(UUID person, String technology, String expected, String failedKind) {
		Response r = as("songjiang-clerk").post("/api/training-exemptions",
				Map.of("personId", person, "technology", technology, "reason", "从事本技术临床工作多年"));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		assertThat(r.body().get("evaluationStatus").asString()).as("%s %s: %s", person, technology, r.text())
			.isEqualTo(expected);
		if (failedKind != null) {
			List<String> kinds = new ArrayList<>();
			r.body().get("clauses").forEach(c -> c.get("failedRuleKinds").forEach(k -> kinds.add(k.asString())));
			assertThat(kinds).as(r.text()).contains(failedKind);
		}
		return r.body().get("id").asString();
	}

	List<Map<String, Object>> volumes(int perYear, String... technologies) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String technology : technologies) {
			for (int year = 2014; year <= 2025; year++) {
				for (int month = 1; month <= 12; month++) {
					int cases = perYear / 12 + ((month <= perYear % 12) ? 1 : 0);
					rows.add(Map.of("technology", technology, "year", year, "month", month, "cases", cases));
				}
			}
		}
		return rows;
	}

	List<Map.Entry<String, String>> overseas(UUID person, String technology) {
		return List.of(Map.entry("personId", person.toString()), Map.entry("technology", technology),
				Map.entry("host", "Mayo Clinic"), Map.entry("country", "美国"), Map.entry("startedOn", "2025-01-01"),
				Map.entry("endedOn", "2025-07-01"));
	}

	String physicianClause(UUID person, String technology, String ref) {
		Response report = as("province").get("/api/people/" + person + "/eligibility/" + technology);
		assertThat(report.status()).as(report.text()).isEqualTo(200);
		for (JsonNode clause : report.body().get("clauses")) {
			if (ref.equals(clause.get("ref").asString())) {
				return clause.get("status").asString();
			}
		}
		throw new AssertionError("no clause " + ref + " in " + report.text());
	}

	/** "STATUS explanation" of a physician clause evaluated on a day. */
	String physicianClause(UUID person, String technology, String ref, String asOf) {
		Response report = as("province").get("/api/people/" + person + "/eligibility/" + technology + "?asOf=" + asOf);
		assertThat(report.status()).as(report.text()).isEqualTo(200);
		for (JsonNode clause : report.body().get("clauses")) {
			if (ref.equals(clause.get("ref").asString())) {
				return clause.get("status").asString() + " " + clause.get("explanation").asString();
			}
		}
		throw new AssertionError("no clause " + ref + " in " + report.text());
	}

	String pdfText(Api api, String path) {
		byte[] bytes = download(api, path);
		try (PDDocument document = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	byte[] download(Api session, String path) {
		List<String> cookies = new ArrayList<>();
		for (String name : List.of("JSESSIONID", "SESSION", "XSRF-TOKEN")) {
			if (session.cookie(name) != null) {
				cookies.add(name + "=" + session.cookie(name));
			}
		}
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.header("Cookie", String.join("; ", cookies))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Map<String, Object> enrolment(String variant, String technology, String from, String to) {
		return Map.of("personId", this.people.get(variant), "baseId", this.bases.get(technology), "startedOn", from,
				"endedOn", to);
	}

	Map<String, Object> logged(String day, String role, UUID instructor) {
		return Map.of("performedOn", day, "role", role, "instructorId", instructor);
	}

	void bulkCases(UUID file, String role, int n) {
		for (int i = 0; i < n; i++) {
			this.jdbc
				.sql("""
						insert into training.trainee_case (id, file_id, performed_on, role, instructor_id, instructor_name,
						  created_at) select ?, id, started_on, ?, ?, '带教甲', now() from training.trainee_file where id = ?""")
				.params(UUID.randomUUID(), role, this.instructor, file)
				.update();
		}
	}

	long count(String from) {
		return this.jdbc.sql("select count(*) from training." + from).query(Long.class).single();
	}

	List<String> training(UUID person, String technology, FileTraining candidate) {
		TraineeEvaluation evaluation = evaluation(person, technology, candidate);
		assertThat(evaluation.trainingClauses()).as(technology).isNotEmpty();
		return evaluation.clauses(evaluation.trainingClauses())
			.stream()
			.map(EligibilityReport.ClauseResult::status)
			.toList();
	}

	TraineeEvaluation evaluation(UUID person, String technology, FileTraining candidate) {
		return this.eligibility.traineeEvaluation(person, this.songjiang, technology, candidate, TODAY).orElseThrow();
	}

	static String pathway(TraineeEvaluation evaluation, String pathway) {
		return evaluation.report()
			.pathways()
			.stream()
			.filter(p -> pathway.equals(p.pathway()))
			.findFirst()
			.orElseThrow()
			.status();
	}

	static FileTraining withStart(FileTraining t, LocalDate start) {
		return new FileTraining(t.technology(), t.base(), t.baseFiled(), t.abroad(), start, t.endedOn(), t.cases(),
				t.independentCases(), t.patientsManaged(), t.theoryHours(), t.passed(), t.origin());
	}

	static FileTraining with(FileTraining t, Integer cases, Integer independent, Integer managed, Integer hours) {
		return new FileTraining(t.technology(), t.base(), t.baseFiled(), t.abroad(), t.startedOn(), t.endedOn(), cases,
				independent, managed, hours, t.passed(), t.origin());
	}

	// ----------------------------------------------------------------------------------
	// The training-base administrator's workbench
	// ----------------------------------------------------------------------------------

	static long todo(JsonNode workbench, String key) {
		for (JsonNode todo : workbench.get("todos")) {
			if (todo.get("key").asString().equals(key)) {
				return todo.get("count").asLong();
			}
		}
		throw new AssertionError("no to-do " + key + " in " + workbench);
	}

	@Test
	void theTrainingBaseAdministratorsWorkbenchCountsTheOwnBasesAndTheirTrainees() {
		Api admin = as("songjiang-base");
		JsonNode before = admin.get("/api/workbench").body();
		assertThat(before.get("role").asString()).isEqualTo("TRAINING_BASE_ADMIN");

		base(this.songjiang, "S04", "RETURNED", null, null);
		base(this.songjiang, "S05", "DRAFT", null, null);
		UUID filed = base(this.songjiang, "G10", "FILED", FILED, null);
		file(filed, this.people.get("attending"), TODAY.minusDays(1), false);
		file(filed, this.people.get("resident"), TODAY.plusDays(30), false);
		file(filed, this.people.get("internist"), TODAY.plusDays(31), false);
		file(filed, this.people.get("three-years"), TODAY.minusDays(10), true);
		// a file at another hospital's base is not this administrator's
		file(this.bases.get("G10"), person("songjiang-clerk", this.songjiang, "学员他院", Map.of()), TODAY.minusDays(1),
				false);

		JsonNode after = admin.get("/api/workbench").body();
		assertThat(todo(after, "RETURNED_TRAINING_BASES") - todo(before, "RETURNED_TRAINING_BASES")).isEqualTo(1);
		assertThat(todo(after, "DRAFT_TRAINING_BASES") - todo(before, "DRAFT_TRAINING_BASES")).isEqualTo(1);
		assertThat(todo(after, "FILED_TRAINING_BASES") - todo(before, "FILED_TRAINING_BASES")).isEqualTo(1);
		assertThat(todo(after, "TRAINEES_PERIOD_ENDED") - todo(before, "TRAINEES_PERIOD_ENDED")).as("期满前一天结束、未作结论")
			.isEqualTo(1);
		assertThat(todo(after, "TRAINEES_ENDING_SOON") - todo(before, "TRAINEES_ENDING_SOON"))
			.as("第 30 天结束的计入，第 31 天的不计入")
			.isEqualTo(1);
		assertThat(todo(after, "TRAINEES_OPEN") - todo(before, "TRAINEES_OPEN")).as("已作结论的不计入").isEqualTo(3);
		long open = this.jdbc
			.sql("select count(*) from training.trainee_file where base_institution_id = ? and conclusion is null")
			.param(this.songjiang)
			.query(Long.class)
			.single();
		assertThat(todo(after, "TRAINEES_OPEN")).as("only the own institution's bases").isEqualTo(open);
		assertThat(after.get("todos").toString())
			.contains("{\"path\":\"/trainees\",\"query\":{\"progress\":\"PERIOD_ENDED\"}}");

		JsonNode hospital = as("ccszx-admin").get("/api/workbench").body();
		assertThat(hospital.get("todos").toString()).doesNotContain("TRAINEES_OPEN");
	}

	void file(UUID base, UUID person, LocalDate endedOn, boolean concluded) {
		UUID baseInstitution = this.jdbc.sql("select institution_id from training.training_base where id = ?")
			.param(base)
			.query(UUID.class)
			.single();
		Timestamp now = Timestamp.valueOf(TODAY.atStartOfDay());
		this.jdbc.sql("""
				insert into training.trainee_file (id, person_id, person_name, person_institution_id, base_id,
				  base_institution_id, technology, spec_key, enrolled_on, started_on, ended_on, conclusion,
				  concluded_on, created_at, updated_at)
				values (?, ?, '学员', ?, ?, ?, 'G10', 'G10-2023', ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), person, this.songjiang, base, baseInstitution, endedOn.minusMonths(6),
					endedOn.minusMonths(6), endedOn, concluded ? "PASSED" : null, concluded ? endedOn : null, now, now)
			.update();
	}

	UUID base(UUID institution, String technology, String status, LocalDate filedOn, LocalDate revokedOn) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.valueOf(TODAY.atStartOfDay());
		this.jdbc.sql("""
				insert into training.training_base (id, institution_id, technology, status, filed_on, revoked_on,
				  created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, institution, technology, status, filedOn, revokedOn, now, now)
			.update();
		return id;
	}

	void instructor(UUID base, UUID person, LocalDate since) {
		this.jdbc.sql("insert into training.training_base_instructor (base_id, person_id, since) values (?, ?, ?)")
			.params(base, person, since)
			.update();
	}

	Map<String, Object> licence(List<String> scopes) {
		return Map.of("number",
				String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L)),
				"issuedOn", "2004-07-01", "scopes", scopes, "registeredInstitutionId", this.songjiang);
	}

	UUID person(String clerk, UUID institution, String name, Map<String, Object> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("gender", "男");
		body.put("roles", List.of("PHYSICIAN"));
		body.put("institutionId", institution);
		body.put("licence", licence(List.of("外科专业", "医学影像和放射治疗专业", "口腔专业")));
		body.put("titles", List.of(Map.of("title", "ATTENDING", "since", "2018-01-01")));
		body.put("clinicalStart", "2004-07-01");
		body.put("specialties", List.of(Map.of("name", "肿瘤")));
		body.putAll(overrides);
		Response created = as(clerk).post("/api/people", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return UUID.fromString(created.body().get("id").asString());
	}

}
