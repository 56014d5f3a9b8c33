package org.tongxing.activity;

import java.util.List;

/**
 * Why a volunteer may not sign up: a reason code (the message key is
 * {@code activity.refusal.<reason>}) and the message's arguments.
 *
 * <p>
 * Reasons: {@code no-volunteer}, {@code applicant}, {@code suspended}, {@code inactive},
 * {@code not-visible}, {@code not-open}, {@code window-not-open} (opens),
 * {@code window-closed}, {@code started}, {@code missing-skill} (codes),
 * {@code missing-language} (codes), {@code missing-qualification} (codes),
 * {@code too-young} (minimum age), {@code clash} (other activity, its start),
 * {@code no-shows} (count, blocked until), {@code already-signed-up}.
 */
public record Refusal(String reason, List<Object> arguments) {

	public Refusal {
		arguments = List.copyOf(arguments);
	}

	public static Refusal of(String reason, Object... arguments) {
		return new Refusal(reason, List.of(arguments));
	}

	public String messageKey() {
		return "activity.refusal." + this.reason;
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
