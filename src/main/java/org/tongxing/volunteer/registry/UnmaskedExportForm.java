package org.tongxing.volunteer.registry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The confirmation of an unmasked export: the exporter ticks that they need ID numbers
 * and phones in clear, and says why (the reason goes into the audit log).
 */
public class UnmaskedExportForm {

	@AssertTrue(message = "{registry.unmasked.confirm.required}")
	private boolean confirmed;

	@NotBlank(message = "{registry.unmasked.reason.required}")
	@Size(max = 500, message = "{registry.unmasked.reason.tooLong}")
	private String reason;

	public boolean isConfirmed() {
		return this.confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
