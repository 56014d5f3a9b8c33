package org.tongxing.account.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the throttle before the password: a throttled attempt never reaches the password
 * check, so it tells an attacker nothing.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	ThrottlingAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Optional<Duration> wait = this.throttle.retryAfter(username, address);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		try {
			Authentication result = this.delegate.authenticate(authentication);
			if (result != null) {
				this.throttle.succeeded(username);
			}
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

}
