package cn.rtms.cases.volumes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.rtms.cases.CaseInput;
import cn.rtms.cases.CaseManagement;
import cn.rtms.cases.ImportResult;
import cn.rtms.cases.PatientInput;
import cn.rtms.filing.domain.EndingReason;
import cn.rtms.filing.FilingQueries;
import cn.rtms.filing.FilingSummary;
import cn.rtms.filing.FilingView;
import cn.rtms.filing.RevocationCheck;
import cn.rtms.identity.IdentityManagement;
import cn.rtms.identity.UserManagement;
import cn.rtms.personnel.PersonnelManagement;
import cn.rtms.rules.CaseVolumeRow;
import cn.rtms.rules.EligibilityManagement;
import cn.rtms.rules.EligibilityMatrix;
import cn.rtms.rules.EligibilityReport;
import cn.rtms.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case registry feeding eligibility and the revocation check (issue 8 item 3) on the
 * embedded PostgreSQL, with the demo filings (松江 G08 is ACTIVE) and the registry starting
 * 2024-01-01.
 */
@SpringBootTest(properties = "rtms.cases.registry-start=2024-01-01")
class CaseRegistryFeedIT {

	static final LocalDate TODAY = TestClock.today();

	@Autowired
	CaseManagement cases;

	@Autowired
	EligibilityManagement eligibility;

	@Autowired
	RevocationCheck revocations;

	@Autowired
	FilingQueries filings;

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

	static CaseInput ablation(String technology, UUID operator, String recordNo, LocalDate operation) {
		return new CaseInput(null, technology, "MWA", "PERCUTANEOUS", List.of("50.2400x001"), recordNo, null,
				new PatientInput("测试患者", "220102198001010012", null, "M", LocalDate.of(1980, 1, 1)),
				operation.minusDays(1), operation, operation.plusDays(2), "肿瘤介入科", operator, List.of(), true, List.of(),
				null, "ORDERED", Map.of("organ", "LIVER", "lesionsPlanned", 1, "lesionsCompleted", 1, "childPugh", "A",
						"ecog", 0, "asaClass", "II", "ptaPercent", 85, "organFunctionImpaired", false),
				List.of());
	}

	/** Runs as the user in a writable transaction (actingAs alone runs read-only). */
	<T> T as(String user, java.util.function.Supplier<T> task) {
		return this.transactions.execute(status -> this.users.actingAs(user, task));
	}

	ImportResult importAs(String user, UUID institution, List<CaseInput> inputs) {
		return this.transactions.execute(
				status -> this.users.actingAs(user, () -> this.cases.importSubmitted(institution, inputs, "IMPORT")));
	}

	UUID institution(String user) {
		return this.users.actingAs(user, () -> this.identity.currentUser().institutionId());
	}

	UUID person(UUID institution, String name) {
		return this.people.atInstitution(institution)
			.stream()
			.filter(p -> p.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	static EligibilityReport.ClauseResult clause(EligibilityReport report, String ref) {
		return report.clauses().stream().filter(c -> c.ref().equals(ref)).findFirst().orElseThrow();
	}

	/**
	 * 高志远's yearly G08 figures (manual, 168–220 a year) are replaced by his registry
	 * cases from 2025 on, the year of his first registry case: 60 cases leave 2025 short
	 * of "近5年每年…不少于100例", 40 more reach it. The institution's matrix, cached, follows
	 * each import.
	 */
	@Test
	void aPhysiciansCasesAsOperatorDecideTheYearlyCountOfTheExemption() {
		UUID songjiang = institution("songjiang-clerk");
		UUID gao = person(songjiang, "高志远");
		EligibilityMatrix cached = as("admin", () -> this.eligibility.institutionMatrix(songjiang, TODAY));
		assertThat(as("admin", () -> this.eligibility.institutionMatrix(songjiang, TODAY))).isSameAs(cached);

		importAs("songjiang-clerk", songjiang, cases(gao, "GZY-A", LocalDate.of(2025, 2, 1), 60));
		EligibilityReport.ClauseResult short60 = clause(
				as("admin", () -> this.eligibility.personReport(gao, "G08", TODAY)).trainee(), "(六)3");
		assertThat(short60.explanation()).contains("2024 年 212 例", "2025 年 60 例");
		assertThat(short60.status()).isEqualTo("NOT_MET");
		assertThat(as("admin", () -> this.eligibility.institutionMatrix(songjiang, TODAY)))
			.as("a case submitted at the institution recomputes its matrix")
			.isNotSameAs(cached);

		importAs("songjiang-clerk", songjiang, cases(gao, "GZY-B", LocalDate.of(2025, 6, 1), 40));
		EligibilityReport report = as("admin", () -> this.eligibility.personReport(gao, "G08", TODAY));
		EligibilityReport.ClauseResult reached = clause(report.trainee(), "(六)3");
		assertThat(reached.explanation()).contains("2025 年 100 例");
		assertThat(reached.status()).isNotEqualTo("NOT_MET");
		assertThat(report.notices()).anySatisfy(n -> assertThat(n).contains("2024-01-01", "病例登记"));

		List<CaseVolumeRow> rows = as("admin", () -> this.eligibility.personCaseVolumes(gao));
		assertThat(rows).filteredOn(r -> r.technology().equals("G08") && r.year() == 2025)
			.extracting(CaseVolumeRow::source)
			.contains(CaseVolumeRow.Source.MANUAL_SUPERSEDED, CaseVolumeRow.Source.REGISTRY);
		assertThat(rows).filteredOn(r -> r.technology().equals("G08") && r.year() == 2024)
			.extracting(CaseVolumeRow::source)
			.containsOnly(CaseVolumeRow.Source.MANUAL);
	}

	static List<CaseInput> cases(UUID operator, String prefix, LocalDate from, int count) {
		List<CaseInput> inputs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			inputs.add(ablation("G08", operator, prefix + "-" + i, from.plusDays(i % 28)));
		}
		return inputs;
	}

}
