package cn.rtms.cases;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.rtms.identity.AccessDenied;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.support.LockWaits;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * CaseManagement on the embedded PostgreSQL without HTTP: the batch import for the
 * importer, the check without saving, and what is stored of the patient.
 */
@SpringBootTest
@RecordApplicationEvents
class CaseManagementIT {

	static final LocalDate TODAY = TestClock.today();

	@Autowired
	CaseManagement cases;

	@Autowired
	UserManagement users;

	@Autowired
	PersonnelManagement people;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	cn.rtms.audit.AuditTrail audit;

	@Autowired
	ApplicationEvents events;

	@Value("${rtms.cases.patient-key-file}")
	String keyFile;

	/** Acts as a demo user inside a writable transaction (as the demo loaders do). */
	<T> T as(String username, java.util.function.Supplier<T> task) {
		return this.transactions.execute(status -> this.users.actingAs(username, task));
	}

	UUID institution(String username) {
		return as(username, () -> this.identity.currentUser().institutionId());
	}

	UUID person(UUID institutionId, String name) {
		return this.people.atInstitution(institutionId)
			.stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	static CaseInput ablation(UUID operator, String recordNo, LocalDate operation, String name) {
		return new CaseInput(null, "G08", "MWA", "PERCUTANEOUS", List.of("50.2400x001"), recordNo, null,
				new PatientInput(name, "220102198001010012", "13900001111", "M", LocalDate.of(1980, 1, 1)),
				operation.minusDays(1), operation, operation.plusDays(1), "肿瘤介入科", operator, List.of(), true, List.of(),
				null, "ORDERED", Map.of("organ", "LIVER", "lesionsPlanned", 2, "lesionsCompleted", 2, "childPugh", "A",
						"ecog", 1, "asaClass", "II", "ptaPercent", 85, "organFunctionImpaired", false),
				List.of());
	}

	@Test
	void importsAndSubmitsInOneBatchSkippingDuplicatesWithFlagsAndEvents() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		LocalDate day = TODAY.minusDays(30);
		CaseView existing = as("songjiang-clerk", () -> this.cases.create(ablation(gao, "IMP-0", day, "王一")));
		ImportResult result = as("songjiang-clerk",
				() -> this.transactions.execute(status -> this.cases.importSubmitted(songjiang,
						List.of(ablation(gao, "IMP-1", day, "王二"), ablation(gao, "IMP-0", day, "王一"),
								ablation(gao, "IMP-2", day.minusDays(1), "王三"), ablation(gao, "IMP-1", day, "王二")),
						"IMPORT")));
		assertThat(result.inserted()).isEqualTo(2);
		assertThat(result.duplicates()).isEqualTo(2);
		assertThat(result.ids()).hasSize(2).doesNotContain(existing.id());
		CaseView imported = as("songjiang-clerk", () -> this.cases.get(result.ids().get(0)));
		assertThat(imported.status()).isEqualTo(CaseView.SUBMITTED);
		assertThat(imported.medicalRecordNo()).isEqualTo("IMP-1");
		assertThat(imported.flags()).extracting(CaseFlag::code).containsExactlyInAnyOrder("UNFILED", "UNAUTHORIZED");
		assertThat(imported.patient().name()).isEqualTo("王二");
		assertThat(this.events.stream(CaseSubmitted.class).filter(e -> result.ids().contains(e.caseId()))).hasSize(2)
			.allSatisfy(e -> {
				assertThat(e.institutionId()).isEqualTo(songjiang);
				assertThat(e.operatorId()).isEqualTo(gao);
				assertThat(e.technology()).isEqualTo("G08");
			});
		assertThat(this.jdbc.sql("select count(*) from audit.entry where action = 'CASES_IMPORTED' and entity_id = ?")
			.param(songjiang.toString())
			.query(Integer.class)
			.single()).isPositive();
	}

