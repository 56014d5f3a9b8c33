package org.tongxing.activity;

import java.util.List;

/**
 * What became of an attempt to sign up: a sign-up with its status (CONFIRMED, PENDING or
 * WAITLISTED), or no sign-up and the reasons.
 */
public record SignUpOutcome(PositionId position, SignUpId signUp, SignUpStatus status, List<Refusal> refusals) {

	public SignUpOutcome {
		refusals = List.copyOf(refusals);
	}

	static SignUpOutcome made(PositionId position, SignUpId signUp, SignUpStatus status) {
		return new SignUpOutcome(position, signUp, status, List.of());
	}

	static SignUpOutcome refused(PositionId position, List<Refusal> refusals) {
		return new SignUpOutcome(position, null, null, refusals);
	}

	public boolean isRefused() {
		return this.signUp == null;
	}

}
