package org.tongxing.activity.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.Visibility;

/**
 * A position with what signing up for it depends on: its session and activity.
 */
public record Slot(PositionId position, String positionName, int capacity, int taken, Approval approval, Integer minAge,
		Set<String> skills, Set<String> languages, Set<String> qualifications, SessionId session, Instant startsAt,
		Instant endsAt, ZoneId zone, boolean sessionCancelled, Instant opensAt, Instant closesAt, ActivityId activity,
		String activityTitle, ActivityStatus activityStatus, Visibility visibility, Long visibilityUnit, long unit,
		int cancelDeadlineHours) {

	public Eligibility.Opening opening() {
		return new Eligibility.Opening(this.activityStatus, this.sessionCancelled, this.startsAt, this.zone,
				this.opensAt, (this.closesAt != null) ? this.closesAt : this.startsAt, this.minAge, this.skills,
				this.languages, this.qualifications);
	}

	/** Until when a volunteer may cancel by themselves. */
	public Instant cancelDeadline() {
		return this.startsAt.minus(java.time.Duration.ofHours(this.cancelDeadlineHours));
	}

}
