package org.tongxing.activity;

import org.tongxing.volunteer.VolunteerId;

/**
 * A live sign-up ended without the session: cancelled by the volunteer or the organiser,
 * an offer declined or expired. {@code status} is the new one (CANCELLED or EXPIRED).
 */
public record SignUpEnded(SignUpId signUp, VolunteerId volunteer, SessionId session, PositionId position,
		SignUpStatus status, boolean byOrganiser, String reason) {
}
