package org.tongxing.volunteer.drive;

import java.time.Instant;

import org.tongxing.volunteer.VolunteerStatus;

/** A volunteer who registered through a drive, personal data masked. */
public record DriveSignUp(long volunteerId, String name, String phoneMasked, VolunteerStatus status,
		Instant registeredAt) {

}
