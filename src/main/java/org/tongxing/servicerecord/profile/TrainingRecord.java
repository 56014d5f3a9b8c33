package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * A training the volunteer took part in.
 *
 * @param version how often it was changed, for a correction to name the state it changes
 * @param correctedAt the last correction, {@code null} when there was none
 * @param withdrawal {@code null} unless it was withdrawn
 */
public record TrainingRecord(long id, VolunteerId volunteer, String name, String content, BigDecimal hours,
		String organiser, LocalDate heldOn, Instant recordedAt, int version, Instant correctedAt,
		Withdrawal withdrawal) {

	public boolean isWithdrawn() {
		return this.withdrawal != null;
	}

}
