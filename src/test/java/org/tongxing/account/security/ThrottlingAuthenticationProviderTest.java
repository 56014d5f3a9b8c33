package org.tongxing.account.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import org.tongxing.account.AccountProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ThrottlingAuthenticationProviderTest {

	private final AtomicInteger passwordChecks = new AtomicInteger();

	private final AuthenticationProvider wrongPassword = new AuthenticationProvider() {
		@Override
		public Authentication authenticate(Authentication authentication) {
			ThrottlingAuthenticationProviderTest.this.passwordChecks.incrementAndGet();
			throw new BadCredentialsException("wrong");
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}
	};

	@Test
	void aThrottledAttemptNeverReachesThePasswordCheck() {
		SignInThrottle throttle = new SignInThrottle(
				new AccountProperties.Throttle(3, 20, Duration.ofMinutes(15), 100));
		ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(this.wrongPassword, throttle);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> provider.authenticate(attempt()));
		}
		assertThatExceptionOfType(SignInThrottledException.class).isThrownBy(() -> provider.authenticate(attempt()))
			.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isBetween(1L, 15 * 60L));
		assertThat(this.passwordChecks).hasValue(3);
	}

	private static Authentication attempt() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.7");
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("lihua",
				"guess");
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}

}
