package org.tongxing.activity;

import java.time.LocalDateTime;

/**
 * What an organiser enters about a session: start and end as wall-clock times in the
 * session's own time zone (a mission abroad runs in its own), and where. Place fields
 * left empty take the activity's.
 *
 * @param signupOpens when sign-up opens (wall-clock in the zone), or null: at publication
 * @param signupCloses when sign-up closes, or null: at the start
 */
public record SessionDetails(String title, LocalDateTime start, LocalDateTime end, String timeZone, boolean online,
		String address, String onlineUrl, LocalDateTime signupOpens, LocalDateTime signupCloses) {

	/** A session at the activity's place. */
	public static SessionDetails at(LocalDateTime start, LocalDateTime end, String timeZone) {
		return new SessionDetails(null, start, end, timeZone, false, null, null, null, null);
	}

}
