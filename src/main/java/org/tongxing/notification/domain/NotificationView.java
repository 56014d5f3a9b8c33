package org.tongxing.notification.domain;

import java.time.Instant;

/**
 * An in-app notification as the list shows it; {@code link} is a path in the app, or
 * null.
 */
public record NotificationView(long id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean isUnread() {
		return this.readAt == null;
	}

	/** The body's lines, to show them as written. */
	public java.util.List<String> lines() {
		return java.util.List.of(this.body.split("\\R", -1));
	}

}
