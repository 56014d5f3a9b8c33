package org.tongxing.activity;

/**
 * How a sign-up for a position is accepted: a free place confirms at once, or the
 * organiser approves each one.
 */
public enum Approval {

	AUTOMATIC, ORGANISER

}
