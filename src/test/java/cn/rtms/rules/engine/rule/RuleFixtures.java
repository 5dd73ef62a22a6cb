package cn.rtms.rules.engine.rule;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.rtms.rules.engine.facts.Facts;
import cn.rtms.rules.engine.facts.FactsReader;
import cn.rtms.rules.engine.facts.InstitutionFacts;
import cn.rtms.rules.engine.facts.PersonFacts;
import cn.rtms.rules.engine.facts.StaffRole;

/**
 * Builds facts from short YAML snippets and evaluation contexts for rule tests.
 * Technology X08, issued 2022-04-20.
 */
final class RuleFixtures {

	static final String TECHNOLOGY = "X08";

	static final LocalDate ISSUED_ON = LocalDate.of(2022, 4, 20);

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private RuleFixtures() {
	}

	static InstitutionFacts institution(String yaml) {
		return FactsReader.fromYaml("institution:\n" + indent(yaml)).institution();
	}

	static PersonFacts person(String yaml) {
		return FactsReader.fromYaml("person:\n" + indent(yaml)).person();
	}

	static InstitutionFacts anyInstitution() {
		return institution("name: 测试医院");
	}

	static PersonFacts anyPerson() {
		return person("name: 测试医师");
	}

	private static String indent(String yaml) {
		StringBuilder text = new StringBuilder();
		for (String line : yaml.strip().split("\n")) {
			text.append("  ").append(line).append('\n');
		}
		return text.toString();
	}

	static EvaluationContext at(InstitutionFacts institution, LocalDate date) {
		return context(new Facts(institution, null), date, new StubEvaluator());
	}

	static EvaluationContext at(PersonFacts person, LocalDate date) {
		return context(new Facts(null, person), date, new StubEvaluator());
	}

	static EvaluationContext context(Facts facts, LocalDate date, StaffEvaluator evaluator) {
		return EvaluationContext.of(TECHNOLOGY, ISSUED_ON, date, facts.institution(), facts.person(), evaluator,
				Map.of("RFA", "射频消融", "MWA", "微波消融"));
	}

	static RuleResult evaluate(Rule rule, InstitutionFacts institution) {
		return rule.evaluate(at(institution, AS_OF));
	}

	static RuleResult evaluate(Rule rule, PersonFacts person) {
		return rule.evaluate(at(person, AS_OF));
	}

	/**
	 * Answers nested evaluations from a table keyed by person name (default NOT_MET).
	 */
	static final class StubEvaluator implements StaffEvaluator {

		final Map<String, Status> physicians = new HashMap<>();

		final Map<String, Status> staff = new HashMap<>();

		final Map<String, Status> trainees = new HashMap<>();

		StubEvaluator physician(String name, Status status) {
			this.physicians.put(name, status);
			return this;
		}

		StubEvaluator staff(String name, Status status) {
			this.staff.put(name, status);
			return this;
		}

		StubEvaluator trainee(String name, Status status) {
			this.trainees.put(name, status);
			return this;
		}

		@Override
		public Status physician(EvaluationContext context, PersonFacts person) {
			return this.physicians.getOrDefault(person.name(), Status.NOT_MET);
		}

		@Override
		public Status staff(EvaluationContext context, PersonFacts person, StaffRole role) {
			return this.staff.getOrDefault(person.name(), Status.NOT_APPLICABLE);
		}

		@Override
		public Status trainee(EvaluationContext context, PersonFacts person) {
			return this.trainees.getOrDefault(person.name(), Status.NOT_MET);
		}

		final Map<String, List<PathwayFinding>> findings = new HashMap<>();

		StubEvaluator findings(String name, PathwayFinding... findings) {
			this.findings.put(name, List.of(findings));
			return this;
		}

		@Override
		public List<PathwayFinding> traineeFindings(EvaluationContext context, PersonFacts person) {
			return this.findings.getOrDefault(person.name(),
					List.of(new PathwayFinding("系统培训", trainee(context, person), List.of())));
		}

	}

}
