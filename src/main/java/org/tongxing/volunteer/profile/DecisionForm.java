package org.tongxing.volunteer.profile;

/**
 * A coordinator's decision on a qualification: the version they looked at, and for a
 * rejection the reason (checked by {@link Qualifications#reject}).
 */
class DecisionForm {

	private String seen;

	private String reason;

	public String getSeen() {
		return this.seen;
	}

	public void setSeen(String seen) {
		this.seen = seen;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
