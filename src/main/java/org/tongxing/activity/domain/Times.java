package org.tongxing.activity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Instants written for messages, in the zone of the session they belong to, with the
 * zone's id when it is not the association's ({@code tongxing.account.time-zone}), so a
 * time abroad is never misread. Immutable; the bean holds the configured zone, tests make
 * their own.
 */
@Component
public final class Times {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final ZoneId association;

	public Times(@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId association) {
		this.association = Objects.requireNonNull(association);
	}

	/** The association's zone: times in it need no suffix. */
	public ZoneId association() {
		return this.association;
	}

	/**
	 * The instant as {@code yyyy-MM-dd HH:mm} in the zone, followed by
	 * {@code " (<zone>)"} unless the zone is the association's.
	 */
	public String format(Instant instant, ZoneId zone) {
		String text = DATE_TIME.format(instant.atZone(zone));
		// by id: a zone spelled differently (an alias) is named rather than guessed equal
		return zone.getId().equals(this.association.getId()) ? text : text + " (" + zone.getId() + ")";
	}

	/** The instant's day in the zone, {@code yyyy-MM-dd}. */
	public String formatDate(Instant instant, ZoneId zone) {
		return DATE.format(instant.atZone(zone));
	}

}
