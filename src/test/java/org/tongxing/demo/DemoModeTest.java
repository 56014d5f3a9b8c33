package org.tongxing.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoModeTest {

	@Test
	void emptySettingFollowsTheEmbeddedDatabase() {
		assertThat(DemoMode.decide("", "")).isTrue();
		assertThat(DemoMode.decide(null, null)).isTrue();
		assertThat(DemoMode.decide("", "jdbc:postgresql://db/tongxing")).isFalse();
	}

	@Test
	void explicitSettingWins() {
		assertThat(DemoMode.decide("true", "jdbc:postgresql://db/tongxing")).isTrue();
		assertThat(DemoMode.decide("false", "")).isFalse();
	}

}
