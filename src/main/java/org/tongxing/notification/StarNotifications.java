package org.tongxing.notification;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.tongxing.notification.domain.NotificationKind;
import org.tongxing.notification.domain.Notifications;
import org.tongxing.notification.domain.SessionTexts;
import org.tongxing.servicerecord.StarLevelReached;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Congratulates a volunteer on a new star level: an in-app notification and, when they
 * want mail, an email, in their language. Runs after the confirming transaction commits,
 * asynchronously, recorded in the event publication registry like every listener of this
 * module. The texts are {@code servicerecord.reports.star-notification.*}.
 */
@Component
class StarNotifications {

	static final String LINK = "/me/hours";

	private final Notifications notifications;

	private final Volunteers volunteers;

	private final MessageSource messages;

	StarNotifications(Notifications notifications, Volunteers volunteers, MessageSource messages) {
		this.notifications = notifications;
		this.volunteers = volunteers;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(StarLevelReached event) {
		VolunteerView volunteer = this.volunteers.views(Set.of(event.volunteer())).get(event.volunteer());
		if (volunteer == null || volunteer.isAnonymised()) {
			return;
		}
		Locale locale = SessionTexts.locale(volunteer);
		Object[] arguments = { event.level(), "★".repeat(Math.max(0, event.level())), hours(event.hours()),
				volunteer.name() };
		this.notifications.notify(volunteer, NotificationKind.STAR_LEVEL,
				this.messages.getMessage("servicerecord.reports.star-notification.title", arguments, locale),
				this.messages.getMessage("servicerecord.reports.star-notification.body", arguments, locale), LINK,
				this.messages.getMessage("notification.mail.link", null, locale));
	}

	private static String hours(BigDecimal hours) {
		return (hours == null) ? "0" : hours.stripTrailingZeros().toPlainString();
	}

}
