package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/** A complaint about the volunteer's service and, once resolved, what came of it. */
public record Complaint(long id, VolunteerId volunteer, LocalDate receivedOn, String content, ComplaintStatus status,
		String resolution, Instant recordedAt, Instant resolvedAt) {

	public boolean isOpen() {
		return this.status == ComplaintStatus.OPEN;
	}

}
