package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * An evaluation of the volunteer's service: a rating on a day, by whom, and a comment.
 *
 * @param version how often it was changed, for a correction to name the state it changes
 * @param correctedAt the last correction, {@code null} when there was none
 * @param withdrawal {@code null} unless it was withdrawn
 */
public record Evaluation(long id, VolunteerId volunteer, Rating rating, LocalDate evaluatedOn, String evaluator,
		String comment, Instant recordedAt, int version, Instant correctedAt, Withdrawal withdrawal) {

	public boolean isWithdrawn() {
		return this.withdrawal != null;
	}

}
