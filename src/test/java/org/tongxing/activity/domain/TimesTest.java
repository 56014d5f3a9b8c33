package org.tongxing.activity.domain;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

	private static final Instant NOON_UTC = Instant.parse("2026-06-01T12:00:00Z");

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

	@Test
	void aTimeInTheAssociationsZoneNeedsNoSuffix() {
		Times times = new Times(BEIJING);
		assertThat(times.format(NOON_UTC, BEIJING)).isEqualTo("2026-06-01 20:00");
		assertThat(times.format(NOON_UTC, PARIS)).isEqualTo("2026-06-01 14:00 (Europe/Paris)");
	}

	@Test
	void theSuffixFollowsTheConfiguredZoneNotBeijing() {
		Times times = new Times(HONG_KONG);
		assertThat(times.format(NOON_UTC, HONG_KONG)).isEqualTo("2026-06-01 20:00");
		// same clock as Hong Kong, but another zone: named, so it is never misread
		assertThat(times.format(NOON_UTC, BEIJING)).isEqualTo("2026-06-01 20:00 (Asia/Shanghai)");
		assertThat(times.association()).isEqualTo(HONG_KONG);
	}

	@Test
	void aDateIsTheDayInTheGivenZone() {
		Instant lateInUtc = Instant.parse("2026-06-01T20:00:00Z");
		Times times = new Times(BEIJING);
		assertThat(times.formatDate(lateInUtc, BEIJING)).isEqualTo("2026-06-02");
		assertThat(times.formatDate(lateInUtc, PARIS)).isEqualTo("2026-06-01");
	}

}
