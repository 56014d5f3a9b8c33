package org.tongxing.volunteer;

/**
 * Identifies a volunteer inside the platform; other modules keep this. The public
 * identifier shown to people is the volunteer number ({@link VolunteerView#number()}).
 */
public record VolunteerId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
