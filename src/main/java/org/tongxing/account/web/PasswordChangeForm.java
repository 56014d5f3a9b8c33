package org.tongxing.account.web;

import jakarta.validation.constraints.NotBlank;

class PasswordChangeForm {

	@NotBlank(message = "{account.validation.required}")
	private String currentPassword;

	@NotBlank(message = "{account.validation.required}")
	private String newPassword;

	@NotBlank(message = "{account.validation.required}")
	private String repeatPassword;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getRepeatPassword() {
		return this.repeatPassword;
	}

	public void setRepeatPassword(String repeatPassword) {
		this.repeatPassword = repeatPassword;
	}

	/** Passwords are never sent back to the browser. */
	void forgetPasswords() {
		this.currentPassword = null;
		this.newPassword = null;
		this.repeatPassword = null;
	}

}
