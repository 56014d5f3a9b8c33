package org.tongxing.activity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Instants written for messages, in the zone of the session they belong to (with the
 * zone's offset when it is not the association's, so a time abroad is never misread).
 */
public final class Times {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private Times() {
	}

	public static String format(Instant instant, ZoneId zone) {
		return DATE_TIME.format(instant.atZone(zone))
				+ (zone.getId().equals("Asia/Shanghai") ? "" : " (" + zone.getId() + ")");
	}

	public static String formatDate(Instant instant, ZoneId zone) {
		return DATE.format(instant.atZone(zone));
	}

}
