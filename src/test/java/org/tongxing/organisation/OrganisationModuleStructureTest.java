package org.tongxing.organisation;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import org.tongxing.TongxingApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation and demo modules keep to their declared dependencies (the whole
 * structure is verified; the project-wide ModularityTests documents it).
 */
class OrganisationModuleStructureTest {

	@Test
	void modulesKeepTheirBoundaries() {
		ApplicationModules modules = ApplicationModules.of(TongxingApplication.class);
		modules.verify();
		assertThat(modules.getModuleByName("organisation")).isPresent();
		assertThat(modules.getModuleByName("demo")).isPresent();
	}

}
