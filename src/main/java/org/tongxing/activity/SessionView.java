package org.tongxing.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A session as pages see it: times as instants and the zone to show them in; the place is
 * the session's own or, when it has none, the activity's.
 */
public record SessionView(SessionId id, ActivityId activity, Long seriesId, String title, Instant startsAt,
		Instant endsAt, ZoneId zone, boolean online, String address, String onlineUrl, boolean cancelled,
		String statusReason, Instant signupOpensAt, Instant signupClosesAt) {

	public ZonedDateTime localStart() {
		return this.startsAt.atZone(this.zone);
	}

	public ZonedDateTime localEnd() {
		return this.endsAt.atZone(this.zone);
	}

	/** When sign-up closes: the window's end, or the start. */
	public Instant closesAt() {
		return (this.signupClosesAt != null) ? this.signupClosesAt : this.startsAt;
	}

}
