package org.tongxing.volunteer;

import org.tongxing.organisation.UnitId;

/**
 * A volunteer's status changed, e.g. an applicant was approved ({@code APPLICANT} to
 * {@code ACTIVE}) or rejected with a reason.
 */
public record VolunteerStatusChanged(VolunteerId volunteer, UnitId unit, VolunteerStatus from, VolunteerStatus to,
		String reason) {
}
