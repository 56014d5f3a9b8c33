package org.tongxing.notification.domain;

/**
 * What an account wants: mails or only the in-app list, and its quiet hours.
 */
public record Preference(boolean emailEnabled, QuietHours quietHours) {

	public static final Preference DEFAULT = new Preference(true, QuietHours.DEFAULT);

}
