package org.tongxing.activity;

/**
 * An activity's life: drafted, published for sign-up, then completed or cancelled, and at
 * last archived.
 */
public enum ActivityStatus {

	DRAFT, PUBLISHED, COMPLETED, CANCELLED, ARCHIVED;

	/** Whether volunteers see it. */
	public boolean isVisibleToVolunteers() {
		return this != DRAFT;
	}

}
