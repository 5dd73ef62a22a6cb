package cn.rtms;

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
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
