package org.tongxing.volunteer;

import org.tongxing.organisation.UnitId;

/**
 * A volunteer was registered (by themselves, an import or an admin).
 *
 * @param driveId the recruitment drive it came from, or {@code null}
 */
public record VolunteerRegistered(VolunteerId volunteer, UnitId unit, Long driveId, VolunteerStatus status) {
}
