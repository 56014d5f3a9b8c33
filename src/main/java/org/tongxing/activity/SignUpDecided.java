package org.tongxing.activity;

import org.tongxing.volunteer.VolunteerId;

/**
 * The organiser approved a pending sign-up, or rejected it with a reason.
 */
public record SignUpDecided(SignUpId signUp, VolunteerId volunteer, SessionId session, PositionId position,
		boolean approved, String reason) {
}
