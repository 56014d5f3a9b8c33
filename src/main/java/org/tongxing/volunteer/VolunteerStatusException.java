package org.tongxing.volunteer;

/**
 * The volunteer's status does not allow the change (e.g. approving an active volunteer).
 */
public class VolunteerStatusException extends RuntimeException {

	private final VolunteerStatus from;

	private final VolunteerStatus to;

	public VolunteerStatusException(VolunteerStatus from, VolunteerStatus to) {
		super("A volunteer cannot go from " + from + " to " + to);
		this.from = from;
		this.to = to;
	}

	public VolunteerStatus from() {
		return this.from;
	}

	public VolunteerStatus to() {
		return this.to;
	}

}
