package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Hours a volunteer declares for service outside the platform: what, when, where, for
 * whom (the organiser outside), how long, and a description; evidence is a file uploaded
 * beside.
 */
public record Declaration(String activityName, LocalDate serviceDate, String place, String organiser, BigDecimal hours,
		String description) {
}
