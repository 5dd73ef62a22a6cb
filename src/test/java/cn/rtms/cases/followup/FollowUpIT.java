package cn.rtms.cases.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.audit.StaleEdit;
import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.PatientInput;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.TestClock;
import cn.rtms.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Follow-ups on the embedded PostgreSQL with the suite's pinned clock: scheduled when
 * cases are submitted (here by import, in one batch), listed as due and overdue in each
 * viewer's scope, recorded with a stale-version check, and cancelled after a death.
 */
@SpringBootTest(properties = "rtms.cases.registry-start=2024-01-01")
class FollowUpIT {

	static final LocalDate TODAY = TestClock.today();

	@Autowired
	CaseManagement cases;

	@Autowired
	FollowUpManagement followUps;

	@Autowired
	UserManagement users;

	@Autowired
	PersonnelManagement people;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	static CaseInput ablation(UUID operator, String recordNo, LocalDate operation, @Nullable LocalDate death) {
		return new CaseInput(null, "G08", "MWA", "PERCUTANEOUS", List.of("50.2400x001"), recordNo, null,
				new PatientInput("测试患者", "220102198001010012", "13900001111", "M", LocalDate.of(1980, 1, 1)),
				operation.minusDays(1), operation, operation.plusDays(2), "肿瘤介入科", operator, List.of(), true, List.of(),
				death, (death != null) ? "DEATH" : "ORDERED",
				Map.of("organ", "LIVER", "lesionsPlanned", 2, "lesionsCompleted", 2, "childPugh", "A", "ecog", 1,
						"asaClass", "II", "ptaPercent", 85, "organFunctionImpaired", false),
				List.of());
	}

	/** Runs as the user in a writable transaction (actingAs alone runs read-only). */
	<T> T as(String user, java.util.function.Supplier<T> task) {
		return this.transactions.execute(status -> this.users.actingAs(user, task));
	}

	/** Imports in a writable transaction (actingAs itself runs read-only). */
	ImportResult importAs(String user, UUID institution, List<CaseInput> inputs) {
		return this.transactions.execute(
				status -> this.users.actingAs(user, () -> this.cases.importSubmitted(institution, inputs, "IMPORT")));
	}

