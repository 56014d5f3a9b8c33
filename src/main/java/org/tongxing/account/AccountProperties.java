package org.tongxing.account;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the account module ({@code tongxing.account.*}).
 *
 * @param resetLinkValidity how long an emailed password-reset link works
 * @param invitationValidity how long the link in an invitation to a new account works
 * @param throttle limits on failed sign-ins
 * @param initialCoordinator the first coordinator, created at start when absent
 * @param timeZone the zone in which dates are shown and entered (audit log)
 */
@ConfigurationProperties("tongxing.account")
public record AccountProperties(@DefaultValue("30m") Duration resetLinkValidity,
		@DefaultValue("7d") Duration invitationValidity, @DefaultValue Throttle throttle,
		@DefaultValue InitialCoordinator initialCoordinator, @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

	/**
	 * Failed sign-ins allowed per account and per remote address in each window.
	 *
	 * @param perAccount failed attempts per account (username) in one window
	 * @param perAddress failed attempts per remote address in one window
	 * @param window the window in which the attempts are counted
	 * @param maxTracked how many accounts and addresses are tracked at most (memory
	 * bound)
	 */
	public record Throttle(@DefaultValue("5") int perAccount, @DefaultValue("20") int perAddress,
			@DefaultValue("15m") Duration window, @DefaultValue("100000") long maxTracked) {
	}

	/**
	 * The first coordinator. When {@code username} is empty and no enabled coordinator
	 * exists, an {@code admin} account with a one-time password is created instead.
	 */
	public record InitialCoordinator(@DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("") String email) {

		public boolean configured() {
			return !this.username.isBlank();
		}

	}

}
