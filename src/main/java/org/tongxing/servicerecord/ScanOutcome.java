package org.tongxing.servicerecord;

/**
 * What a scan did. Repeats change nothing: a second scan shortly after checking in is the
 * same check-in, and any scan after checking out is the same check-out.
 */
public enum ScanOutcome {

	CHECKED_IN, CHECKED_OUT, ALREADY_CHECKED_IN, ALREADY_CHECKED_OUT;

	public boolean changed() {
		return this == CHECKED_IN || this == CHECKED_OUT;
	}

}
