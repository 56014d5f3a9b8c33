package org.tongxing.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The username of the account to appoint as a unit's admin.
 */
class AppointAdminForm {

	@NotBlank(message = "{organisation.validation.required}")
	@Size(max = 64, message = "{organisation.validation.tooLong}")
	private String username;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

}
