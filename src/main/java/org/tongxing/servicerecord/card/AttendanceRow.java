package org.tongxing.servicerecord.card;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.EntryView;

/**
 * One volunteer on the attendance sheet of a session: who (masked data only), their
 * position, their attendance if any and the service entry it made.
 *
 * @param signedUp whether they hold a confirmed place (only they can be marked)
 */
record AttendanceRow(long volunteerId, String name, String number, String positionName, boolean signedUp,
		AttendanceView attendance, EntryView entry, ZoneId zone) {

	static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern(MarkForm.DATE_TIME);

	/**
	 * Whether bulk marking changes anything for them: no attendance yet, or still open.
	 */
	public boolean markable() {
		return this.signedUp && (this.attendance == null || this.attendance.isOpen());
	}

	public boolean needsReview() {
		return this.attendance != null && this.attendance.needsReview();
	}

	/**
	 * Whether the organiser may still set the times: closed, and its entry (if made)
	 * still pending.
	 */
	public boolean correctable() {
		return this.attendance != null && !this.attendance.isOpen() && (this.entry == null || this.entry.isPending());
	}

	/**
	 * Closed with an entry that was already confirmed or rejected: only a correction
	 * helps.
	 */
	public boolean decided() {
		return this.attendance != null && this.entry != null && !this.entry.isPending();
	}

	public ZonedDateTime checkedIn() {
		return (this.attendance != null) ? this.attendance.checkedInAt().atZone(this.zone) : null;
	}

	public ZonedDateTime checkedOut() {
		return (this.attendance != null && this.attendance.checkedOutAt() != null)
				? this.attendance.checkedOutAt().atZone(this.zone) : null;
	}

	/** The check-in time as a datetime-local input shows it. */
	public String checkedInInput() {
		return (checkedIn() != null) ? INPUT.format(checkedIn()) : "";
	}

	public String checkedOutInput() {
		return (checkedOut() != null) ? INPUT.format(checkedOut()) : "";
	}

}
