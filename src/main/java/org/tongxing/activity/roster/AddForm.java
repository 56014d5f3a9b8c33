package org.tongxing.activity.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Adding a volunteer by hand: their volunteer number, the position, an optional note, and
 * whether the organiser confirmed overriding the rules the volunteer breaks.
 */
public class AddForm {

	public static final int NOTE_MAX = 500;

	@NotBlank(message = "{roster.validation.required}")
	@Size(max = 32, message = "{roster.validation.tooLong}")
	private String number;

	@NotNull(message = "{roster.validation.required}")
	private Long position;

	@Size(max = NOTE_MAX, message = "{roster.validation.tooLong}")
	private String note;

	private boolean confirmed;

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public Long getPosition() {
		return this.position;
	}

	public void setPosition(Long position) {
		this.position = position;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public boolean isConfirmed() {
		return this.confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

}
