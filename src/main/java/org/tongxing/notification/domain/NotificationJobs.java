package org.tongxing.notification.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox is emptied every minute and reminders are looked for every few minutes, on
 * one node at a time (ShedLock); the outbox's row claims keep them safe even without it.
 */
@Component
class NotificationJobs {

	private final Outbox outbox;

	private final Reminders reminders;

	NotificationJobs(Outbox outbox, Reminders reminders) {
		this.outbox = outbox;
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${tongxing.notification.outbox-interval:PT1M}",
			initialDelayString = "${tongxing.notification.outbox-interval:PT1M}")
	@SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT10M")
	void sendOutbox() {
		this.outbox.sendDue();
	}

	@Scheduled(fixedDelayString = "${tongxing.notification.reminder-interval:PT5M}",
			initialDelayString = "${tongxing.notification.reminder-interval:PT5M}")
	@SchedulerLock(name = "notification-reminders", lockAtMostFor = "PT10M")
	void remind() {
		this.reminders.remindDue();
	}

}