	/**
	 * An import is one transaction of many chunks: the audit entry of a chunk is appended
	 * when it commits, so the audit chain's lock is not held for the rest of the import
	 * and other audited writes (a login, an export) go on meanwhile. Fails if a chunk's
	 * entry took the chain's lock inside the import's transaction.
	 */
	@Test
	void anImportInProgressDoesNotHoldTheAuditChainAgainstOtherWrites() throws Exception {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		java.util.concurrent.CountDownLatch chunkWritten = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch otherWriteDone = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.Future<ImportResult> importing = java.util.concurrent.Executors.newSingleThreadExecutor()
			.submit(() -> as("songjiang-clerk", () -> {
				ImportResult result = this.cases.importSubmitted(songjiang,
						List.of(ablation(gao, "LOCK-1", TODAY.minusDays(9), "钱一")), "IMPORT");
				chunkWritten.countDown();
				try {
					// the import goes on reading its file while another user acts
					otherWriteDone.await(10, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return result;
			}));
		assertThat(chunkWritten.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture
			.runAsync(() -> this.audit.recordEvent("TEST_EXPORTED", "Case", "lock-probe", Map.of("n", 1)));
		try {
			other.get(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			otherWriteDone.countDown();
		}
		assertThat(importing.get(30, java.util.concurrent.TimeUnit.SECONDS).inserted()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select count(*) from audit.entry
				where action = 'CASES_IMPORTED' and entity_id = ? and actor_name <> '系统'
				  and id > (select id from audit.entry where entity_id = 'lock-probe')""")
			.param(songjiang.toString())
			.query(Integer.class)
			.single()).as("the chunk's entry, appended at the commit, after the other write, by the clerk")
			.isEqualTo(1);
	}

	/**
	 * An import writes new cases with COPY and falls back to INSERT … ON CONFLICT when
	 * one of them is already registered: both paths must store exactly the same row.
	 * Fails if the COPY text mis-escaped a backslash or quote, shifted a column, lost a
	 * timestamp's precision or wrote the encrypted bytes differently.
	 */
	@Test
	void theCopyPathAndTheInsertPathStoreTheSameRow() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		LocalDate day = TODAY.minusDays(40);
		CaseInput template = ablation(gao, "CP-A", day, "欧阳\\娜娜");
		java.util.function.Function<String, CaseInput> copyOf = recordNo -> new CaseInput(null, template.technology(),
				template.subTechnique(), template.route(), template.procedureCodes(), recordNo, "ZY\\" + recordNo,
				template.patient(), template.admissionDate(), template.operationDate(), template.dischargeDate(),
				"肿瘤\"介入\"科\\一病区", gao, List.of(), true, template.complications(), null, "ORDERED", template.fields(),
				List.of());
		ImportResult copied = as("songjiang-clerk",
				() -> this.cases.importSubmitted(songjiang, List.of(copyOf.apply("CP-A")), "IMPORT"));
		ImportResult inserted = as("songjiang-clerk", () -> this.cases.importSubmitted(songjiang,
				List.of(copyOf.apply("CP-A"), copyOf.apply("CP-B")), "IMPORT"));
		assertThat(copied.inserted()).isEqualTo(1);
		assertThat(inserted.inserted()).as("CP-A is registered: the COPY is refused and the INSERT skips it")
			.isEqualTo(1);
		assertThat(inserted.duplicates()).isEqualTo(1);
		List<String> rows = this.jdbc.sql("""
				select (to_jsonb(c) - 'id' - 'medical_record_no' - 'inpatient_no' - 'patient_name_enc'
				        - 'patient_id_no_enc' - 'patient_phone_enc' - 'patient_pseudonym' - 'created_at' - 'updated_at'
				        - 'submitted_at')::text
				from cases.case_report c where institution_id = ? and medical_record_no in ('CP-A', 'CP-B')
				order by medical_record_no""").param(songjiang).query(String.class).list();
		assertThat(rows).hasSize(2);
		assertThat(this.jdbc.sql("""
				select created_at = updated_at and updated_at = submitted_at
				       and created_at <> date_trunc('second', created_at)
				from cases.case_report where institution_id = ? and medical_record_no = 'CP-A'""")
			.param(songjiang)
			.query(Boolean.class)
			.single()).as("timestamps written by COPY keep their fraction of a second").isTrue();
		assertThat(rows.get(0)).isEqualTo(rows.get(1)).contains("肿瘤\\\"介入\\\"科\\\\一病区");
		CaseView a = as("songjiang-clerk", () -> this.cases.get(copied.ids().get(0)));
		CaseView b = as("songjiang-clerk", () -> this.cases.get(inserted.ids().get(0)));
		assertThat(a.medicalRecordNo()).isEqualTo("CP-A");
		assertThat(b.medicalRecordNo()).isEqualTo("CP-B");
		assertThat(a.inpatientNo()).isEqualTo("ZY\\CP-A");
		assertThat(a.patient()).usingRecursiveComparison().ignoringFields("pseudonym").isEqualTo(b.patient());
		assertThat(a.patient().name()).isEqualTo("欧阳\\娜娜");
		assertThat(a.department()).isEqualTo(b.department()).isEqualTo("肿瘤\"介入\"科\\一病区");
	}

	static CaseInput withDevice(CaseInput c, String scanned) {
		return new CaseInput(c.institutionId(), c.technology(), c.subTechnique(), c.route(), c.procedureCodes(),
				c.medicalRecordNo(), c.inpatientNo(), c.patient(), c.admissionDate(), c.operationDate(),
				c.dischargeDate(), c.department(), c.operatorId(), c.assistantIds(), c.informedConsent(),
				c.complications(), c.deathDate(), c.dischargeStatus(), c.fields(),
				List.of(new DeviceInput(scanned, null, null, null, null)));
	}

	/**
	 * A single-use device in two cases of one import batch, or in a case another
	 * transaction saved between the batch's check and its insert (here another hospital's
	 * import, which waits on no lock of the first until the unique index): both are
	 * {@link DeviceReused}, so the importer checks its rows one by one instead of failing
	 * the whole job. Fails on the old code: both were a bare 409 naming "病案号 " and
	 * nothing.
	 */
	@Test
	void aSingleUseDeviceTwiceInABatchOrSavedMeanwhileIsRefusedAsReused() throws Exception {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		String scanned = "(01)09506000134352(17)301231(10)LOT7(21)CMB" + System.nanoTime();
		String tag = "DRU" + System.nanoTime() % 100_000 + "-";
		UUID ccszx = institution("ccszx-clerk");
		UUID wang = person(ccszx, "王淑华");
		DeviceReused twice = org.assertj.core.api.Assertions.catchThrowableOfType(DeviceReused.class,
				() -> as("songjiang-clerk",
						() -> this.cases.importSubmitted(songjiang,
								List.of(withDevice(ablation(gao, tag + "1", TODAY.minusDays(4), "甲"), scanned),
										withDevice(ablation(gao, tag + "2", TODAY.minusDays(3), "乙"), scanned)),
								"IMPORT")));
		assertThat(twice).isNotNull();
		assertThat(twice.getBody().getDetail()).contains(tag + "1", tag + "2", "重复登记");

		java.util.concurrent.CountDownLatch firstInserted = new java.util.concurrent.CountDownLatch(1);
		try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
			java.util.concurrent.Future<?> first = pool.submit(() -> as("songjiang-clerk", () -> {
				this.cases.importSubmitted(songjiang,
						List.of(withDevice(ablation(gao, tag + "3", TODAY.minusDays(2), "丙"), scanned)), "IMPORT");
				firstInserted.countDown();
				LockWaits.awaitOne(this.jdbc, "the second import");
				return 0;
			}));
			assertThat(firstInserted.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			java.util.concurrent.Future<Throwable> second = pool.submit(() -> org.assertj.core.api.Assertions
				.catchThrowable(() -> as("ccszx-clerk", () -> this.cases.importSubmitted(ccszx,
						List.of(withDevice(ablation(wang, tag + "4", TODAY.minusDays(1), "丁"), scanned)), "IMPORT"))));
			first.get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(DeviceReused.class)
				.satisfies(ex -> assertThat(((DeviceReused) ex).getBody().getDetail()).contains("刚被其他病例登记")
					.doesNotContain(tag + "3"));
		}
		assertThat(this.jdbc.sql("select count(*) from cases.case_report where medical_record_no like ?")
			.param(tag + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherHospitalCannotImportOrCheckForSongjiang() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		assertThatExceptionOfType(AccessDenied.class).isThrownBy(() -> as("jiangcheng-clerk",
				() -> this.cases.importSubmitted(songjiang, List.of(ablation(gao, "X-1", TODAY, "李")), "IMPORT")));
		assertThatExceptionOfType(AccessDenied.class).isThrownBy(() -> as("jiangcheng-clerk",
				() -> this.cases.check(ablation(gao, "X-1", TODAY, "李"), songjiang, Set.of())));
	}

	@Test
	void checkReportsErrorsWarningsAndFindingsWithoutSaving() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		CaseInput input = ablation(gao, "CHK-1", TODAY.minusDays(100), "赵");
		CaseInput longStay = new CaseInput(null, "G08", "MWA", null, List.of(), "CHK-1", null, input.patient(),
				TODAY.minusDays(100), TODAY.minusDays(99), TODAY.minusDays(20), "科", gao, List.of(), true, List.of(),
				null, null, Map.of("organ", "LIVER", "lesionsPlanned", 0, "lesionsCompleted", 0, "childPugh", "A",
						"ecog", 9, "asaClass", "II", "ptaPercent", 85, "organFunctionImpaired", false),
				List.of());
		CaseCheck check = as("songjiang-clerk", () -> this.cases.check(longStay, songjiang, Set.of("LONG_STAY")));
		assertThat(check.errors()).extracting(CaseProblem::code).containsExactly("OUT_OF_RANGE");
		assertThat(check.warnings()).extracting(CaseProblem::code).containsExactly("ZERO_LESIONS");
		assertThat(check.findings()).extracting(PracticeFinding::code)
			.containsExactlyInAnyOrder("UNFILED", "UNAUTHORIZED");
		assertThat(check.submittable()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from cases.case_report where medical_record_no = 'CHK-1'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void storesPatientDataOnlyEncryptedWithKeyedHashAndPseudonym() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		CaseView view = as("songjiang-clerk",
				() -> this.cases.create(ablation(gao, "ENC-1", TODAY.minusDays(3), "欧阳明月")));
		Map<String, Object> row = this.jdbc
			.sql("select patient_name_enc, patient_id_no_enc, patient_phone_enc, patient_id_no_hash, patient_pseudonym "
					+ "from cases.case_report where id = ?")
			.param(view.id())
			.query()
			.singleRow();
		String stored = new String((byte[]) row.get("patient_name_enc"), StandardCharsets.UTF_8)
				+ new String((byte[]) row.get("patient_id_no_enc"), StandardCharsets.ISO_8859_1)
				+ HexFormat.of().formatHex((byte[]) row.get("patient_phone_enc"));
		assertThat(stored).doesNotContain("欧阳明月", "220102198001010012", "13900001111");
		assertThat((String) row.get("patient_id_no_hash")).matches("[0-9a-f]{64}");
		assertThat(row.get("patient_pseudonym")).isEqualTo(view.patient().pseudonym());
		assertThat(view.patient().idNumberMasked()).isEqualTo("220***********0012");
		assertThat(this.jdbc
			.sql("select count(*) from audit.entry where after_state like '%欧阳明月%' "
					+ "or after_state like '%220102198001010012%'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.keyFile).as("测试的患者数据密钥在临时测试目录，不在 var/ 下")
			.startsWith(Path.of(System.getProperty("java.io.tmpdir"), "rtms-it").toString())
			.endsWith("patient.key");
	}

}
