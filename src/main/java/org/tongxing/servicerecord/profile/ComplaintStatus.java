package org.tongxing.servicerecord.profile;

/** A complaint is open until an admin upholds or dismisses it, once. */
public enum ComplaintStatus {

	OPEN, UPHELD, DISMISSED;

	public boolean isResolved() {
		return this != OPEN;
	}

}
