package cn.rtms.rules.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import cn.rtms.rules.engine.spec.SpecLibrary;
import cn.rtms.rules.engine.spec.SpecLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every golden case: the real specs (src/main/resources/specs) against
 * src/test/resources/rules/**, and the engine's own fixture spec against
 * src/test/resources/rules-engine/cases/**.
 */
class SpecGoldenTests {

	static final Path SPECS = Path.of("src/main/resources/specs");

	static final Path CASES = Path.of("src/test/resources/rules");

	static final Path FIXTURE_SPECS = Path.of("src/test/resources/rules-engine/specs");

	static final Path FIXTURE_CASES = Path.of("src/test/resources/rules-engine/cases");

	@TestFactory
	Stream<DynamicTest> goldenCasesOfTheSpecs() {
		return run(SpecLibrary.of(new SpecLoader().loadDirectory(SPECS)), GoldenCase.loadAll(CASES));
	}

	@TestFactory
	Stream<DynamicTest> goldenCasesOfTheEngineFixture() {
		return run(SpecLibrary.of(new SpecLoader().loadDirectory(FIXTURE_SPECS)), GoldenCase.loadAll(FIXTURE_CASES));
	}

	private Stream<DynamicTest> run(SpecLibrary library, List<GoldenCase> cases) {
		if (cases.isEmpty()) {
			return Stream.of(DynamicTest.dynamicTest("暂无 golden case", () -> {
			}));
		}
		EligibilityEngine engine = new EligibilityEngine(library);
		return cases.stream().map((golden) -> DynamicTest.dynamicTest(golden.name(), () -> {
			List<String> failures = golden.check(library, engine);
			if (!failures.isEmpty()) {
				fail("golden case " + golden.file() + (golden.index() > 0 ? " cases[" + golden.index() + "]" : "") + "（"
						+ golden.description() + "）不符合预期：\n  " + String.join("\n  ", failures));
			}
		}));
	}

}
