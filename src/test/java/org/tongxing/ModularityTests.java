package org.tongxing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure (package-by-module, internals in sub-packages, no cycles) holds,
 * and the module documentation is written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final String DOCS = "target/spring-modulith-docs";

	static final ApplicationModules modules = ApplicationModules.of(TongxingApplication.class);

	@Test
	void modulesAreWellFormed() {
		modules.verify();
	}

	@Test
	void knowsTheFoundationModules() {
		assertThat(modules.getModuleByName("shared")).isPresent();
		assertThat(modules.getModuleByName("account")).isPresent();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS)).writeDocumentation();
		assertThat(Path.of(DOCS, "components.puml")).exists();
		assertThat(Path.of(DOCS, "module-account.adoc")).satisfies((path) -> assertThat(Files.exists(path)).isTrue());
	}

}
