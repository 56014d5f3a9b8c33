package org.tongxing.volunteer.privacy;

import java.time.Instant;

import org.tongxing.volunteer.VolunteerStatus;

/**
 * A volunteer on a coordinator's list: a deletion request waiting, or one who left long
 * ago.
 *
 * @param since when the deletion was requested, or when they left
 */
public record PendingVolunteer(long id, String number, String name, String unitName, VolunteerStatus status,
		Instant since) {

}
