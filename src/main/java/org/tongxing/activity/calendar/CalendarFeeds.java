package org.tongxing.activity.calendar;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.domain.Descriptions;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Personal calendar feeds and single-session calendars. Each account has at most one feed
 * token, made on first use and replaced on regeneration (the old URL then finds nothing).
 * A feed lists the account's volunteer's live sign-ups (confirmed, pending, offered and
 * waitlisted; the last three tentative and marked in the summary) of sessions that
 * started at most {@code tongxing.calendar.past-days} days ago; a cancelled session or
 * activity stays in the feed with STATUS:CANCELLED so calendars strike it out. Tokens are
 * never logged nor put into audit entries or exception messages.
 */
@Service
class CalendarFeeds {

	/** 32 random bytes, base64url without padding. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int DESCRIPTION_LENGTH = 500;

	/** A feed lists at most this many entries (the latest are kept). */
	private static final int MAX_ENTRIES = 1000;

	private static final String ENTRY_SELECT = """
			select g.id as signup_id, g.status as signup_status, g.updated_at as signup_updated, p.name as position_name,
			       s.id as session_id, s.title as session_title, s.starts_at, s.ends_at, s.time_zone,
			       s.status as session_status, s.status_reason as session_reason, s.updated_at as session_updated,
			       case when s.address is null and s.online_url is null then a.online else s.online end as online,
			       case when s.address is null and s.online_url is null then a.address else s.address end as address,
			       case when s.address is null and s.online_url is null then a.online_url else s.online_url end
			           as online_url,
			       a.id as activity_id, a.title as activity_title, a.description_html, a.status as activity_status,
			       a.status_reason as activity_reason, a.updated_at as activity_updated
			from signup g join session_position p on p.id = g.position_id
			join activity_session s on s.id = g.session_id join activity a on a.id = s.activity_id
			""";

	private final JdbcClient jdbc;

	private final Volunteers volunteers;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final String baseUrl;

	private final Duration past;

	private final SecureRandom random = new SecureRandom();

