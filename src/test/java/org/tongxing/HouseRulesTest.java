package org.tongxing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * House rules of STYLE.md that Spring Modulith does not check, on the main code.
 *
 * <p>
 * Printing to the console: main code logs with SLF4J and never uses
 * {@code java.util.logging} or {@code System.out}/{@code System.err}. The one exception
 * is the start-up banner (URL, demo sign-ins, one-time password), which must reach the
 * console whatever the log configuration: a class may print when its simple name ends
 * with {@value #BANNER_SUFFIX} (nested and anonymous classes inside such a class too).
 */
class HouseRulesTest {

	static final String BASE = "org.tongxing";

	static final String BANNER_SUFFIX = "StartupBanner";

	/** Open modules, used by every module, including their {@code web} package. */
	static final String OPEN_MODULE = "shared";

	static final JavaClasses main = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void noFieldInjection() {
		GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(main);
	}

	@Test
	void controllersAreNotPublic() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.because("controllers are internal to their module (STYLE.md)")
			.check(main);
	}

	@Test
	void webPackagesAreUsedOnlyInsideTheirModule() {
		webPackagesAreInternal(BASE).check(main);
	}

	@Test
	void entitiesLiveInADomainPackage() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should()
			.resideInAPackage(BASE + ".*.domain..")
			.because("aggregates are internal to their module's domain package")
			.check(main);
	}

	@Test
	void onlyStartupBannersPrintToTheConsole() {
		noConsoleOutput().check(main);
	}

	// The rules must be able to fail: they are tried on deliberately broken classes.

	@Test
	void webRuleReportsAWebClassUsedByAnotherModule() {
		String fixtures = BASE + ".support.archfixtures";
		EvaluationResult result = webPackagesAreInternal(fixtures).evaluate(fixtures());
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("BetaService").contains("AlphaPage");
	}

	@Test
	void consoleRuleReportsPrintingButAllowsBanners() {
		String report = noConsoleOutput().evaluate(fixtures()).getFailureReport().toString();
		assertThat(report).contains("BetaService").doesNotContain("BetaStartupBanner");
	}

	static JavaClasses fixtures() {
		return new ClassFileImporter().importPackages(BASE + ".support.archfixtures");
	}

	static ArchRule webPackagesAreInternal(String base) {
		return classes().that()
			.resideInAPackage(base + ".*.web..")
			.and()
			.resideOutsideOfPackage(base + "." + OPEN_MODULE + "..")
			.should(beUsedOnlyInsideTheirModule(base))
			.because("a module's web package is internal; other modules use its root API");
	}

	static ArchRule noConsoleOutput() {
		return noClasses().that(DescribedPredicate.not(startupBanner()))
			.should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
			.orShould(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
			.because("main code logs with SLF4J; only classes named *" + BANNER_SUFFIX + " print the banner");
	}

	static DescribedPredicate<JavaClass> startupBanner() {
		return DescribedPredicate.describe("named *" + BANNER_SUFFIX, (javaClass) -> {
			JavaClass outermost = javaClass;
			while (outermost.getEnclosingClass().isPresent()) {
				outermost = outermost.getEnclosingClass().get();
			}
			return outermost.getSimpleName().endsWith(BANNER_SUFFIX);
		});
	}

	static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule(String base) {
		return new ArchCondition<>("be used only by classes of their own module") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String module = moduleOf(base, item);
				for (Dependency dependency : item.getDirectDependenciesToSelf()) {
					if (!module.equals(moduleOf(base, dependency.getOriginClass()))) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	/** The first package segment below {@code base}; empty for the base package. */
	static String moduleOf(String base, JavaClass javaClass) {
		String packageName = javaClass.getPackageName();
		if (!packageName.startsWith(base + ".")) {
			return "";
		}
		String rest = packageName.substring(base.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
