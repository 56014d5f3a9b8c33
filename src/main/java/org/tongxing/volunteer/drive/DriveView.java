package org.tongxing.volunteer.drive;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.organisation.UnitId;

/**
 * A recruitment drive as its pages show it.
 *
 * @param code the random public code of its short link {@code /r/<code>}
 * @param signUps how many volunteers registered through it
 */
public record DriveView(long id, String code, String name, UnitId unitId, String unitName, LocalDate startsOn,
		LocalDate endsOn, Instant createdAt, long signUps) {

	/** Whether registration through the drive is open on the day. */
	public boolean isOpenOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
