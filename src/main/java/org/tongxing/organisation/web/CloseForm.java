package org.tongxing.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a unit closes.
 */
class CloseForm {

	@NotBlank(message = "{organisation.validation.required}")
	@Size(max = 500, message = "{organisation.validation.tooLong}")
	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
