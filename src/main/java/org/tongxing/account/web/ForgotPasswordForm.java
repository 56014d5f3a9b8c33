package org.tongxing.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class ForgotPasswordForm {

	@NotBlank(message = "{account.validation.required}")
	@Size(max = 254, message = "{account.validation.tooLong}")
	private String identifier;

	public String getIdentifier() {
		return this.identifier;
	}

	public void setIdentifier(String identifier) {
		this.identifier = identifier;
	}

}
