package org.tongxing.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Notifies volunteers and accounts (a unit admin need not be a volunteer): an in-app
 * entry at once (it does not ring, so quiet hours do not apply) and, when they have an
 * address and want mail, a mail through the {@link Outbox}, held until their quiet hours
 * end. The one place that writes notifications. Reads and marks an account's own entries.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Preferences preferences;

	private final Recipients recipients;

	private final Accounts accounts;

	private final Volunteers volunteers;

	private final String baseUrl;

	Notifications(JdbcClient jdbc, Outbox outbox, Preferences preferences, Recipients recipients, Accounts accounts,
			Volunteers volunteers, @Value("${tongxing.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.volunteers = volunteers;
		this.outbox = outbox;
		this.preferences = preferences;
		this.recipients = recipients;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Writes the notification in the caller's transaction and sends its mail after the
	 * commit (unless held).
	 * @param link a path in the app (the mail gets it as an absolute link), or null
	 */
	@Transactional
	public void notify(VolunteerView volunteer, NotificationKind kind, String title, String body, String link,
			String linkLine) {
		AccountId account = volunteer.accountId();
		// a volunteer without an account has no settings: the default ones hold
		Preference preference = (account != null) ? this.preferences.of(account) : Preference.DEFAULT;
		deliver(account, volunteer.email(), this.recipients.zoneOf(volunteer), preference, kind,
				new Message(title, body, linkLine), link);
	}

	/**
	 * Notifies an account, a volunteer's or not (a unit admin, a coordinator): the same
	 * in-app entry and mail as for a volunteer, to the account's address, in its language
	 * (the volunteer's own when the account is a volunteer's, else the association's,
	 * Chinese), its quiet hours read in its zone. A disabled or unknown account gets
	 * nothing.
	 * @param compose the texts in a language (called once, with the account's)
	 * @param link a path in the app (the mail gets it as an absolute link), or null
	 * @return whether the account was notified
	 */
	@Transactional
	public boolean notify(AccountId account, NotificationKind kind, Function<Locale, Message> compose, String link) {
		Optional<AccountView> found = this.accounts.find(account).filter(AccountView::enabled);
		if (found.isEmpty()) {
			return false;
		}
		VolunteerView asVolunteer = this.volunteers.findByAccount(account).orElse(null);
		Locale locale = (asVolunteer != null) ? SessionTexts.locale(asVolunteer) : Locale.SIMPLIFIED_CHINESE;
		deliver(account, found.get().email(), this.recipients.zoneOf(asVolunteer), this.preferences.of(account), kind,
				compose.apply(locale), link);
		return true;
	}

	/**
	 * A notification's texts in one language; {@code linkLine} introduces the link in the
	 * mail (may be null).
	 */
	public record Message(String title, String body, String linkLine) {
	}

	/**
	 * An in-app entry at once when there is an account (it does not ring, so quiet hours
	 * do not apply) and, when there is an address and mail is wanted, a mail held until
	 * the quiet hours end.
	 */
	private void deliver(AccountId account, String email, ZoneId zone, Preference preference, NotificationKind kind,
			Message message, String link) {
		String title = truncate(message.title(), 300);
		if (account != null) {
			this.jdbc.sql("""
					insert into notification (account_id, kind, title, body, link) values (?, ?, ?, ?, ?)""")
				.params(account.value(), kind.name(), title, message.body(), link)
				.update();
		}
		if (email == null || email.isBlank() || !preference.emailEnabled()) {
			return;
		}
		Instant now = Instant.now();
		Instant notBefore = preference.quietHours().releaseAt(now, zone);
		StringBuilder text = new StringBuilder(message.body());
		if (link != null && message.linkLine() != null) {
			text.append("\n\n").append(message.linkLine()).append('\n').append(this.baseUrl).append(link);
		}
		long id = this.outbox.enqueue(account, email, title, text.toString(), notBefore);
		if (!notBefore.isAfter(now)) {
			this.outbox.sendAfterCommit(List.of(id));
		}
	}

	/** A page of the account's notifications, newest first. */
	@Transactional(readOnly = true)
	public List<NotificationView> page(AccountId account, int page, int size) {
		return this.jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at from notification
				where account_id = ? order by created_at desc, id desc limit ? offset ?""")
			.params(account.value(), size, (long) page * size)
			.query(Notifications::view)
			.list();
	}

	@Transactional(readOnly = true)
	public long count(AccountId account) {
		return this.jdbc.sql("select count(*) from notification where account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public long unread(AccountId account) {
		return this.jdbc.sql("select count(*) from notification where account_id = ? and read_at is null")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one of the account's notifications read.
	 * @return its link (may be null), or empty when the account has no such notification
	 */
	@Transactional
	public java.util.Optional<NotificationView> markRead(AccountId account, long id) {
		this.jdbc.sql("update notification set read_at = now() where id = ? and account_id = ? and read_at is null")
			.params(id, account.value())
			.update();
		return this.jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at from notification
				where id = ? and account_id = ?""").params(id, account.value()).query(Notifications::view).optional();
	}

	@Transactional
	public int markAllRead(AccountId account) {
		return this.jdbc.sql("update notification set read_at = now() where account_id = ? and read_at is null")
			.param(account.value())
			.update();
	}

	private static NotificationView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
