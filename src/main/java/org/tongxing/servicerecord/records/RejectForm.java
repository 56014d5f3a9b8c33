package org.tongxing.servicerecord.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a pending record is rejected; the volunteer reads it. */
public class RejectForm {

	/** The ledger keeps a decision note of up to 1000 characters. */
	public static final int REASON_MAX = 1000;

	@NotBlank(message = "{servicerecord.records.validation.reason}")
	@Size(max = REASON_MAX, message = "{servicerecord.records.validation.too-long}")
	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