	@Test
	void submittedCasesGetTheirScheduleListedDueAndOverdueAndARecordedDeathCancelsTheRest() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital)
			.stream()
			.filter(p -> p.name().equals("王淑华"))
			.findFirst()
			.orElseThrow()
			.id();
		LocalDate dueSoon = TODAY.minusMonths(6).plusDays(10);
		LocalDate yearAgo = TODAY.minusYears(1).minusDays(5);
		LocalDate died = TODAY.minusMonths(3);
		ImportResult imported = importAs("ccszx-clerk", hospital, List.of(ablation(operator, "FU-1", dueSoon, null),
				ablation(operator, "FU-2", yearAgo, null), ablation(operator, "FU-3", TODAY.minusMonths(8), died)));
		UUID first = imported.ids().get(0);
		UUID second = imported.ids().get(1);
		UUID third = imported.ids().get(2);

		List<FollowUpView> schedule = as("ccszx-clerk", () -> this.followUps.ofCase(first));
		assertThat(schedule).extracting(FollowUpView::period)
			.containsExactly("P1M", "P3M", "P6M", "P1Y", "P2Y", "P3Y", "P5Y");
		assertThat(schedule.get(2).dueDate()).isEqualTo(dueSoon.plusMonths(6));
		assertThat(schedule.get(2).status()).isEqualTo(FollowUpStatus.DUE);
		assertThat(schedule.get(0).status()).isEqualTo(FollowUpStatus.OVERDUE);

		List<FollowUpView> died3 = as("ccszx-clerk", () -> this.followUps.ofCase(third));
		assertThat(died3).filteredOn(f -> f.status() == FollowUpStatus.CANCELLED)
			.extracting(FollowUpView::period)
			.as("points due after the death on the case are cancelled")
			.containsExactly("P6M", "P1Y", "P2Y", "P3Y", "P5Y");

		FollowUpPage due = as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.DUE, null, 0, 50));
		assertThat(due.items()).extracting(FollowUpView::caseId, FollowUpView::period)
			.contains(org.assertj.core.groups.Tuple.tuple(first, "P6M"));
		assertThat(due.items()).allSatisfy(f -> {
			assertThat(f.dueDate()).isBetween(TODAY, TODAY.plusDays(30));
			assertThat(f.medicalRecordNo()).isNotNull();
		});
		FollowUpPage overdue = as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 200));
		assertThat(overdue.items()).extracting(FollowUpView::caseId, FollowUpView::period)
			.contains(org.assertj.core.groups.Tuple.tuple(second, "P1Y"),
					org.assertj.core.groups.Tuple.tuple(second, "P6M"));
		assertThat(overdue.items()).extracting(FollowUpView::caseId, FollowUpView::period)
			.doesNotContain(org.assertj.core.groups.Tuple.tuple(third, "P6M"));
		assertThat(overdue.overdue()).isEqualTo(overdue.total());
		assertThat(overdue.items()).as("days overdue by the platform's clock")
			.allSatisfy(f -> assertThat(f.overdueDays())
				.isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(f.dueDate(), TODAY))
				.isPositive());
		assertThat(due.items()).allSatisfy(f -> assertThat(f.overdueDays()).isNull());

		FollowUpView sixMonths = overdue.items()
			.stream()
			.filter(f -> f.caseId().equals(second) && f.period().equals("P6M"))
			.findFirst()
			.orElseThrow();
		LocalDate death = sixMonths.dueDate().plusDays(20);
		FollowUpView recorded = as("ccszx-clerk",
				() -> this.followUps.record(sixMonths.id(), new FollowUpRecord(sixMonths.version(), death.plusDays(3),
						"PHONE", "DEAD", death, "PROGRESSION", "家属电话告知")));
		assertThat(recorded.status()).isEqualTo(FollowUpStatus.DONE);
		assertThat(recorded.version()).isEqualTo(sixMonths.version() + 1);
		List<FollowUpView> after = as("ccszx-clerk", () -> this.followUps.ofCase(second));
		assertThat(after).filteredOn(f -> f.dueDate().isAfter(death))
			.allSatisfy(f -> assertThat(f.status()).isEqualTo(FollowUpStatus.CANCELLED));
		assertThat(after).filteredOn(f -> f.period().equals("P1Y"))
			.singleElement()
			.satisfies(f -> assertThat(f.cancelReason()).contains(death.toString(), "术后6个月随访"));
		FollowUpPage overdueAfter = as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 200));
		assertThat(overdueAfter.items()).extracting(FollowUpView::caseId, FollowUpView::period)
			.doesNotContain(org.assertj.core.groups.Tuple.tuple(second, "P6M"),
					org.assertj.core.groups.Tuple.tuple(second, "P1Y"))
			.as("points due before the death stay overdue")
			.contains(org.assertj.core.groups.Tuple.tuple(second, "P1M"));
		assertThat(overdueAfter.done()).isEqualTo(overdue.done() + 1);
		assertThat(
				this.jdbc.sql("select count(*) from audit.entry where action = 'FOLLOW_UP_RECORDED' and entity_id = ?")
					.param(sixMonths.id().toString())
					.query(Integer.class)
					.single())
			.isEqualTo(1);

		assertThatExceptionOfType(StaleEdit.class)
			.isThrownBy(() -> as("ccszx-clerk", () -> this.followUps.record(sixMonths.id(),
					new FollowUpRecord(sixMonths.version(), TODAY, "PHONE", "ALIVE", null, null, null))));
		ProblemException invalid = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
				() -> as("ccszx-clerk",
						() -> this.followUps.record(schedule.get(0).id(), new FollowUpRecord(schedule.get(0).version(),
								TODAY.plusDays(1), "PHONE", "ALIVE", null, null, null))));
		assertThat(invalid.code()).isEqualTo("FOLLOW_UP_INVALID");
	}

	@Test
	void authoritiesSeeTheirRegionPseudonymisedAndOtherHospitalsNothing() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		importAs("ccszx-clerk", hospital,
				List.of(ablation(operator, "FU-AUTH", TODAY.minusYears(1).minusDays(1), null)));

		FollowUpPage city = as("changchun", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 200));
		assertThat(city.overdue()).isPositive();
		assertThat(city.items()).isNotEmpty().allSatisfy(f -> {
			assertThat(f.medicalRecordNo()).isNull();
			assertThat(f.patientPseudonym()).startsWith("P");
		});
		FollowUpPage elsewhere = as("meihekou", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 200));
		assertThat(elsewhere.items()).isEmpty();
		assertThat(elsewhere.overdue()).isZero();
		FollowUpPage otherHospital = as("jiangcheng-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 200));
		assertThat(otherHospital.items()).extracting(FollowUpView::institutionId).doesNotContain(hospital);
		UUID id = city.items().get(0).id();
		assertThatExceptionOfType(FollowUpNotFound.class).isThrownBy(() -> as("jiangcheng-clerk",
				() -> this.followUps.record(id, new FollowUpRecord(0, TODAY, "PHONE", "ALIVE", null, null, null))));
		assertThatExceptionOfType(cn.rtms.identity.AccessDenied.class).isThrownBy(() -> as("changchun",
				() -> this.followUps.record(id, new FollowUpRecord(0, TODAY, "PHONE", "ALIVE", null, null, null))));
	}

	@Test
	void aClerkFindsTheFollowUpsOfACaseByTheBeginningOfItsRecordNumberWithinTheScope() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		LocalDate yearAgo = TODAY.minusYears(1).minusDays(3);
		List<UUID> ids = importAs("ccszx-clerk", hospital,
				List.of(ablation(operator, "FQ_7001", yearAgo, null), ablation(operator, "FQX7002", yearAgo, null),
						ablation(operator, "FQ_7003", TODAY.minusMonths(2), null)))
			.ids();

		FollowUpPage found = as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FQ_7"), 0, 200));
		assertThat(found.items()).as("_ is a literal, not any character")
			.extracting(FollowUpView::medicalRecordNo)
			.containsOnly("FQ_7001", "FQ_7003")
			.contains("FQ_7001", "FQ_7003");
		assertThat(found.total()).isEqualTo(found.items().size()).isEqualTo(found.overdue());
		long all = as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, 0, 1)).total();
		assertThat(found.total()).as("the counts are the search's").isLessThan(all);
		assertThat(as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo(" fq_7001 "), 0, 200))
			.items()).as("no case-folding: 病案号 are compared as typed, spaces trimmed").isEmpty();
		assertThat(as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo(" FQ_7001 "), 0, 200))
			.items()).isNotEmpty().allSatisfy(f -> assertThat(f.caseId()).isEqualTo(ids.get(0)));
		assertThat(as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.DONE, null, FollowUpSearch.recordNo("FQ_7"), 0, 200))
			.total()).isZero();

		assertThat(as("jiangcheng-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FQ_7"), 0, 200))
			.total()).as("another hospital finds nothing").isZero();
		FollowUpPage city = as("changchun",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FQ_7001"), 0, 200));
		assertThat(city.items()).isNotEmpty().allSatisfy(f -> {
			assertThat(f.caseId()).isEqualTo(ids.get(0));
			assertThat(f.medicalRecordNo()).as("still pseudonymised for an authority").isNull();
		});

		ProblemException tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
				() -> as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null,
						FollowUpSearch.recordNo("F".repeat(41)), 0, 50)));
		assertThat(tooLong.getBody().getDetail()).contains("最多 40 个字符");
		ProblemException idNumber = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
				() -> as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null,
						FollowUpSearch.recordNo("220102198001010012"), 0, 50)));
		assertThat(idNumber.getBody().getDetail()).contains("病例登记");

		// a due-date range (应随访日期) narrows the list and its counts too
		LocalDate from = TODAY.minusMonths(1).minusDays(1);
		LocalDate to = TODAY.minusDays(1);
		FollowUpPage window = as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, new FollowUpSearch("FQ_7", from, to), 0, 200));
		assertThat(window.items()).extracting(FollowUpView::medicalRecordNo, FollowUpView::period)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("FQ_7001", "P1Y"),
					org.assertj.core.groups.Tuple.tuple("FQ_7003", "P1M"));
		assertThat(window.overdue()).isEqualTo(2);
		ProblemException backwards = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class,
				() -> as("ccszx-clerk", () -> this.followUps.list(FollowUpStatus.OVERDUE, null,
						new FollowUpSearch(null, to, from), 0, 50)));
		assertThat(backwards.getBody().getDetail()).isEqualTo("应随访日期的结束日期早于开始日期");
	}

	@Test
	void theListExportsAsAPhoneListForTheHospitalAndPseudonymisedForAnAuthorityBothAudited() throws Exception {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		importAs("ccszx-clerk", hospital,
				List.of(ablation(operator, "FX_8001", TODAY.minusYears(1).minusDays(3), null),
						ablation(operator, "FX_8002", TODAY.minusYears(1).minusDays(4), null),
						ablation(operator, "FX_9003", TODAY.minusMonths(8), TODAY.minusMonths(3))));

		List<List<String>> clerk = sheet(as("ccszx-clerk",
				() -> this.followUps.excel(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FX_8"))));
		assertThat(clerk.getFirst()).containsExactly("医疗机构", "病案号", "患者姓名", "联系电话", "技术", "手术日期", "随访时间点", "应随访日期",
				"状态");
		List<List<String>> lines = clerk.subList(1, clerk.size());
		long listed = as("ccszx-clerk",
				() -> this.followUps.list(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FX_8"), 0, 200))
			.total();
		assertThat(lines).hasSize((int) listed).allSatisfy(line -> {
			assertThat(line.get(1)).startsWith("FX_800");
			assertThat(line.get(2)).isEqualTo("测试患者");
			assertThat(line.get(3)).isEqualTo("13900001111");
			assertThat(line.get(4)).isEqualTo("G08 肿瘤消融治疗技术");
			assertThat(line.get(8)).matches("已逾期 \\d+ 天");
		});
		assertThat(lines).extracting(line -> line.get(6)).contains("术后1年");

		List<List<String>> city = sheet(as("changchun",
				() -> this.followUps.excel(FollowUpStatus.OVERDUE, null, FollowUpSearch.recordNo("FX_8"))));
		assertThat(city.getFirst()).contains("患者（假名）").doesNotContain("病案号", "患者姓名", "联系电话");
		assertThat(city).hasSize(clerk.size())
			.allSatisfy(line -> assertThat(String.join("|", line)).doesNotContain("13900001111", "测试患者", "FX_800"));

		List<java.util.Map<String, Object>> audit = this.jdbc
			.sql("select after_state from audit.entry where action = 'FOLLOW_UP_LIST_EXPORTED' order by id")
			.query((rs, n) -> new tools.jackson.databind.ObjectMapper().readValue(rs.getString(1),
					new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
					}))
			.list();
		assertThat(audit).last().satisfies(d -> {
			assertThat(d).containsEntry("withContacts", false)
				.containsEntry("rows", (int) listed)
				.containsEntry("q", "FX_8");
		});
		assertThat(audit.get(audit.size() - 2)).containsEntry("withContacts", true).containsEntry("status", "OVERDUE");
		assertThat(audit.toString()).doesNotContain("13900001111");

		// the points a recorded death cancelled: when and why
		List<List<String>> cancelled = sheet(as("ccszx-clerk",
				() -> this.followUps.excel(FollowUpStatus.CANCELLED, null, FollowUpSearch.recordNo("FX_9"))));
		assertThat(cancelled.getFirst()).endsWith("状态", "取消日期", "取消原因");
		assertThat(cancelled.subList(1, cancelled.size())).isNotEmpty().allSatisfy(line -> {
			assertThat(line.get(8)).isEqualTo("已取消");
			assertThat(line.get(9)).isNotBlank();
			assertThat(line.get(10)).contains(TODAY.minusMonths(3).toString());
		});
	}

	/**
	 * The operating physician phones his own patients: he lists, exports with contacts
	 * and records the follow-ups of the cases he operated at the hospital his account
	 * belongs to. Once his account belongs to another hospital, the old hospital's
	 * follow-ups are no longer his list, its patients' names and phones no longer his,
	 * and he records nothing there (he still reads the points of his cases, without the
	 * 病案号).
	 */
	@Test
	void thePhysicianWorksTheFollowUpsOfHisCasesAtHisOwnHospitalOnly() throws Exception {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID wang = as("doctor-wang", () -> this.identity.currentUser().personId());
		List<UUID> ids = importAs("ccszx-clerk", hospital,
				List.of(ablation(wang, "FP_5001", TODAY.minusYears(1).minusDays(2), null)))
			.ids();
		FollowUpSearch mine = FollowUpSearch.recordNo("FP_5");
		FollowUpPage own = as("doctor-wang", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, mine, 0, 50));
		assertThat(own.items()).isNotEmpty().allSatisfy(f -> assertThat(f.medicalRecordNo()).isEqualTo("FP_5001"));
		List<List<String>> phoneList = sheet(
				as("doctor-wang", () -> this.followUps.excel(FollowUpStatus.OVERDUE, null, mine)));
		assertThat(phoneList.get(1)).contains("FP_5001", "测试患者", "13900001111");

		UUID elsewhere = as("jiangcheng-clerk", () -> this.identity.currentUser().institutionId());
		this.jdbc.sql("update identity.user_account set institution_id = ? where username = 'doctor-wang'")
			.param(elsewhere)
			.update();
		try {
			assertThat(as("doctor-wang", () -> this.followUps.list(FollowUpStatus.OVERDUE, null, mine, 0, 50)).total())
				.isZero();
			assertThat(sheet(as("doctor-wang", () -> this.followUps.excel(FollowUpStatus.OVERDUE, null, mine))))
				.hasSize(1);
			assertThatExceptionOfType(cn.rtms.identity.AccessDenied.class).isThrownBy(
					() -> as("doctor-wang", () -> this.followUps.list(FollowUpStatus.OVERDUE, hospital, mine, 0, 50)));
			List<FollowUpView> points = as("doctor-wang", () -> this.followUps.ofCase(ids.getFirst()));
			assertThat(points).isNotEmpty().allSatisfy(f -> assertThat(f.medicalRecordNo()).isNull());
			FollowUpView first = points.getFirst();
			assertThatExceptionOfType(cn.rtms.identity.AccessDenied.class)
				.isThrownBy(() -> as("doctor-wang", () -> this.followUps.record(first.id(),
						new FollowUpRecord(first.version(), TODAY, "PHONE", "ALIVE", null, null, null))));
		}
		finally {
			this.jdbc.sql("update identity.user_account set institution_id = ? where username = 'doctor-wang'")
				.param(hospital)
				.update();
		}
	}

	/**
	 * A death date entered on the case by mistake cancels the points due after it; when
	 * an amendment moves it later or removes it, those points are open again (a death a
	 * follow-up recorded would keep its cancellations).
	 */
	@Test
	void aCorrectedDeathDateOnTheCaseReopensThePointsItHadCancelled() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		LocalDate operation = TODAY.minusMonths(8);
		LocalDate wrongDeath = operation.plusMonths(2);
		UUID caseId = importAs("ccszx-clerk", hospital, List.of(ablation(operator, "FD_4001", operation, wrongDeath)))
			.ids()
			.getFirst();
		assertThat(as("ccszx-clerk", () -> this.followUps.ofCase(caseId)))
			.filteredOn(f -> f.status() == FollowUpStatus.CANCELLED)
			.extracting(FollowUpView::period)
			.containsExactly("P3M", "P6M", "P1Y", "P2Y", "P3Y", "P5Y");

		LocalDate laterDeath = operation.plusMonths(7);
		as("ccszx-clerk", () -> this.cases.amend(caseId, this.cases.get(caseId).version(), "死亡日期录入错误",
				ablation(operator, "FD_4001", operation, laterDeath)));
		assertThat(as("ccszx-clerk", () -> this.followUps.ofCase(caseId)))
			.filteredOn(f -> f.status() == FollowUpStatus.CANCELLED)
			.allSatisfy(f -> assertThat(f.cancelReason()).contains(laterDeath.toString()))
			.extracting(FollowUpView::period)
			.containsExactly("P1Y", "P2Y", "P3Y", "P5Y");

		as("ccszx-clerk", () -> this.cases.amend(caseId, this.cases.get(caseId).version(), "患者未死亡，删除死亡日期",
				ablation(operator, "FD_4001", operation, null)));
		List<FollowUpView> reopened = as("ccszx-clerk", () -> this.followUps.ofCase(caseId));
		assertThat(reopened).noneMatch(f -> f.status() == FollowUpStatus.CANCELLED);
		assertThat(reopened).extracting(FollowUpView::period)
			.containsExactly("P1M", "P3M", "P6M", "P1Y", "P2Y", "P3Y", "P5Y");
		assertThat(reopened).filteredOn(f -> f.period().equals("P6M"))
			.singleElement()
			.satisfies(f -> assertThat(f.status()).isEqualTo(FollowUpStatus.OVERDUE));
	}

	FollowUpView point(UUID caseId, String period) {
		return as("ccszx-clerk", () -> this.followUps.ofCase(caseId)).stream()
			.filter(f -> f.period().equals(period))
			.findFirst()
			.orElseThrow();
	}

	FollowUpView recordAs(FollowUpView point, LocalDate performedOn, String vitalStatus, @Nullable LocalDate death) {
		return as("ccszx-clerk", () -> this.followUps.record(point.id(),
				new FollowUpRecord(point.version(), performedOn, "PHONE", vitalStatus, death, null, null)));
	}

	/**
	 * A death a follow-up recorded keeps cancelling the points due after it when an
	 * amendment corrects the operation date: the points move to the new due dates and
	 * stay cancelled with the follow-up's reason; one the move brings before the death is
	 * open again. Fails on the old code: the moved points were deleted and created open,
	 * so a dead patient's follow-ups came back as upcoming and overdue.
	 */
	@Test
	void aDeathAFollowUpRecordedKeepsItsCancellationsWhenTheOperationDateIsAmended() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		LocalDate operation = TODAY.minusMonths(7);
		UUID caseId = importAs("ccszx-clerk", hospital, List.of(ablation(operator, "FD_4101", operation, null))).ids()
			.getFirst();
		LocalDate death = TODAY.minusDays(20);
		recordAs(point(caseId, "P6M"), TODAY.minusDays(10), "DEAD", death);
		String reason = "患者已于 " + death + " 死亡（术后6个月随访记录）";

		LocalDate corrected = operation.plusDays(1);
		as("ccszx-clerk", () -> this.cases.amend(caseId, this.cases.get(caseId).version(), "手术日期录入错误",
				ablation(operator, "FD_4101", corrected, null)));
		List<FollowUpView> after = as("ccszx-clerk", () -> this.followUps.ofCase(caseId));
		assertThat(after).filteredOn(f -> f.dueDate().isAfter(death)).allSatisfy(f -> {
			assertThat(f.status()).isEqualTo(FollowUpStatus.CANCELLED);
			assertThat(f.cancelReason()).isEqualTo(reason);
		}).extracting(FollowUpView::period).containsExactly("P1Y", "P2Y", "P3Y", "P5Y");
		assertThat(point(caseId, "P1Y").dueDate()).as("planned from the corrected date")
			.isEqualTo(corrected.plusYears(1));
		assertThat(point(caseId, "P6M").status()).isEqualTo(FollowUpStatus.DONE);

		// six months earlier: the 1-year point now falls before the death, when the
		// patient was alive
		LocalDate earlier = operation.minusMonths(6);
		as("ccszx-clerk", () -> this.cases.amend(caseId, this.cases.get(caseId).version(), "手术日期录入错误",
				ablation(operator, "FD_4101", earlier, null)));
		assertThat(point(caseId, "P1Y")).satisfies(f -> {
			assertThat(f.dueDate()).isEqualTo(earlier.plusYears(1)).isBefore(death);
			assertThat(f.status()).isEqualTo(FollowUpStatus.OVERDUE);
			assertThat(f.cancelReason()).isNull();
		});
		assertThat(point(caseId, "P2Y")).satisfies(f -> {
			assertThat(f.status()).isEqualTo(FollowUpStatus.CANCELLED);
			assertThat(f.cancelReason()).isEqualTo(reason);
		});
	}

	/**
	 * A follow-up recorded as DEAD by mistake is corrected: to a later death date the
	 * points carry the new date, to ALIVE they are open again and can be recorded. Fails
	 * on the old code: the points stayed cancelled with the first death for good, and
	 * recording one was refused (409 FOLLOW_UP_CANCELLED).
	 */
	@Test
	void correctingAFollowUpThatSaidDeadReopensThePointsItHadCancelled() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		UUID caseId = importAs("ccszx-clerk", hospital,
				List.of(ablation(operator, "FD_4201", TODAY.minusMonths(7), null)))
			.ids()
			.getFirst();
		LocalDate death = TODAY.minusDays(20);
		FollowUpView dead = recordAs(point(caseId, "P6M"), TODAY.minusDays(10), "DEAD", death);
		assertThat(point(caseId, "P1Y").status()).isEqualTo(FollowUpStatus.CANCELLED);

		LocalDate later = TODAY.minusDays(5);
		FollowUpView moved = recordAs(dead, TODAY.minusDays(4), "DEAD", later);
		assertThat(as("ccszx-clerk", () -> this.followUps.ofCase(caseId)))
			.filteredOn(f -> f.status() == FollowUpStatus.CANCELLED)
			.allSatisfy(f -> assertThat(f.cancelReason()).isEqualTo("患者已于 " + later + " 死亡（术后6个月随访记录）"))
			.extracting(FollowUpView::period)
			.containsExactly("P1Y", "P2Y", "P3Y", "P5Y");

		recordAs(moved, TODAY.minusDays(4), "ALIVE", null);
		List<FollowUpView> reopened = as("ccszx-clerk", () -> this.followUps.ofCase(caseId));
		assertThat(reopened).noneMatch(f -> f.status() == FollowUpStatus.CANCELLED);
		assertThat(reopened).allSatisfy(f -> assertThat(f.cancelReason()).isNull());
		FollowUpView oneYear = point(caseId, "P1Y");
		assertThat(oneYear.status()).isEqualTo(FollowUpStatus.UPCOMING);
		assertThat(recordAs(oneYear, TODAY, "ALIVE", null).status()).isEqualTo(FollowUpStatus.DONE);
		assertThat(this.jdbc.sql("""
				select after_state from audit.entry where action = 'FOLLOW_UP_RECORDED' and entity_id = ?
				order by id desc limit 1""").param(dead.id().toString()).query(String.class).single())
			.contains("reopenedFollowUps");
	}

	/**
	 * A corrected follow-up death reopens only what no other death covers: the case's own
	 * death date, entered after the follow-up, cancels the points again with its reason.
	 */
	@Test
	void aCorrectedFollowUpDeathLeavesThePointsAnotherDeathStillCovers() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		LocalDate operation = TODAY.minusMonths(7);
		UUID caseId = importAs("ccszx-clerk", hospital, List.of(ablation(operator, "FD_4301", operation, null))).ids()
			.getFirst();
		LocalDate death = TODAY.minusDays(20);
		FollowUpView dead = recordAs(point(caseId, "P6M"), TODAY.minusDays(10), "DEAD", death);
		LocalDate caseDeath = TODAY.minusDays(2);
		as("ccszx-clerk", () -> this.cases.amend(caseId, this.cases.get(caseId).version(), "补录死亡日期",
				ablation(operator, "FD_4301", operation, caseDeath)));
		assertThat(point(caseId, "P1Y").cancelReason()).as("the earlier death still cancels it")
			.isEqualTo("患者已于 " + death + " 死亡（术后6个月随访记录）");

		assertThat(recordAs(point(caseId, "P6M"), TODAY.minusDays(10), "LOST", null).version())
			.isGreaterThan(dead.version());
		assertThat(as("ccszx-clerk", () -> this.followUps.ofCase(caseId)))
			.filteredOn(f -> f.status() == FollowUpStatus.CANCELLED)
			.allSatisfy(f -> assertThat(f.cancelReason()).isEqualTo("患者已于 " + caseDeath + " 死亡（病例记录）"))
			.extracting(FollowUpView::period)
			.containsExactly("P1Y", "P2Y", "P3Y", "P5Y");
	}

	/**
	 * Two people record the same point at once: the second write finds the version
	 * changed and is refused as stale; the death it carried cancels nothing and nothing
	 * is audited for it.
	 */
	@Test
	void aRecordThatLostARaceIsRefusedAndCancelsNothing() throws Exception {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		UUID caseId = importAs("ccszx-clerk", hospital,
				List.of(ablation(operator, "FR_6001", TODAY.minusYears(1).minusDays(10), null)))
			.ids()
			.getFirst();
		FollowUpView oneMonth = as("ccszx-clerk", () -> this.followUps.ofCase(caseId)).getFirst();
		java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch secondRead = new java.util.concurrent.CountDownLatch(1);
		// The first recorder writes and holds its transaction open until the second has
		// read the point (same version) and started its own write.
		java.util.concurrent.Future<FollowUpView> first = java.util.concurrent.Executors.newSingleThreadExecutor()
			.submit(() -> this.transactions.execute(status -> this.users.actingAs("ccszx-clerk", () -> {
				FollowUpView saved = this.followUps.record(oneMonth.id(), new FollowUpRecord(oneMonth.version(),
						oneMonth.dueDate().plusDays(2), "PHONE", "ALIVE", null, "STABLE", null));
				firstWrote.countDown();
				try {
					secondRead.await(10, java.util.concurrent.TimeUnit.SECONDS);
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return saved;
			})));
		firstWrote.await(10, java.util.concurrent.TimeUnit.SECONDS);
		LocalDate death = oneMonth.dueDate().plusDays(5);
		assertThatExceptionOfType(StaleEdit.class).isThrownBy(() -> as("ccszx-clerk", () -> {
			secondRead.countDown();
			return this.followUps.record(oneMonth.id(), new FollowUpRecord(oneMonth.version(), death.plusDays(1),
					"PHONE", "DEAD", death, "PROGRESSION", null));
		}));
		assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).vitalStatus()).isEqualTo("ALIVE");
		assertThat(as("ccszx-clerk", () -> this.followUps.ofCase(caseId)))
			.as("no point was cancelled by the death that was never stored")
			.noneMatch(f -> f.status() == FollowUpStatus.CANCELLED);
		assertThat(
				this.jdbc.sql("select count(*) from audit.entry where action = 'FOLLOW_UP_RECORDED' and entity_id = ?")
					.param(oneMonth.id().toString())
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	static List<List<String>> sheet(byte[] xlsx) throws java.io.IOException {
		List<List<String>> rows = new java.util.ArrayList<>();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
			for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
				List<String> cells = new java.util.ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/**
	 * An import of more cases than one batch of the scheduler: the first batches are
	 * scheduled while the transaction is still open (so the scheduler holds at most one
	 * batch of ids, whatever the import's size), the rest before the commit, and the
	 * registry revision rises once per INSERT statement of many cases, not once per case
	 * (one row updated a million times in one transaction made a large import quadratic).
	 * Fails on the old code: nothing was scheduled before the commit, and the revision
	 * rose by 1,200.
	 */
	@Test
	void aLargeImportIsScheduledInBatchesInsideItsTransactionAndRaisesTheRevisionPerStatement() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		int count = FollowUpScheduler.BATCH + 200;
		List<CaseInput> inputs = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			inputs.add(ablation(operator, "FU-BULK-" + i, TODAY.minusDays(30 + (i % 300)), null));
		}
		long revisionBefore = revision(hospital);
		try {
			int scheduledBeforeCommit = this.transactions.execute(status -> this.users.actingAs("ccszx-clerk", () -> {
				this.cases.importSubmitted(hospital, inputs, "IMPORT");
				return scheduledCases();
			}));
			assertThat(scheduledBeforeCommit).isEqualTo(FollowUpScheduler.BATCH);
			assertThat(scheduledCases()).isEqualTo(count);
			assertThat(revision(hospital) - revisionBefore).isPositive().isLessThanOrEqualTo(5);
		}
		finally {
			this.jdbc.sql("delete from cases.case_report where medical_record_no like 'FU-BULK-%'").update();
		}
	}

	/**
	 * The schedule is computed by the database (an import writes millions of points): its
	 * due dates, cancellations and reasons equal {@link FollowUpSchedule#plan} in Java
	 * for the days where month arithmetic differs (the 31st, a leap day, the end of the
	 * year). Fails if the SQL added days before months, did not clamp to the month's last
	 * day, or cancelled a point due on the day of the death.
	 */
	@Test
	void theDatabaseSchedulesExactlyWhatJavaPlansAtTheEndsOfMonths() {
		UUID hospital = as("ccszx-clerk", () -> this.identity.currentUser().institutionId());
		UUID operator = this.people.atInstitution(hospital).get(0).id();
		List<LocalDate> operations = List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 8, 31),
				LocalDate.of(2025, 1, 31), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 12, 31),
				LocalDate.of(2026, 5, 31));
		List<CaseInput> inputs = new java.util.ArrayList<>();
		java.util.Map<String, LocalDate> deaths = new java.util.HashMap<>();
		for (int i = 0; i < operations.size(); i++) {
			LocalDate operation = operations.get(i);
			// every other case dies: once on the very day a point is due (it stays open)
			LocalDate death = switch (i % 3) {
				case 1 -> operation.plusMonths(6);
				case 2 -> operation.plusMonths(4).plusDays(3);
				default -> null;
			};
			inputs.add(ablation(operator, "FU-EOM-" + i, operation, death));
			if (death != null) {
				deaths.put("FU-EOM-" + i, death);
			}
		}
		try {
			importAs("ccszx-clerk", hospital, inputs);
			List<FollowUpSchedule.Point> points = as("ccszx-clerk",
					() -> this.followUps
						.ofCase(this.jdbc.sql("select id from cases.case_report where medical_record_no = 'FU-EOM-0'")
							.query(UUID.class)
							.single()))
				.stream()
				.map(f -> new FollowUpSchedule.Point(f.period(), f.label()))
				.toList();
			assertThat(points).hasSize(7);
			assertScheduleAsPlanned(operations, deaths, points);
			// some points gone (as after an amendment): the COPY of a full schedule is
			// refused by the (case, period) index and the database computes what is
			// missing
			this.jdbc.sql("""
					delete from cases.follow_up where period in ('P6M', 'P2Y') and case_id in
					  (select id from cases.case_report where medical_record_no like 'FU-EOM-%')""").update();
			List<UUID> ids = this.jdbc.sql("select id from cases.case_report where medical_record_no like 'FU-EOM-%'")
				.query(UUID.class)
				.list();
			assertThat((int) this.transactions.execute(status -> this.followUps.schedule(ids)))
				.isEqualTo(2 * ids.size());
			assertScheduleAsPlanned(operations, deaths, points);
			assertThat(this.followUps.schedule(List.of())).isZero();
		}
		finally {
			this.jdbc.sql("delete from cases.case_report where medical_record_no like 'FU-EOM-%'").update();
		}
	}

	void assertScheduleAsPlanned(List<LocalDate> operations, java.util.Map<String, LocalDate> deaths,
			List<FollowUpSchedule.Point> points) {
		for (int i = 0; i < operations.size(); i++) {
			String recordNo = "FU-EOM-" + i;
			LocalDate death = deaths.get(recordNo);
			List<String> expected = FollowUpSchedule.plan(operations.get(i), points, death)
				.stream()
				.map(p -> p.period() + " " + p.label() + " " + p.dueDate() + " "
						+ (p.cancelled() ? TODAY + " 患者已于 " + death + " 死亡（病例记录）" : "open"))
				.toList();
			List<String> stored = this.jdbc.sql("""
					select f.period, f.label, f.due_date, f.cancelled_on, f.cancel_reason
					from cases.follow_up f join cases.case_report r on r.id = f.case_id
					where r.medical_record_no = ? order by f.due_date""")
				.param(recordNo)
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3, LocalDate.class) + " "
						+ ((rs.getObject(4) == null) ? "open"
								: rs.getObject(4, LocalDate.class) + " " + rs.getString(5)))
				.list();
			assertThat(stored).as(recordNo + " operated " + operations.get(i)).isEqualTo(expected);
		}
	}

	int scheduledCases() {
		return this.jdbc.sql("""
				select count(distinct f.case_id) from cases.follow_up f join cases.case_report r on r.id = f.case_id
				where r.medical_record_no like 'FU-BULK-%'""").query(Integer.class).single();
	}

	long revision(UUID institution) {
		return this.jdbc.sql("select coalesce(max(revision), 0) from cases.registry_revision where institution_id = ?")
			.param(institution)
			.query(Long.class)
			.single();
	}

}
