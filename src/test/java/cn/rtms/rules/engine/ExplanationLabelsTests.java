package cn.rtms.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.rtms.catalog.CodeDictionary;
import cn.rtms.rules.engine.rule.PerformsSubTechniqueRule;
import cn.rtms.rules.engine.spec.Clause;
import cn.rtms.rules.engine.spec.RequirementSpec;
import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine says to people names things by their Chinese labels: no rule summary of
 * a real spec and no explanation, actual, required or evidence text of any golden case
 * contains a code of the code dictionary (ELECTRIC_DERMATOME, DEEP …) in place of its
 * label, nor any UPPER_SNAKE identifier.
 */
class ExplanationLabelsTests {

	static final Pattern TOKEN = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");

	static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	final CodeDictionary dictionary = CodeDictionary.standard();

	@Test
	void ruleSummariesOfEverySpecUseLabels() {
		List<String> problems = new ArrayList<>();
		for (RequirementSpec spec : new SpecLoader().loadDirectory(SpecGoldenTests.SPECS)) {
			for (Clause clause : spec.clauses()) {
				check(spec.key() + " " + clause.ref() + " 校验方式", clause.ruleSummary(), problems);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void explanationsOfEveryGoldenCaseUseLabels() {
		SpecLibrary library = SpecLibrary.of(new SpecLoader().loadDirectory(SpecGoldenTests.SPECS));
		EligibilityEngine engine = new EligibilityEngine(library);
		List<String> problems = new ArrayList<>();
		int evaluated = 0;
		for (GoldenCase golden : GoldenCase.loadAll(SpecGoldenTests.CASES)) {
			RequirementSpec spec = library.find(golden.spec()).orElse(null);
			if (golden.facts() == null || golden.subject() == null || spec == null) {
				continue;
			}
			Outcome outcome = engine.evaluate(spec, golden.subject(), golden.staffRole(), golden.facts(),
					golden.asOf());
			evaluated++;
			for (ClauseOutcome clause : outcome.clauses()) {
				String where = golden.name() + " " + clause.ref();
				check(where + " 说明", clause.explanation(), problems);
				check(where + " 实际", clause.actual(), problems);
				check(where + " 要求", clause.required(), problems);
				for (Object evidence : clause.evidence()) {
					check(where + " 依据", String.valueOf(evidence), problems);
				}
			}
			outcome.notices().forEach((notice) -> check(golden.name() + " 提示", notice, problems));
		}
		assertThat(evaluated).isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void detectsACodeInPlaceOfItsLabel() {
		List<String> problems = new ArrayList<>();
		check("例", "有ELECTRIC_DERMATOME 1 台", problems);
		check("例", "开展DEEP", problems);
		check("例", "有CT 1 台、医学影像图像管理系统（PACS）", problems);
		assertThat(problems).hasSize(2);
		assertThat(new PerformsSubTechniqueRule(List.of("DEEP", "WHOLE_BODY")).summary())
			.isEqualTo("开展深部热疗（区域性热疗）或全身热疗");
	}

	private void check(String where, @org.jspecify.annotations.Nullable String text, List<String> problems) {
		if (text == null) {
			return;
		}
		Matcher snake = UPPER_SNAKE.matcher(text);
		while (snake.find()) {
			problems.add(where + "：出现代码 " + snake.group() + "（" + text + "）");
		}
		Matcher token = TOKEN.matcher(text);
		while (token.find()) {
			String code = token.group();
			if (code.contains("_") || code.matches("[IVX]+[ab]?")) {
				continue;
			}
			for (Map<String, String> labels : this.dictionary.groups().values()) {
				String label = labels.get(code);
				if (label != null && !label.contains(code)) {
					problems.add(where + "：出现代码 " + code + " 而非“" + label + "”（" + text + "）");
					break;
				}
			}
		}
	}

}
