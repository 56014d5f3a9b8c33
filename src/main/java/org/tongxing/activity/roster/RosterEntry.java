package org.tongxing.activity.roster;

import java.time.Instant;
import java.util.List;

import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;

/**
 * One sign-up on the roster with what organisers see of the volunteer: masked contact
 * details only; {@code mayReveal} says whether the viewer may reveal the phone.
 *
 * @param place the place on the waitlist (1 = next), 0 for others
 * @param overrides the rule codes an organiser overrode when adding by hand
 */
public record RosterEntry(SignUpView signUp, String name, String number, String phoneMasked, String email, Integer age,
		boolean mayReveal, int place, List<String> overrides) {

	public long id() {
		return this.signUp.id().value();
	}

	public long volunteerId() {
		return this.signUp.volunteer().value();
	}

	public SignUpStatus status() {
		return this.signUp.status();
	}

	public boolean live() {
		return this.signUp.status().isLive();
	}

	public Instant signedUpAt() {
		return this.signUp.createdAt();
	}

}
