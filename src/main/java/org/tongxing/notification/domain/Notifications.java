package org.tongxing.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.volunteer.VolunteerView;

/**
 * Notifies volunteers: an in-app entry at once (it does not ring, so quiet hours do not
 * apply) and, when they have an address and want mail, a mail through the {@link Outbox},
 * held until their quiet hours end. Reads and marks an account's own entries.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Preferences preferences;

	private final Recipients recipients;

	private final String baseUrl;

	Notifications(JdbcClient jdbc, Outbox outbox, Preferences preferences, Recipients recipients,
			@Value("${tongxing.base-url}") String baseUrl) {
		this.jdbc = jdbc;
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
		if (account != null) {
			this.jdbc.sql("""
					insert into notification (account_id, kind, title, body, link) values (?, ?, ?, ?, ?)""")
				.params(account.value(), kind.name(), truncate(title, 300), body, link)
				.update();
		}
		boolean wantsMail = (account == null) || this.preferences.of(account).emailEnabled();
		if (volunteer.email() == null || volunteer.email().isBlank() || !wantsMail) {
			return;
		}
		Instant now = Instant.now();
		// a volunteer without an account has no settings: the default quiet hours hold
		Instant notBefore = (account != null)
				? this.recipients.releaseAt(account, this.recipients.zoneOf(volunteer), now)
				: Preference.DEFAULT.quietHours().releaseAt(now, this.recipients.zoneOf(volunteer));
		StringBuilder text = new StringBuilder(body);
		if (link != null && linkLine != null) {
			text.append("\n\n").append(linkLine).append('\n').append(this.baseUrl).append(link);
		}
		List<Long> ids = new ArrayList<>();
		ids.add(this.outbox.enqueue(account, volunteer.email(), truncate(title, 300), text.toString(), notBefore));
		if (!notBefore.isAfter(now)) {
			this.outbox.sendAfterCommit(ids);
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
