package cn.rtms;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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

	/** Excludes the deliberately bad fixture classes. */
	static final ImportOption NO_FIXTURES = location -> !location.contains("/cn/rtms/fixture/")
			&& !location.contains("/cn/rtms/rules/engine/fixture/");

	static final DescribedPredicate<JavaMethodCall> READS_THE_WALL_CLOCK = DescribedPredicate
		.describe("读取系统时间（java.time 的无参 now()、Clock.system*、System.currentTimeMillis）", call -> {
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
			return (owner.startsWith("java.time.") && name.equals("now") && noArguments)
					|| (owner.equals("java.time.Clock") && name.startsWith("system"))
					|| (owner.equals("java.lang.System") && name.equals("currentTimeMillis"));
		});

	static final ArchRule TIME_COMES_FROM_THE_CLOCK = noClasses().that()
		.doNotHaveFullyQualifiedName("cn.rtms.platform.ClockConfiguration")
		.should()
		.callMethodWhere(READS_THE_WALL_CLOCK)
		.as("当前时间只能来自注入的 Clock（cn.rtms.platform.ClockConfiguration），测试同样如此");

	/**
	 * The production classes, imported once for the class (JUnit makes an instance per
	 * test, and an instance field would import them again for each of the six tests).
	 */
	private static final class Production {

		static final JavaClasses CLASSES = ownClasses(ONLY_PRODUCTION);

	}

	/**
	 * Imports the classes of {@code cn.rtms} without following their references into the
	 * libraries on the class path (ArchUnit's default imports every Spring, Jackson…
	 * class they touch: 17 s of the unit tests here). The rules above need only what the
	 * own classes name: packages of their dependencies, their own annotations, and the
	 * owner, name and descriptor of each method they call.
	 */
	static JavaClasses ownClasses(ImportOption option) {
		return withoutLibraries(() -> new ClassFileImporter().withImportOption(option).importPackages("cn.rtms"));
	}

	/** One deliberately bad class, imported the same way as the own classes. */
	static JavaClasses fixture(Class<?> type) {
		return withoutLibraries(() -> new ClassFileImporter().importClasses(type));
	}

	private static JavaClasses withoutLibraries(java.util.function.Supplier<JavaClasses> importer) {
		ArchConfiguration configuration = ArchConfiguration.get();
		boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
		configuration.setResolveMissingDependenciesFromClassPath(false);
		try {
			return importer.get();
		}
		finally {
			configuration.setResolveMissingDependenciesFromClassPath(resolve);
		}
	}

	@Test
	void engineHasNoSpringOrDatabaseDependency() {
		ENGINE_IS_PURE_JAVA.check(Production.CLASSES);
	}

	@Test
	void controllersLiveInWebPackages() {
		CONTROLLERS_STAY_IN_WEB_PACKAGES.check(Production.CLASSES);
	}

	@Test
	void timeComesOnlyFromTheInjectedClockInMainAndTestCode() {
		TIME_COMES_FROM_THE_CLOCK.check(ownClasses(NO_FIXTURES));
	}

	@Test
	void clockRuleDetectsAViolation() {
		JavaClasses bad = fixture(cn.rtms.fixture.WallClockReader.class);
		assertThatThrownBy(() -> TIME_COMES_FROM_THE_CLOCK.check(bad)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("WallClockReader");
	}

	@Test
	void engineRuleDetectsAViolation() {
		JavaClasses bad = fixture(cn.rtms.rules.engine.fixture.SpringInTheEngine.class);
		assertThatThrownBy(() -> ENGINE_IS_PURE_JAVA.check(bad)).isInstanceOf(AssertionError.class);
	}

	@Test
	void controllerRuleDetectsAViolation() {
		JavaClasses bad = fixture(cn.rtms.fixture.MisplacedController.class);
		assertThatThrownBy(() -> CONTROLLERS_STAY_IN_WEB_PACKAGES.check(bad)).isInstanceOf(AssertionError.class);
	}

}
