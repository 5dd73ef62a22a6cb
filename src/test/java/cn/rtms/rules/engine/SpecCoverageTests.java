package cn.rtms.rules.engine;

import java.util.ArrayList;
import java.util.List;

import cn.rtms.rules.engine.rule.Status;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every clause with a rule, in every spec, has at least one golden case expecting MET and
 * one expecting NOT_MET. Reports every gap at once.
 */
class SpecCoverageTests {

	@Test
	void everyRuleHasAMetAndANotMetGoldenCase() {
		List<RequirementSpec> specs = new SpecLoader().loadDirectory(SpecGoldenTests.SPECS);
		List<String> gaps = gaps(specs, GoldenCase.loadAll(SpecGoldenTests.CASES));
		if (!gaps.isEmpty()) {
			fail("以下条款缺少 golden case（" + gaps.size() + " 处）：\n  " + String.join("\n  ", gaps));
		}
	}

	@Test
	void engineFixtureIsFullyCovered() {
		List<RequirementSpec> specs = new SpecLoader().loadDirectory(SpecGoldenTests.FIXTURE_SPECS);
		List<String> gaps = gaps(specs, GoldenCase.loadAll(SpecGoldenTests.FIXTURE_CASES));
		if (!gaps.isEmpty()) {
			fail("以下条款缺少 golden case（" + gaps.size() + " 处）：\n  " + String.join("\n  ", gaps));
		}
	}

	static List<String> gaps(List<RequirementSpec> specs, List<GoldenCase> cases) {
		List<String> gaps = new ArrayList<>();
		for (RequirementSpec spec : specs) {
			for (Clause clause : spec.clauses()) {
				if (clause.rule() == null) {
					continue;
				}
				List<String> missing = new ArrayList<>();
				for (Status status : List.of(Status.MET, Status.NOT_MET)) {
					boolean covered = cases.stream()
						.anyMatch((golden) -> golden.spec().equals(spec.key()) && golden.expects(clause.ref(), status));
					if (!covered) {
						missing.add(status.name());
					}
				}
				if (!missing.isEmpty()) {
					gaps.add(clause.citation() + "（" + clause.rule().kind() + "）缺少期望 " + String.join("、", missing)
							+ " 的用例");
				}
			}
		}
		return gaps;
	}

}
