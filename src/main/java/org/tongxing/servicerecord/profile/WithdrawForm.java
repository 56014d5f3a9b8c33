package org.tongxing.servicerecord.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin withdraws an entry, and the version they saw. */
class WithdrawForm {

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.REASON_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String reason;

	private int version;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
