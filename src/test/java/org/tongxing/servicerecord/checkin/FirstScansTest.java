package org.tongxing.servicerecord.checkin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first sight of a QR code in a browser counts for ten minutes, not longer, and a
 * later sight does not move it.
 */
class FirstScansTest {

	final FirstScans scans = new FirstScans(Duration.ofMinutes(10));

	final MockHttpServletRequest request = new MockHttpServletRequest();

	final Instant seen = Instant.parse("2026-05-01T01:00:00Z");

	@Test
	void theFirstSightCountsForTenMinutes() {
		assertThat(this.scans.scannedAt(this.request, "t1", this.seen)).isEmpty();
		this.scans.remember(this.request, "t1", this.seen);

		assertThat(this.scans.remember(this.request, "t1", this.seen.plusSeconds(90))).isEqualTo(this.seen);
		assertThat(this.scans.scannedAt(this.request, "t1", this.seen.plus(Duration.ofMinutes(10))))
			.contains(this.seen);
		assertThat(this.scans.scannedAt(this.request, "t1", this.seen.plus(Duration.ofMinutes(10)).plusSeconds(1)))
			.isEmpty();
		assertThat(this.scans.scannedAt(this.request, "t2", this.seen)).isEmpty();
	}

	@Test
	void aSessionKeepsOnlyAFewRecentTokens() {
		for (int i = 0; i < 3 * FirstScans.MAX_KEPT; i++) {
			this.scans.remember(this.request, "t" + i, this.seen.plusSeconds(i));
		}
		assertThat((java.util.Map<?, ?>) this.request.getSession().getAttribute(FirstScans.ATTRIBUTE))
			.hasSizeLessThanOrEqualTo(FirstScans.MAX_KEPT);
		String last = "t" + (3 * FirstScans.MAX_KEPT - 1);
		assertThat(this.scans.scannedAt(this.request, last, this.seen.plusSeconds(100))).isPresent();
	}

}
