package org.tongxing.volunteer;

/**
 * What a person agreed to when their data was collected: the personal-information notice
 * (of a version) and, separately, the processing of sensitive data (ID number).
 */
public record Consents(String noticeVersion, boolean noticeAccepted, boolean sensitiveDataAccepted) {

	/** The version of the notice in the current registration page. */
	public static final String CURRENT_NOTICE = "2026-11";

	public static Consents current(boolean noticeAccepted, boolean sensitiveDataAccepted) {
		return new Consents(CURRENT_NOTICE, noticeAccepted, sensitiveDataAccepted);
	}

}
