package org.tongxing.notification.domain;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.volunteer.VolunteerView;

/**
 * The words of a notification in the volunteer's language: what (activity, position),
 * when (in the session's zone, and also in the volunteer's own when they live in
 * another), and where.
 */
@Component
public class SessionTexts {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final MessageSource messages;

	private final Activities activities;

	private final Recipients recipients;

	SessionTexts(MessageSource messages, Activities activities, Recipients recipients) {
		this.messages = messages;
		this.activities = activities;
		this.recipients = recipients;
	}

	/** The volunteer's language: their locale, Chinese when unset. */
	public static Locale locale(VolunteerView volunteer) {
		return (volunteer.locale() != null && !volunteer.locale().isBlank()) ? Locale.forLanguageTag(volunteer.locale())
				: Locale.SIMPLIFIED_CHINESE;
	}

	public String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/**
	 * The arguments every text takes: {0} activity title, {1} when, {2} where, {3}
	 * position ("" when none).
	 */
	public Object[] about(VolunteerView volunteer, SessionId sessionId, PositionId positionId) {
		Locale locale = locale(volunteer);
		SessionView session = this.activities.findSession(sessionId).orElse(null);
		if (session == null) {
			return new Object[] { "", "", "", "" };
		}
		String title = this.activities.find(session.activity()).map(ActivityView::title).orElse("");
		String position = (positionId != null)
				? this.activities.findPosition(positionId).map(PositionView::name).orElse("") : "";
		return new Object[] { title, when(session, this.recipients.zoneOf(volunteer), locale), where(session, locale),
				position };
	}

	/** The session's time in its zone, and in the volunteer's when that differs. */
	public String when(SessionView session, ZoneId volunteerZone, Locale locale) {
		String local = span(session.localStart(), session.localEnd());
		if (session.zone().getRules().equals(volunteerZone.getRules()) || session.zone().equals(volunteerZone)) {
			return local;
		}
		String theirs = span(session.startsAt().atZone(volunteerZone), session.endsAt().atZone(volunteerZone));
		return message("notification.time.both", locale, local, theirs);
	}

	private static String span(ZonedDateTime start, ZonedDateTime end) {
		String until = start.toLocalDate().equals(end.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end);
		return DAY_TIME.format(start) + "–" + until + " (" + start.getZone().getId() + ")";
	}

	public String where(SessionView session, Locale locale) {
		if (session.online()) {
			return message("notification.place.online", locale,
					(session.onlineUrl() != null) ? session.onlineUrl() : "");
		}
		return (session.address() != null) ? session.address() : "";
	}

	public static String activityLink(ActivityId activity) {
		return "/activities/" + activity.value();
	}

}
