package org.tongxing.servicerecord.checkin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The 6-digit code typed from the check-in screen (spaces allowed, as the screen groups
 * the digits), with the location when the session asks for it.
 */
public class CodeForm extends LocationForm {

	@NotNull(message = "{servicerecord.checkin-ui.validation.code}")
	@Pattern(regexp = "\\s*(\\d\\s*){6}", message = "{servicerecord.checkin-ui.validation.code}")
	private String code;

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
