package org.tongxing.activity.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One event of a calendar: a sign-up's or a session's time in the session's zone, what it
 * is, where, and its state.
 *
 * @param uid stable across requests, so calendar apps update the event in place
 * @param stamp when the event last changed (DTSTAMP); stable while nothing changes
 * @param tentative held but not confirmed (pending approval, offered, waitlisted)
 */
record CalendarEntry(String uid, Instant start, Instant end, ZoneId zone, String summary, String location,
		String description, URI url, boolean cancelled, boolean tentative, Instant stamp) {
}
