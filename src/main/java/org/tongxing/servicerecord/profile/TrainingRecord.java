package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.tongxing.volunteer.VolunteerId;

/** A training the volunteer took part in. */
public record TrainingRecord(long id, VolunteerId volunteer, String name, String content, BigDecimal hours,
		String organiser, LocalDate heldOn, Instant recordedAt) {
}
