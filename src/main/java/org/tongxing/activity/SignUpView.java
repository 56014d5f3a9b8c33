package org.tongxing.activity;

import java.time.Instant;

import org.tongxing.volunteer.VolunteerId;

/**
 * A sign-up with what a list of them needs of its session and activity.
 */
public record SignUpView(SignUpId id, VolunteerId volunteer, PositionId position, String positionName,
		SessionId session, ActivityId activity, String activityTitle, SignUpStatus status, String statusReason,
		Instant waitlistedAt, Instant offerExpiresAt, boolean addedByOrganiser, String overrideReasons,
		Instant createdAt) {
}
