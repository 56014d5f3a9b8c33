package org.tongxing.volunteer;

/**
 * Where a volunteer stands. An applicant is approved (active, with a volunteer number) or
 * rejected; an active volunteer may be suspended or leave; both come back to active.
 */
public enum VolunteerStatus {

	APPLICANT, ACTIVE, SUSPENDED, LEFT, REJECTED;

	/** Whether a change from this status to the target is allowed. */
	public boolean mayBecome(VolunteerStatus target) {
		return switch (target) {
			case ACTIVE -> this == APPLICANT || this == SUSPENDED || this == LEFT;
			case REJECTED -> this == APPLICANT;
			case SUSPENDED -> this == ACTIVE;
			case LEFT -> this == ACTIVE || this == SUSPENDED;
			case APPLICANT -> false;
		};
	}

}
