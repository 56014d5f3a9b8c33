package org.tongxing.servicerecord;

/**
 * How a check-in or check-out came in: the session's rotating QR code, its typed code,
 * the volunteer's card scanned by the organiser, the organiser marking attendance on the
 * roster, or (check-out only) closed at the session's end because it was missing.
 */
public enum CheckInMethod {

	QR, CODE, CARD, ROSTER, AUTO

}
