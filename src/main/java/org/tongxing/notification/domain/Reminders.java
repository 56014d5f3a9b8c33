package org.tongxing.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Reminds confirmed volunteers of a session a configurable time before it starts
 * ({@code tongxing.notification.reminder-before}, default 24 hours), once per sign-up:
 * the row in {@code notification_reminder} is inserted in the same transaction as the
 * notification, and a second run (or node) finds it there. The mail goes through the
 * outbox, so quiet hours hold it too.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final SignUps signUps;

	private final Volunteers volunteers;

	private final ActivityNotifications notifications;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Duration before;

	Reminders(SignUps signUps, Volunteers volunteers, ActivityNotifications notifications, JdbcClient jdbc,
			PlatformTransactionManager transactions,
			@Value("${tongxing.notification.reminder-before:PT24H}") Duration before) {
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.before = before;
	}

	/**
	 * Reminds every confirmed sign-up whose session starts within the reminder time and
	 * that was not reminded yet.
	 * @return how many were reminded now
	 */
	public int remindDue() {
		Instant now = Instant.now();
		int reminded = 0;
		for (SignUpView signUp : this.signUps.confirmedStartingBetween(now, now.plus(this.before))) {
			try {
				Boolean done = this.transaction.execute((status) -> remind(signUp));
				reminded += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Reminder for sign-up {} failed: {}", signUp.id().value(), ex.getClass().getSimpleName());
			}
		}
		return reminded;
	}

	private boolean remind(SignUpView signUp) {
		int claimed = this.jdbc.sql("insert into notification_reminder (signup_id) values (?) on conflict do nothing")
			.param(signUp.id().value())
			.update();
		if (claimed == 0) {
			return false;
		}
		VolunteerView volunteer = this.volunteers.views(Set.of(signUp.volunteer())).get(signUp.volunteer());
		if (volunteer != null && !volunteer.isAnonymised()) {
			this.notifications.send(volunteer, NotificationKind.REMINDER, signUp.session(), signUp.position(), "",
					SessionTexts.activityLink(signUp.activity()));
		}
		return true;
	}

}
