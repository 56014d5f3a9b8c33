package org.tongxing.account.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import org.tongxing.account.AccountProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

	private final ManualClock clock = new ManualClock();

	private final SignInThrottle throttle = new SignInThrottle(
			new AccountProperties.Throttle(5, 20, Duration.ofMinutes(15), 1000), this.clock);

	@Test
	void allowsFiveFailuresPerAccountThenAsksToWait() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.retryAfter("lihua", "10.0.0.1")).isEmpty();
			this.throttle.failed("lihua", "10.0.0.1");
		}
		assertThat(this.throttle.retryAfter("lihua", "10.0.0.1"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
		// The account is throttled from anywhere, but other accounts are not.
		assertThat(this.throttle.retryAfter("LiHua ", "10.0.0.2")).isPresent();
		assertThat(this.throttle.retryAfter("wangfang", "10.0.0.1")).isEmpty();
	}

	@Test
	void theWaitEndsAsTheBucketRefills() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("lihua", "10.0.0.1");
		}
		Duration wait = this.throttle.retryAfter("lihua", "10.0.0.1").orElseThrow();
		this.clock.advance(wait.minusSeconds(1));
		assertThat(this.throttle.retryAfter("lihua", "10.0.0.1")).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.retryAfter("lihua", "10.0.0.1")).isEmpty();
	}

	@Test
	void allowsTwentyFailuresPerAddressAcrossAccounts() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.throttle.retryAfter("user" + i, "10.0.0.9")).isEmpty();
			this.throttle.failed("user" + i, "10.0.0.9");
		}
		assertThat(this.throttle.retryAfter("someone-else", "10.0.0.9")).isPresent();
		assertThat(this.throttle.retryAfter("someone-else", "10.0.0.10")).isEmpty();
	}

	@Test
	void successForgetsTheAccountsFailuresButNotTheAddresses() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("lihua", "10.0.0.1");
		}
		this.throttle.succeeded("lihua");
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("lihua", "10.0.0.2");
		}
		assertThat(this.throttle.retryAfter("lihua", "10.0.0.3")).isEmpty();
	}

	static final class ManualClock implements TimeMeter {

		private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
