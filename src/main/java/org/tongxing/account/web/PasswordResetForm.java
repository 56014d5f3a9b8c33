package org.tongxing.account.web;

import jakarta.validation.constraints.NotBlank;

class PasswordResetForm {

	private String token;

	@NotBlank(message = "{account.validation.required}")
	private String newPassword;

	@NotBlank(message = "{account.validation.required}")
	private String repeatPassword;

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
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

}
