package cn.rtms.rules.engine.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every spec file shipped in src/main/resources/specs loads cleanly (schema and semantic
 * checks).
 */
class SpecFilesTests {

	private static final Path SPECS = Path.of("src/main/resources/specs");

	@Test
	void everySpecFileLoads() throws Exception {
		List<RequirementSpec> specs = new SpecLoader().loadDirectory(SPECS);
		long files;
		try (Stream<Path> list = Files.list(SPECS)) {
			files = list.filter((file) -> file.toString().endsWith(".yaml")).count();
		}
		assertThat(specs).hasSize((int) files);
		SpecLibrary.of(specs);
	}

	@Test
	void schemaIsOnTheClasspath() {
		assertThat(SpecLoader.class.getResource(SpecLoader.SCHEMA_RESOURCE)).isNotNull();
	}

}
