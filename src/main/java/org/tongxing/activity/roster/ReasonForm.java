package org.tongxing.activity.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason an organiser gives for rejecting or cancelling a sign-up. */
public class ReasonForm {

	public static final int REASON_MAX = 500;

	@NotBlank(message = "{roster.validation.required}")
	@Size(max = REASON_MAX, message = "{roster.validation.tooLong}")
	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
