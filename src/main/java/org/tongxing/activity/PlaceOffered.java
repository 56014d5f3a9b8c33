package org.tongxing.activity;

import java.time.Instant;

import org.tongxing.volunteer.VolunteerId;

/**
 * A freed place was offered to a waitlisted volunteer: they confirm it at
 * {@code /offers/{token}} before {@code expiresAt}, or it passes to the next.
 */
public record PlaceOffered(SignUpId signUp, VolunteerId volunteer, SessionId session, PositionId position, String token,
		Instant expiresAt) {
}
