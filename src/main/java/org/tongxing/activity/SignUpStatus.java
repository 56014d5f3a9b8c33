package org.tongxing.activity;

import java.util.Set;

/**
 * Where a sign-up stands. PENDING, CONFIRMED and OFFERED hold a place of the position;
 * WAITLISTED waits for one; the rest are over.
 */
public enum SignUpStatus {

	/** Holds a place; the organiser has yet to approve it. */
	PENDING,
	/** Holds a place. */
	CONFIRMED,
	/** Waits for a place, in the order of joining the waitlist. */
	WAITLISTED,
	/** A freed place was offered; holds it until the offer is confirmed or expires. */
	OFFERED,
	/** Cancelled by the volunteer or the organiser, or the offer was declined. */
	CANCELLED,
	/** The organiser rejected it, with a reason. */
	REJECTED,
	/** An offered place was not confirmed in time. */
	EXPIRED,
	/** Confirmed, but the volunteer did not come. */
	NO_SHOW;

	public static final Set<SignUpStatus> HOLDING = Set.of(PENDING, CONFIRMED, OFFERED);

	public static final Set<SignUpStatus> LIVE = Set.of(PENDING, CONFIRMED, WAITLISTED, OFFERED);

	public boolean holdsPlace() {
		return HOLDING.contains(this);
	}

	public boolean isLive() {
		return LIVE.contains(this);
	}

}
