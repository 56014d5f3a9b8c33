package org.tongxing.notification.domain;

import java.util.Locale;

/**
 * What a notification is about; its texts are {@code notification.<key>.title} and
 * {@code .body} of the notification bundle.
 */
public enum NotificationKind {

	SIGNED_UP, PENDING, WAITLISTED, ADDED, OFFERED, APPROVED, REJECTED, CANCELLED, EXPIRED, SESSION_CHANGED,
	SESSION_CANCELLED, MESSAGE, REMINDER;

	public String key() {
		return "notification." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