	CalendarFeeds(JdbcClient jdbc, Volunteers volunteers, AuditLog auditLog, MessageSource messages,
			@Value("${tongxing.base-url}") String baseUrl, @Value("${tongxing.calendar.past-days:30}") int pastDays) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.auditLog = auditLog;
		this.messages = messages;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.past = Duration.ofDays(pastDays);
	}

	/** The account's feed token, made now if it has none. */
	@Transactional
	String tokenOf(AccountId account) {
		int inserted = this.jdbc
			.sql("insert into calendar_feed (account_id, token) values (?, ?) on conflict (account_id) do nothing")
			.params(account.value(), newToken())
			.update();
		if (inserted == 1) {
			this.auditLog.record("calendar-feed", account.value(), "created", null, Map.of());
		}
		return this.jdbc.sql("select token from calendar_feed where account_id = ?")
			.param(account.value())
			.query(String.class)
			.single();
	}

	/** Replaces the account's token: the old URL stops working at once. */
	@Transactional
	String regenerate(AccountId account) {
		String token = newToken();
		this.jdbc.sql("""
				insert into calendar_feed (account_id, token) values (?, ?)
				on conflict (account_id) do update set token = excluded.token, created_at = now()""")
			.params(account.value(), token)
			.update();
		this.auditLog.record("calendar-feed", account.value(), "regenerated", null, Map.of());
		return token;
	}

	/** How many days back a feed reaches. */
	long pastDays() {
		return this.past.toDays();
	}

	/** The feed's URL for a token. */
	String url(String token) {
		return this.baseUrl + "/calendar/" + token + ".ics";
	}

	/** The account whose feed the token opens, if any. */
	@Transactional(readOnly = true)
	Optional<AccountId> accountOf(String token) {
		// a malformed token cannot exist: answer without asking the database
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select account_id from calendar_feed where token = ?")
			.param(token)
			.query((rs, n) -> new AccountId(rs.getLong(1)))
			.optional();
	}

	/** The feed of the token as an iCalendar document, or empty for an unknown token. */
	@Transactional(readOnly = true)
	Optional<String> feed(String token, Instant now) {
		return accountOf(token).map((account) -> {
			Optional<VolunteerView> volunteer = this.volunteers.findByAccount(account);
			Locale locale = volunteer.map(VolunteerView::locale)
				.filter((tag) -> tag != null && !tag.isBlank())
				.map(Locale::forLanguageTag)
				.orElse(Locale.SIMPLIFIED_CHINESE);
			List<CalendarEntry> entries = volunteer.map((v) -> entries(v, now, locale)).orElse(List.of());
			return IcsWriter.write(this.messages.getMessage("calendar.feed.name", null, locale), entries);
		});
	}

	private List<CalendarEntry> entries(VolunteerView volunteer, Instant now, Locale locale) {
		List<CalendarEntry> latest = new ArrayList<>(this.jdbc.sql(ENTRY_SELECT + """
				where g.volunteer_id = :volunteer and g.status in ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')
				  and s.starts_at >= :since
				order by s.starts_at desc, g.id desc limit :max""")
			.param("volunteer", volunteer.id().value())
			.param("since", OffsetDateTime.ofInstant(now.minus(this.past), ZoneId.of("UTC")))
			.param("max", MAX_ENTRIES)
			.query((rs, n) -> signUpEntry(rs, locale))
			.list());
		Collections.reverse(latest);
		return latest;
	}

	private CalendarEntry signUpEntry(ResultSet rs, Locale locale) throws SQLException {
		String status = rs.getString("signup_status");
		String title = title(rs.getString("activity_title"), rs.getString("session_title")) + " · "
				+ rs.getString("position_name");
		String summary = switch (status) {
			case "WAITLISTED" ->
				this.messages.getMessage("calendar.summary.waitlisted", new Object[] { title }, locale);
			case "PENDING" -> this.messages.getMessage("calendar.summary.pending", new Object[] { title }, locale);
			case "OFFERED" -> this.messages.getMessage("calendar.summary.offered", new Object[] { title }, locale);
			default -> title;
		};
		boolean activityCancelled = ActivityStatus.CANCELLED.name().equals(rs.getString("activity_status"));
		boolean cancelled = activityCancelled || "CANCELLED".equals(rs.getString("session_status"));
		String reason = activityCancelled ? rs.getString("activity_reason") : rs.getString("session_reason");
		long activity = rs.getLong("activity_id");
		return new CalendarEntry("signup-" + rs.getLong("signup_id") + "@tongxing", instant(rs, "starts_at"),
				instant(rs, "ends_at"), ZoneId.of(rs.getString("time_zone")), summary,
				rs.getBoolean("online") ? rs.getString("online_url") : rs.getString("address"),
				description(rs.getString("description_html"), activity, cancelled, reason, locale),
				activityUrl(activity), cancelled, !"CONFIRMED".equals(status),
				IcsWriter.latest(instant(rs, "signup_updated"), instant(rs, "session_updated"),
						instant(rs, "activity_updated")));
	}

	/** One session as a calendar of one event (the caller checked the viewer sees it). */
	@Transactional(readOnly = true)
	String session(ActivityView activity, SessionView session, Locale locale) {
		boolean activityCancelled = activity.status() == ActivityStatus.CANCELLED;
		boolean cancelled = activityCancelled || session.cancelled();
		String reason = activityCancelled ? activity.statusReason() : session.statusReason();
		Instant stamp = this.jdbc.sql("select updated_at from activity_session where id = ?")
			.param(session.id().value())
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(activity.createdAt());
		CalendarEntry entry = new CalendarEntry("session-" + session.id().value() + "@tongxing", session.startsAt(),
				session.endsAt(), session.zone(), title(activity.title(), session.title()),
				session.online() ? session.onlineUrl() : session.address(),
				description(activity.descriptionHtml(), activity.id().value(), cancelled, reason, locale),
				activityUrl(activity.id().value()), cancelled, false, IcsWriter.latest(stamp, activity.publishedAt()));
		return IcsWriter.write(null, List.of(entry));
	}

	static String title(String activity, String session) {
		return (session != null && !session.isBlank()) ? activity + "（" + session + "）" : activity;
	}

	private String description(String html, long activity, boolean cancelled, String reason, Locale locale) {
		StringBuilder text = new StringBuilder();
		if (cancelled) {
			text.append(this.messages.getMessage("calendar.description.cancelled",
					new Object[] { (reason != null) ? reason : "" }, locale))
				.append("\n\n");
		}
		String plain = Descriptions.text(html).strip();
		if (plain.length() > DESCRIPTION_LENGTH) {
			plain = plain.substring(0, DESCRIPTION_LENGTH - 1).strip() + "…";
		}
		if (!plain.isEmpty()) {
			text.append(plain).append("\n\n");
		}
		return text.append(activityUrl(activity)).toString();
	}

	private URI activityUrl(long activity) {
		return URI.create(this.baseUrl + "/activities/" + activity);
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
