package org.tongxing.notification.domain;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ParticipantsMessaged;
import org.tongxing.activity.PlaceOffered;
import org.tongxing.activity.SessionChanged;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpDecided;
import org.tongxing.activity.SignUpEnded;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignedUp;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Tells volunteers what happened to their sign-ups and sessions. Each listener runs after
 * the activity module's transaction commits, asynchronously, and is recorded in the event
 * publication registry (an uncompleted one is retried on restart); its notifications and
 * queued mails are written in its own transaction.
 */
@Component
class ActivityNotifications {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final Volunteers volunteers;

	private final Activities activities;

	private final SessionTexts texts;

	private final Recipients recipients;

	ActivityNotifications(Notifications notifications, Volunteers volunteers, Activities activities, SessionTexts texts,
			Recipients recipients) {
		this.notifications = notifications;
		this.volunteers = volunteers;
		this.activities = activities;
		this.texts = texts;
		this.recipients = recipients;
	}

	@ApplicationModuleListener
	void on(SignedUp event) {
		NotificationKind kind;
		if (event.byOrganiser()) {
			kind = NotificationKind.ADDED;
		}
		else if (event.status() == SignUpStatus.PENDING) {
			kind = NotificationKind.PENDING;
		}
		else if (event.status() == SignUpStatus.WAITLISTED) {
			kind = NotificationKind.WAITLISTED;
		}
		else {
			kind = NotificationKind.SIGNED_UP;
		}
		String status = "activity.signup.status." + event.status().name();
		forOne(event.volunteer(), (volunteer) -> send(volunteer, kind, event.session(), event.position(),
				this.texts.message(status, SessionTexts.locale(volunteer)), activityOf(event.session())));
	}

	@ApplicationModuleListener
	void on(PlaceOffered event) {
		forOne(event.volunteer(), (volunteer) -> {
			String expires = DAY_TIME.format(event.expiresAt().atZone(this.recipients.zoneOf(volunteer))) + " ("
					+ this.recipients.zoneOf(volunteer).getId() + ")";
			send(volunteer, NotificationKind.OFFERED, event.session(), event.position(), expires,
					"/offers/" + event.token());
		});
	}

	@ApplicationModuleListener
	void on(SignUpDecided event) {
		NotificationKind kind = event.approved() ? NotificationKind.APPROVED : NotificationKind.REJECTED;
		forOne(event.volunteer(), (volunteer) -> send(volunteer, kind, event.session(), event.position(),
				nonNull(event.reason()), activityOf(event.session())));
	}

	@ApplicationModuleListener
	void on(SignUpEnded event) {
		NotificationKind kind;
		if (event.status() == SignUpStatus.EXPIRED) {
			kind = NotificationKind.EXPIRED;
		}
		else if (event.byOrganiser()) {
			kind = NotificationKind.CANCELLED;
		}
		else {
			// the volunteer ended it themselves: they know
			return;
		}
		forOne(event.volunteer(), (volunteer) -> send(volunteer, kind, event.session(), event.position(),
				nonNull(event.reason()), activityOf(event.session())));
	}

	@ApplicationModuleListener
	void on(SessionChanged event) {
		NotificationKind kind = event.cancelled() ? NotificationKind.SESSION_CANCELLED
				: NotificationKind.SESSION_CHANGED;
		for (VolunteerView volunteer : views(event.participants())) {
			send(volunteer, kind, event.session(), null, nonNull(event.reason()),
					SessionTexts.activityLink(event.activity()));
		}
	}

	@ApplicationModuleListener
	void on(ParticipantsMessaged event) {
		for (VolunteerView volunteer : views(event.recipients())) {
			Locale locale = SessionTexts.locale(volunteer);
			Object[] about = this.texts.about(volunteer, event.session(), null);
			String footer = this.texts.message("notification.message.about", locale, about);
			String body = event.body() + "\n\n" + footer;
			this.notifications.notify(volunteer, NotificationKind.MESSAGE, event.subject(), body,
					SessionTexts.activityLink(event.activity()), this.texts.message("notification.mail.link", locale));
		}
	}

	/**
	 * Title {@code <kind>.title} and body {@code <kind>.body} with {0} activity, {1}
	 * when, {2} where, {3} position, {4} the kind's own detail (status, reason, expiry).
	 */
	void send(VolunteerView volunteer, NotificationKind kind, SessionId session,
			org.tongxing.activity.PositionId position, String detail, String link) {
		Locale locale = SessionTexts.locale(volunteer);
		Object[] about = this.texts.about(volunteer, session, position);
		Object[] arguments = { about[0], about[1], about[2], about[3], detail };
		this.notifications.notify(volunteer, kind, this.texts.message(kind.key() + ".title", locale, arguments),
				this.texts.message(kind.key() + ".body", locale, arguments), link,
				this.texts.message("notification.mail.link", locale));
	}

	private String activityOf(SessionId session) {
		return this.activities.findSession(session)
			.map(SessionView::activity)
			.map(SessionTexts::activityLink)
			.orElse(null);
	}

	private void forOne(VolunteerId id, java.util.function.Consumer<VolunteerView> action) {
		VolunteerView volunteer = this.volunteers.views(Set.of(id)).get(id);
		if (volunteer != null && !volunteer.isAnonymised()) {
			action.accept(volunteer);
		}
	}

	private Collection<VolunteerView> views(List<VolunteerId> ids) {
		Map<VolunteerId, VolunteerView> found = this.volunteers.views(ids);
		return ids.stream().distinct().map(found::get).filter((v) -> v != null && !v.isAnonymised()).toList();
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	static String activityLink(ActivityId activity) {
		return SessionTexts.activityLink(activity);
	}

}
