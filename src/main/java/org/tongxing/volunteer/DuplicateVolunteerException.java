package org.tongxing.volunteer;

/**
 * Someone registered with this ID number (or email) already. The message never holds the
 * number; {@link #field()} is {@code idNumber} or {@code email}.
 */
public class DuplicateVolunteerException extends RuntimeException {

	private final String field;

	public DuplicateVolunteerException(String field) {
		super("A volunteer with this " + field + " exists");
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
