package cn.rtms;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Application.class,
			ArchitectureTests.ONLY_PRODUCTION);

	@Test
	void verifiesModuleBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleIsDocumented() {
		this.modules.forEach(module -> assertThat(getClass()
			.getResource("/" + module.getBasePackage().getName().replace('.', '/') + "/package-info.class"))
			.as("package-info for module %s", module.getIdentifier())
			.isNotNull());
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		Path folder = Path.of(System.getProperty("rtms.docs.dir", "target/spring-modulith-docs"));
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Path components = folder.resolve("components.puml");
		assertThat(components).exists();
		assertThat(Files.readString(components)).contains("\"Rules\"", "\"Filing\"", "\"Identity\"");
	}

}
