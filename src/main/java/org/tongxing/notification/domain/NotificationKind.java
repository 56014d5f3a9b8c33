package org.tongxing.notification.domain;

import java.util.Locale;

/**
 * What a notification is about, stored with it. The texts of the sign-up and session
 * kinds are {@code notification.<key>.title} and {@code .body} of the notification
 * bundle; those of the service record kinds are in the servicerecord bundles
 * ({@code servicerecord.records.notify.*},
 * {@code servicerecord.reports.star-notification.*}).
 */
public enum NotificationKind {

	SIGNED_UP, PENDING, WAITLISTED, ADDED, OFFERED, APPROVED, REJECTED, CANCELLED, EXPIRED, SESSION_CHANGED,
	SESSION_CANCELLED, MESSAGE, REMINDER,
	/** A volunteer reached a new star level. */
	STAR_LEVEL,
	/** To a unit's admins: pending service records overdue or nearly so. */
	RECORDS_OVERDUE,
	/** A self-declaration or correction was confirmed. */
	RECORD_CONFIRMED,
	/** A service record was rejected. */
	RECORD_REJECTED;

	public String key() {
		return "notification." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
