package org.tongxing.servicerecord.card;

import java.time.ZonedDateTime;

import org.tongxing.servicerecord.ScanOutcome;

/**
 * One line of the scanner's log: what a scan did (or why it did not count), whose card it
 * was when the card is genuine (name and volunteer number only), and when, in the
 * session's zone.
 *
 * @param outcome what the scan did, or null when it was refused
 * @param messageKey the outcome's message ({@code servicerecord.scan.*}) or the refusal's
 */
record ScanLine(ScanOutcome outcome, String messageKey, Object[] messageArgs, String name, String number,
		ZonedDateTime at) {

	public boolean refused() {
		return this.outcome == null;
	}

	/** Bootstrap's colour of the line: changed, repeated or refused. */
	public String tone() {
		if (this.outcome == null) {
			return "danger";
		}
		return this.outcome.changed() ? "success" : "info";
	}

}
