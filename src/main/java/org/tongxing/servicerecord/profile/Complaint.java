package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * A complaint about the volunteer's service and, once resolved, what came of it.
 *
 * @param content what was complained of; empty once the volunteer was anonymised
 * @param version how often it was changed, for a correction to name the state it changes
 * @param correctedAt the last correction, {@code null} when there was none
 * @param withdrawal {@code null} unless it was withdrawn
 */
public record Complaint(long id, VolunteerId volunteer, LocalDate receivedOn, String content, ComplaintStatus status,
		String resolution, Instant recordedAt, Instant resolvedAt, int version, Instant correctedAt,
		Withdrawal withdrawal) {

	/** Open and not withdrawn: waiting for an admin. */
	public boolean isOpen() {
		return this.status == ComplaintStatus.OPEN && this.withdrawal == null;
	}

	public boolean isWithdrawn() {
		return this.withdrawal != null;
	}

}
