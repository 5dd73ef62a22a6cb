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
import cn.rtms.rules.EligibilityManagement;
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
@SpringBootTest(properties = { "rtms.cases.registry-start=2024-01-01", "rtms.demo-data.filings=true" })
class RegistryRevocationIT {

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

	/** Runs as the user in a writable transaction (actingAs alone runs read-only). */
	<T> T as(String user, java.util.function.Supplier<T> task) {
		return this.transactions.execute(status -> this.users.actingAs(user, task));
	}

	static List<CaseInput> cases(UUID operator, String prefix, LocalDate from, int count) {
		List<CaseInput> inputs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			inputs.add(ablation("G08", operator, prefix + "-" + i, from.plusDays(i % 28)));
		}
		return inputs;
	}

	/**
	 * 松江's G08 filing (active, taken into effect 2022 for the test) reads its registry
	 * cases: with one within the 2 years before today there is no 2年以上未开展 proposal; once
	 * that case is moved (in SQL) to the day 2 years before, the check proposes
	 * revocation stating the clause and the dates.
	 */
	@Test
	void revocationCheckProposesNotPerformedForTwoYearsFromCaseDatesOnly() {
		UUID jiangcheng = institution("jiangcheng-clerk");
		FilingSummary active = as("admin", () -> this.filings.list("ACTIVE", "G08", null)).stream()
			.findFirst()
			.orElseThrow();
		UUID hospital = active.institutionId();
		assertThat(hospital).isNotEqualTo(jiangcheng);
		this.jdbc.sql("""
				update filing.filing set body = jsonb_set(jsonb_set(body, '{activatedOn}', '"2022-03-01"'),
				  '{firstCaseDate}', '"2022-02-20"') where id = ?
				""").param(active.id()).update();
		UUID operator = person(hospital, "高志远");
		String clerk = "songjiang-clerk";
		importAs(clerk, hospital, List.of(ablation("G08", operator, "REV-1", LocalDate.of(2024, 3, 5))));
		ImportResult recent = importAs(clerk, hospital,
				List.of(ablation("G08", operator, "REV-2", TODAY.minusYears(2).plusDays(1))));

		this.revocations.recheckInstitution(hospital);
		FilingView kept = as("admin", () -> this.filings.get(active.id()));
		assertThat(kept.revocationProposal() == null
				|| !kept.revocationProposal().reason().equals(EndingReason.NOT_PERFORMED_2_YEARS.name()))
			.as("a case one day within the 2 years: performed")
			.isTrue();

		this.jdbc
			.sql("update cases.case_report set operation_date = ?, admission_date = ?, discharge_date = ? where id = ?")
			.param(TODAY.minusYears(2))
			.param(TODAY.minusYears(2).minusDays(1))
			.param(TODAY.minusYears(2).plusDays(2))
			.param(recent.ids().get(0))
			.update();
		this.revocations.recheckInstitution(hospital);
		FilingView proposed = as("admin", () -> this.filings.get(active.id()));
		assertThat(proposed.revocationProposal()).isNotNull();
		assertThat(proposed.revocationProposal().reason()).isEqualTo(EndingReason.NOT_PERFORMED_2_YEARS.name());
		assertThat(proposed.revocationProposal().detail()).contains("最后一例于 " + TODAY.minusYears(2),
				TODAY.minusYears(2).plusDays(1) + " 至 " + TODAY, "2年以上未开展相关技术");
	}

}
