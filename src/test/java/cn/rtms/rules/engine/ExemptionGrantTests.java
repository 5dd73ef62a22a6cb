package cn.rtms.rules.engine;

import java.time.LocalDate;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.FactsReader;
import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.SpecLoader;
import cn.rtms.rules.engine.spec.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A granted exemption (免于培训) is a fact of its own (ADR 0032): it satisfies the exemption
 * pathway of the edition it was approved under, however long ago, and of another edition
 * whose exemption clauses read the same; not another technology's, not before its
 * approval, not an edition without an exemption pathway, and it is not a training.
 */
class ExemptionGrantTests {

	private static final SpecLibrary LIBRARY = SpecLibrary.of(new SpecLoader().loadDirectory(SpecGoldenTests.SPECS));

	private final EligibilityEngine engine = new EligibilityEngine(LIBRARY);

	/**
	 * A physician whose cases all lie more than 5 years before 2032: no pathway met by
	 * facts.
	 */
	private static Facts physician(String grants) {
		return FactsReader.fromYaml("""
				person:
				  name: 免训医师
				  roles: [PHYSICIAN]
				  titles: [{title: ASSOCIATE_CHIEF, since: 2012-01-01}]
				  clinicalStart: 2000-01-01
				  caseVolumes: [{technology: G07, year: 2021, cases: 150}, {technology: G08, year: 2021, cases: 150}]
				  adverseEvents: []
				  trainings: []
				  exemptions: %s
				""".formatted(grants));
	}

	private static RequirementSpec spec(String key) {
		return LIBRARY.find(key).orElseThrow();
	}

	private Status trainee(String spec, Facts facts, LocalDate asOf) {
		Status status = this.engine.status(spec(spec), Subject.TRAINEE, null, facts, asOf);
		assertThat(this.engine.evaluate(spec(spec), Subject.TRAINEE, facts, asOf).status())
			.as("explained and status-only verdicts agree")
			.isEqualTo(status);
		return status;
	}

	@Test
	void anOldApprovalStillSatisfiesTheExemptionPathwayOfItsEdition() {
		LocalDate later = LocalDate.of(2032, 1, 1);
		assertThat(trainee("G07-2022", physician("[]"), later)).as("the rolling 5 years no longer hold")
			.isEqualTo(Status.NOT_MET);
		Facts granted = physician("[{technology: G07, spec: G07-2022, approvedOn: 2022-06-01, approvedBy: 省卫健委}]");
		assertThat(trainee("G07-2022", granted, later)).isEqualTo(Status.MET);
		Outcome outcome = this.engine.evaluate(spec("G07-2022"), Subject.TRAINEE, granted, later);
		assertThat(outcome.notices()).anyMatch(n -> n.contains("G07-2022 免于培训已于 2022-06-01 经省卫健委批准"));
		Outcome physician = this.engine.evaluate(spec("G07-2022"), Subject.PHYSICIAN, granted, later);
		assertThat(physician.clauses())
			.filteredOn(c -> c.explanation().contains("免于培训途径：G07-2022 免于培训已于 2022-06-01 经省卫健委批准"))
			.as("the physician's trained-at-a-filed-base clause names the exemption and its approval day")
			.isNotEmpty();
	}

	@Test
	void neverBeforeItsApprovalNorForAnotherTechnologyNorAsATraining() {
		LocalDate later = LocalDate.of(2032, 1, 1);
		Facts granted = physician("[{technology: G07, spec: G07-2022, approvedOn: 2032-01-02}]");
		assertThat(trainee("G07-2022", granted, later)).as("approved after the evaluation day")
			.isEqualTo(Status.NOT_MET);
		Facts g07 = physician("[{technology: G07, spec: G07-2022, approvedOn: 2022-06-01}]");
		assertThat(trainee("G08-2023", g07, later)).as("another technology").isEqualTo(Status.NOT_MET);
		Facts g10 = physician("[{technology: G10, spec: G10-2023, approvedOn: 2024-06-01}]");
		assertThat(this.engine.evaluate(spec("G10-2023"), Subject.PHYSICIAN, g10, later).clauses())
			.as("a grant is not a training: G10's physician clause asking for a passed training at a filed base")
			.anyMatch(c -> c.failedRuleKinds().contains("trainingRecord"));
	}

	@Test
	void anotherEditionAcceptsItOnlyWhenItsExemptionClausesReadTheSame() {
		LocalDate later = LocalDate.of(2032, 1, 1);
		Facts g08 = physician("[{technology: G08, spec: G08-2022, approvedOn: 2022-06-01}]");
		assertThat(trainee("G08-2023", g08, later)).as("G08-2023 四 exemption text equals G08-2022's")
			.isEqualTo(Status.MET);
		assertThat(this.engine.evaluate(spec("G08-2023"), Subject.TRAINEE, g08, later).notices())
			.anyMatch(n -> n.contains("本版免于培训条款与该版相同"));
		Facts unknownEdition = physician("[{technology: G08, spec: G08-2019, approvedOn: 2020-06-01}]");
		assertThat(trainee("G08-2023", unknownEdition, later)).as("an edition whose text is not known")
			.isEqualTo(Status.NOT_MET);
	}

	/**
	 * S04-2017 and S04-2022 read the same exemption words, but each judges them as of its
	 * own 本规范印发之日 (2017-02-14, 2022-11-22): a 2017 approval says nothing about the five
	 * years before 2022-11-22, so it does not count for the 2022 edition (it did).
	 */
	@Test
	void theSameWordsUnderAnotherIssueDateAreAnotherExemption() {
		LocalDate later = LocalDate.of(2026, 6, 30);
		Facts granted2017 = physician("[{technology: S04, spec: S04-2017, approvedOn: 2018-03-01, approvedBy: 省卫健委}]");
		assertThat(trainee("S04-2022", granted2017, later)).as("a 2017 approval under the 2022 edition")
			.isEqualTo(Status.NOT_MET);
		Facts granted2022 = physician("[{technology: S04, spec: S04-2022, approvedOn: 2023-03-01, approvedBy: 省卫健委}]");
		assertThat(trainee("S04-2022", granted2022, later)).as("its own edition's approval").isEqualTo(Status.MET);
	}

}
