package org.tongxing.servicerecord.profile;

import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/**
 * An evaluation of the volunteer's service: a rating on a day, by whom, and a comment.
 */
public record Evaluation(long id, VolunteerId volunteer, Rating rating, LocalDate evaluatedOn, String evaluator,
		String comment, Instant recordedAt) {
}
