package cn.rtms.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.rtms.filing.domain.WorkingDayDeadlines;
import cn.rtms.notifications.ScheduledReminders;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminders (docs/notifications.md, "Reminders") on the pinned day: a filing
 * due in 4 working days tells nobody, due within 3 it tells the authority holding it and
 * nobody else; an expiring practice licence tells the hospital's clerks, an expiring
 * authorization the physician; running the job again the same day is skipped by the job
 * lock, and running the reminders again (another day, same deadlines) creates nothing
 * new. Shares the notifications test context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rtms.test.context=NotificationsIT")
class FilingRemindersIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScheduledReminders reminders;

	@Autowired
	WorkingDayDeadlines deadlines;

	FilingClient as(String user) {
		return FilingClient.as(this.port, user);
	}

	@Test
	void remindsOfNearDeadlinesAndExpiriesOncePerDeadline() {
		FilingGuidanceIT guidance = new FilingGuidanceIT();
		guidance.port = this.port;
		FilingClient clerk = as("ccszx-clerk");
		LocalDate today = TestClock.today();
		LocalDate inThree = this.deadlines.calendar().addWorkingDays(today, 3);
		LocalDate inFour = this.deadlines.calendar().addWorkingDays(today, 4);
		String near = guidance
			.submitted(clerk, guidance.selfAssessed(clerk, FilingGuidanceIT.NATIONAL_FIRST, f -> true))
			.get("id")
			.asString();
		// due in 4 working days: nobody is reminded
		dueOn(near, inFour);
		this.jdbc.sql("delete from platform.job_run where job = 'notifications.reminders'").update();
		this.reminders.remind();
		assertThat(messages(as("changchun"), "FILING_DEADLINE_NEAR"))
			.noneMatch(m -> m.get("link").asString().equals("/filings/" + near));
		dueOn(near, inThree);

		UUID institution = UUID.fromString(clerk.ok(clerk.get("/api/auth/me")).get("institutionId").asString());
		LocalDate licenceBefore = this.jdbc.sql("select licence_valid_until from institutions.institution where id = ?")
			.param(institution)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		this.jdbc.sql("update institutions.institution set licence_valid_until = ? where id = ?")
			.params(today.plusDays(20), institution)
			.update();
		String wang = clerk.ok(clerk.get("/api/people?q=王淑华")).get(0).get("id").asString();
		UUID authorization = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into authorizations.physician_authorization (id, person_id, institution_id, technology, valid_from,
					  valid_until, status, created_by, created_by_name, created_at, decided_at)
					values (?, ?, ?, 'G12', ?, ?, 'GRANTED', 'test', '测试', now(), now())""")
			.params(authorization, UUID.fromString(wang), institution, today.minusDays(300), today.plusDays(10))
			.update();
		try {
			this.jdbc.sql("delete from platform.job_run where job = 'notifications.reminders'").update();
			assertThat(this.reminders.daily()).isPresent();

			List<JsonNode> city = messages(as("changchun"), "FILING_DEADLINE_NEAR");
			assertThat(city).extracting(m -> m.get("link").asString()).contains("/filings/" + near);
			JsonNode reminder = city.stream()
				.filter(m -> m.get("link").asString().equals("/filings/" + near))
				.findFirst()
				.orElseThrow();
			assertThat(reminder.get("body").asString()).contains("办理时限至 " + inThree, "还剩 3 个工作日");
			for (String other : List.of("province", "nanguan", "meihekou", "ccszx-clerk", "expert1")) {
				assertThat(messages(as(other), "FILING_DEADLINE_NEAR")).as(other)
					.noneMatch(m -> m.get("link").asString().equals("/filings/" + near));
			}

			List<JsonNode> licence = messages(clerk, "LICENCE_EXPIRING");
			assertThat(licence).anySatisfy(m -> assertThat(m.get("body").asString()).contains("医疗机构执业许可证",
					today.plusDays(20).toString(), "还剩 20 天"));
			assertThat(messages(as("songjiang-clerk"), "LICENCE_EXPIRING"))
				.noneMatch(m -> m.get("body").asString().contains("长春市中心医院"));
			assertThat(messages(as("changchun"), "LICENCE_EXPIRING")).isEmpty();
			List<JsonNode> expiring = messages(as("doctor-wang"), "AUTHORIZATION_EXPIRING");
			assertThat(expiring).hasSize(1);
			assertThat(expiring.getFirst().get("body").asString()).contains(today.plusDays(10).toString());
			assertThat(messages(clerk, "AUTHORIZATION_EXPIRING")).isEmpty();

			int total = count();
			// the same day again: skipped by the job lock
			assertThat(this.reminders.daily()).isEmpty();
			// the reminders again (as on a later day, deadlines unchanged): nothing new
			assertThat(this.reminders.remind()).isZero();
			assertThat(count()).isEqualTo(total);
		}
		finally {
			this.jdbc
				.sql("update authorizations.physician_authorization set status = 'REVOKED', "
						+ "revocation_reason = 'test' where id = ?")
				.param(authorization)
				.update();
			this.jdbc.sql("update institutions.institution set licence_valid_until = ? where id = ?")
				.params(licenceBefore, institution)
				.update();
		}
	}

	/**
	 * The hospital's own deadline: a filing prepared after the first case must be
	 * submitted within 15 working days; 3 working days before, the hospital's clerks are
	 * reminded (the authorities are not: nothing is with them yet). Fails if only the
	 * workflow's step deadlines were reminded.
	 */
	@Test
	void remindsTheHospitalOfItsOwnSubmissionDeadline() {
		FilingClient clerk = as("ccszx-clerk");
		LocalDate inThree = this.deadlines.calendar().addWorkingDays(TestClock.today(), 3);
		String draft = null;
		for (String technology : List.of("S02", "S01", "S03", "G10", "G07")) {
			cn.rtms.support.Api.Response created = clerk.post("/api/filings",
					java.util.Map.of("technology", technology));
			if (created.status() == 201 || created.status() == 200) {
				draft = created.body().get("id").asString();
				break;
			}
		}
		assertThat(draft).as("a free technology for a draft").isNotNull();
		try {
			this.jdbc.sql(
					"update filing.filing set body = jsonb_set(body, '{filingDeadline}', to_jsonb(?::text)) where id = ?")
				.params(inThree.toString(), UUID.fromString(draft))
				.update();
			this.reminders.remind();
			String link = "/filings/" + draft;
			assertThat(messages(clerk, "FILING_DEADLINE_NEAR")).filteredOn(m -> m.get("link").asString().equals(link))
				.singleElement()
				.satisfies(m -> assertThat(m.get("body").asString()).contains("15 个工作日内提交备案", "期限至 " + inThree,
						"还剩 3 个工作日"));
			for (String authority : List.of("changchun", "nanguan", "province")) {
				assertThat(messages(as(authority), "FILING_DEADLINE_NEAR")).as(authority)
					.noneMatch(m -> m.get("link").asString().equals(link));
			}
		}
		finally {
			clerk.api.delete("/api/filings/" + draft);
		}
	}

	void dueOn(String filingId, LocalDate day) {
		this.jdbc.sql("""
				update filing.filing set action_due_on = ?,
				  body = jsonb_set(body, '{actionDueOn}', to_jsonb(?::text)) where id = ?""")
			.params(day, day.toString(), UUID.fromString(filingId))
			.update();
	}

	int count() {
		return this.jdbc.sql("select count(*) from notifications.notification").query(Integer.class).single();
	}

	List<JsonNode> messages(FilingClient user, String kind) {
		List<JsonNode> found = new ArrayList<>();
		user.ok(user.get("/api/notifications?size=100")).get("items").forEach(m -> {
			if (m.get("kind").asString().equals(kind)) {
				found.add(m);
			}
		});
		return found;
	}

}
