package org.tongxing.notification.domain;

import java.time.LocalTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;

/**
 * Accounts' notification preferences; an account that never saved any has
 * {@link Preference#DEFAULT}.
 */
@Repository
public class Preferences {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	Preferences(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Preference of(AccountId account) {
		return this.jdbc.sql("""
				select email_enabled, quiet_enabled, quiet_from, quiet_to
				from notification_preference where account_id = ?""")
			.param(account.value())
			.query((rs, n) -> new Preference(rs.getBoolean("email_enabled"),
					new QuietHours(rs.getBoolean("quiet_enabled"), rs.getObject("quiet_from", LocalTime.class),
							rs.getObject("quiet_to", LocalTime.class))))
			.optional()
			.orElse(Preference.DEFAULT);
	}

	@Transactional
	public void save(AccountId account, Preference preference) {
		Preference before = of(account);
		QuietHours quiet = preference.quietHours();
		this.jdbc.sql("""
				insert into notification_preference (account_id, email_enabled, quiet_enabled, quiet_from, quiet_to)
				values (:account, :email, :quiet, :from, :to)
				on conflict (account_id) do update set email_enabled = excluded.email_enabled,
				       quiet_enabled = excluded.quiet_enabled, quiet_from = excluded.quiet_from,
				       quiet_to = excluded.quiet_to, updated_at = now()""")
			.param("account", account.value())
			.param("email", preference.emailEnabled())
			.param("quiet", quiet.enabled())
			.param("from", quiet.from())
			.param("to", quiet.to())
			.update();
		this.auditLog.record("notification-preference", account.value(), "updated", state(before), state(preference));
	}

	private static java.util.Map<String, Object> state(Preference preference) {
		QuietHours quiet = preference.quietHours();
		return java.util.Map.of("email", preference.emailEnabled(), "quietHours", quiet.enabled(), "quietFrom",
				quiet.from().toString(), "quietTo", quiet.to().toString());
	}

}
