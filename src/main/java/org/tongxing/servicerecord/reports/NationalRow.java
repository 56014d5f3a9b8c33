package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.IdType;

/**
 * One service record as the national platforms take it: an original entry (a session or
 * self-declared hours) at its standing hours, with the corrected content when a confirmed
 * correction changed it. The ID number is masked.
 *
 * @param originalHours the hours first confirmed
 * @param corrections how many confirmed corrections changed the entry
 */
public record NationalRow(long entryId, String volunteerNumber, String name, IdType idType, String idNumberMasked,
		String activityName, LocalDate serviceDate, String place, String content, BigDecimal hours,
		BigDecimal originalHours, int corrections, String organisingUnit, String lead, String recordingUnit,
		Instant recordedAt, String recorder) {

	public boolean corrected() {
		return this.corrections > 0;
	}

}
