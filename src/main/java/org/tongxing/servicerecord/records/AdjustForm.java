package org.tongxing.servicerecord.records;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A pending record's hours set by hand, and why (shown as the rule that made them). The
 * hours are kept as typed, so a mistyped value comes back as it was.
 */
public class AdjustForm {

	/** The ledger keeps the note as the hours rule's argument, up to 300 characters. */
	public static final int NOTE_MAX = 300;

	@NotBlank(message = "{servicerecord.records.validation.hours}")
	@Pattern(regexp = "\\s*\\d{1,4}([.,]\\d{1,2})?\\s*", message = "{servicerecord.records.validation.hours}")
	private String hours;

	@NotBlank(message = "{servicerecord.records.validation.note}")
	@Size(max = NOTE_MAX, message = "{servicerecord.records.validation.too-long}")
	private String note;

	public String getHours() {
		return this.hours;
	}

	public void setHours(String hours) {
		this.hours = hours;
	}

	/** The hours as a number; only after validation. */
	public BigDecimal hoursValue() {
		return new BigDecimal(this.hours.strip().replace(',', '.'));
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
