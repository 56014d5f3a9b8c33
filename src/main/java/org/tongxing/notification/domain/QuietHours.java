package org.tongxing.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An account's quiet hours: a daily window of wall-clock times in the person's own zone,
 * {@code from} inclusive to {@code to} exclusive, spanning midnight when {@code from} is
 * after {@code to} (22:00–08:00). Off, or with equal ends, it never holds anything.
 */
public record QuietHours(boolean enabled, LocalTime from, LocalTime to) {

	public static final QuietHours DEFAULT = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0));

	/** Whether the wall-clock time falls inside the window. */
	public boolean covers(LocalTime time) {
		if (!this.enabled || this.from.equals(this.to)) {
			return false;
		}
		if (this.from.isBefore(this.to)) {
			return !time.isBefore(this.from) && time.isBefore(this.to);
		}
		return !time.isBefore(this.from) || time.isBefore(this.to);
	}

	/**
	 * The earliest instant at or after {@code at} outside the window in the zone:
	 * {@code at} itself, or the window's end. On a day whose end time falls into a DST
	 * gap, the end moves forward by the gap's length (as {@link ZonedDateTime#of}
	 * resolves it).
	 */
	public Instant releaseAt(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		LocalTime time = local.toLocalTime();
		if (!covers(time)) {
			return at;
		}
		LocalDate day = local.toLocalDate();
		// a window spanning midnight entered before midnight ends on the next day
		LocalDate endDay = (this.from.isAfter(this.to) && !time.isBefore(this.from)) ? day.plusDays(1) : day;
		return ZonedDateTime.of(endDay, this.to, zone).toInstant();
	}

}
