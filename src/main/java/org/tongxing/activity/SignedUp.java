package org.tongxing.activity;

import org.tongxing.volunteer.VolunteerId;

/**
 * A volunteer signed up (or an organiser added them): CONFIRMED, PENDING (awaiting
 * approval) or WAITLISTED.
 */
public record SignedUp(SignUpId signUp, VolunteerId volunteer, SessionId session, PositionId position,
		SignUpStatus status, boolean byOrganiser) {
}
