package org.tongxing.activity.scheduling;

/** Why a session is cancelled (required; the activity API checks its length). */
class CancelSessionForm {

	private String reason;

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
