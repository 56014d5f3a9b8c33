package org.tongxing.servicerecord.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why an admin revokes a certificate; the public verify page shows it.
 */
class RevokeForm {

	@NotBlank(message = "{servicerecord.certificate.invalid.reason}")
	@Size(max = 1000, message = "{servicerecord.certificate.form.too-long}")
	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
