package org.tongxing.servicerecord;

import java.time.Duration;
import java.time.Instant;

import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.volunteer.VolunteerId;

/**
 * A volunteer's attendance at a session. {@code autoClosed}: the check-out was missing
 * and the session's end was taken; the organiser confirms it ({@code reviewedAt}).
 */
public record AttendanceView(long id, SessionId session, VolunteerId volunteer, PositionId position,
		Instant checkedInAt, CheckInMethod checkInMethod, Instant checkedOutAt, CheckInMethod checkOutMethod,
		boolean hasPoint, boolean autoClosed, Instant reviewedAt) {

	public boolean isOpen() {
		return this.checkedOutAt == null;
	}

	public boolean needsReview() {
		return this.autoClosed && this.reviewedAt == null;
	}

	public Duration attended() {
		return (this.checkedOutAt != null) ? Duration.between(this.checkedInAt, this.checkedOutAt) : Duration.ZERO;
	}

}
