package cn.rtms;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchitectureTests {

	/** Excludes test classes whatever the build directory is called. */
	static final ImportOption ONLY_PRODUCTION = location -> !location.contains("/test-classes/");

	static final ArchRule ENGINE_IS_PURE_JAVA = noClasses().that()
		.resideInAPackage("..rules.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
		.as("规则引擎（rules.engine）必须是纯 Java：不得依赖 Spring 或数据库");

	static final ArchRule CONTROLLERS_STAY_IN_WEB_PACKAGES = noClasses().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.resideOutsideOfPackages("..web..")
		.as("控制器只能放在模块的 web 子包中");

	private final JavaClasses production = new ClassFileImporter().withImportOption(ONLY_PRODUCTION)
		.importPackages("cn.rtms");

	@Test
	void engineHasNoSpringOrDatabaseDependency() {
		ENGINE_IS_PURE_JAVA.check(this.production);
	}

	@Test
	void controllersLiveInWebPackages() {
		CONTROLLERS_STAY_IN_WEB_PACKAGES.check(this.production);
	}

	@Test
	void engineRuleDetectsAViolation() {
		JavaClasses bad = new ClassFileImporter().importClasses(cn.rtms.rules.engine.fixture.SpringInTheEngine.class);
		assertThatThrownBy(() -> ENGINE_IS_PURE_JAVA.check(bad)).isInstanceOf(AssertionError.class);
	}

	@Test
	void controllerRuleDetectsAViolation() {
		JavaClasses bad = new ClassFileImporter().importClasses(cn.rtms.fixture.MisplacedController.class);
		assertThatThrownBy(() -> CONTROLLERS_STAY_IN_WEB_PACKAGES.check(bad)).isInstanceOf(AssertionError.class);
	}

}
