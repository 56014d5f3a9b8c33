package org.tongxing.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours read in the person's own zone: windows spanning midnight, zones abroad, and
 * days when the clocks change.
 */
class QuietHoursTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final QuietHours NIGHT = QuietHours.DEFAULT;

	@Test
	void aWindowSpanningMidnightHoldsTheEveningUntilTheNextMorning() {
		Instant evening = at(BEIJING, 2026, 3, 10, 23, 30);
		assertThat(NIGHT.releaseAt(evening, BEIJING)).isEqualTo(at(BEIJING, 2026, 3, 11, 8, 0));
	}

	@Test
	void aWindowSpanningMidnightHoldsTheSmallHoursUntilThatMorning() {
		Instant night = at(BEIJING, 2026, 3, 11, 2, 15);
		assertThat(NIGHT.releaseAt(night, BEIJING)).isEqualTo(at(BEIJING, 2026, 3, 11, 8, 0));
	}

	@Test
	void outsideTheWindowAMailGoesAtOnceAndTheEndIsExclusive() {
		Instant noon = at(BEIJING, 2026, 3, 11, 12, 0);
		Instant eight = at(BEIJING, 2026, 3, 11, 8, 0);
		Instant justBefore = at(BEIJING, 2026, 3, 11, 21, 59);
		assertThat(NIGHT.releaseAt(noon, BEIJING)).isEqualTo(noon);
		assertThat(NIGHT.releaseAt(eight, BEIJING)).isEqualTo(eight);
		assertThat(NIGHT.releaseAt(justBefore, BEIJING)).isEqualTo(justBefore);
		assertThat(NIGHT.releaseAt(at(BEIJING, 2026, 3, 11, 22, 0), BEIJING)).isEqualTo(at(BEIJING, 2026, 3, 12, 8, 0));
	}

	@Test
	void aWindowWithinOneDayEndsTheSameDay() {
		QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(14, 0));
		assertThat(lunch.releaseAt(at(BEIJING, 2026, 3, 11, 13, 0), BEIJING))
			.isEqualTo(at(BEIJING, 2026, 3, 11, 14, 0));
		assertThat(lunch.releaseAt(at(BEIJING, 2026, 3, 11, 23, 0), BEIJING))
			.isEqualTo(at(BEIJING, 2026, 3, 11, 23, 0));
	}

	@Test
	void theWindowIsReadInTheVolunteersZoneAbroad() {
		// 15:00 in Beijing is 08:00 in Paris (winter): quiet in Paris, not in Beijing
		Instant instant = at(BEIJING, 2026, 1, 15, 14, 0);
		assertThat(NIGHT.releaseAt(instant, BEIJING)).isEqualTo(instant);
		assertThat(NIGHT.releaseAt(instant, PARIS)).isEqualTo(at(PARIS, 2026, 1, 15, 8, 0));
	}

	@Test
	void onTheNightTheClocksGoForwardTheWindowEndsAtEightLocalTime() {
		// Paris moves from +01:00 to +02:00 at 02:00 on 29 March 2026: the night is an
		// hour
		// shorter, and the release is 08:00 summer time
		Instant night = at(PARIS, 2026, 3, 28, 23, 0);
		Instant release = NIGHT.releaseAt(night, PARIS);
		assertThat(release).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
		assertThat(java.time.Duration.between(night, release)).hasHours(8);
	}

	@Test
	void onTheNightTheClocksGoBackTheWindowEndsAtEightLocalTime() {
		Instant night = at(PARIS, 2026, 10, 24, 23, 0);
		assertThat(NIGHT.releaseAt(night, PARIS)).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
	}

	@Test
	void aQuietHourInsideTheGapIsSkippedToTheEnd() {
		// ends at 02:30, which does not exist on 29 March 2026 in Paris: released at
		// 03:30
		QuietHours small = new QuietHours(true, LocalTime.of(1, 0), LocalTime.of(2, 30));
		Instant inside = Instant.parse("2026-03-29T00:30:00Z");
		assertThat(small.releaseAt(inside, PARIS)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
	}

	@Test
	void quietHoursOffOrEmptyHoldNothing() {
		Instant night = at(BEIJING, 2026, 3, 11, 2, 0);
		assertThat(new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(8, 0)).releaseAt(night, BEIJING))
			.isEqualTo(night);
		assertThat(new QuietHours(true, LocalTime.of(8, 0), LocalTime.of(8, 0)).releaseAt(night, BEIJING))
			.isEqualTo(night);
	}

	private static Instant at(ZoneId zone, int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
	}

}
