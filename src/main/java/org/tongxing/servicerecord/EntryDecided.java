package org.tongxing.servicerecord;

import java.math.BigDecimal;

import org.tongxing.volunteer.VolunteerId;

/** A pending entry was confirmed or rejected (with the note, when rejected). */
public record EntryDecided(long entryId, VolunteerId volunteer, EntryKind kind, EntryStatus status, String activityName,
		BigDecimal hours, String note) {
}
