package org.tongxing.account.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused, without looking at the password, because too many attempts failed.
 */
class SignInThrottledException extends AuthenticationException {

	private final long retryAfterSeconds;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins");
		this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
