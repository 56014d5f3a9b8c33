package org.tongxing.activity;

import java.util.Set;

/**
 * A position of a session, with the places taken (pending, confirmed and offered
 * sign-ups).
 */
public record PositionView(PositionId id, SessionId session, String name, String description, int capacity, int taken,
		Approval approval, Integer minAge, Set<String> skills, Set<String> languages, Set<String> qualifications) {

	public int placesLeft() {
		return Math.max(0, this.capacity - this.taken);
	}

	public boolean isFull() {
		return this.taken >= this.capacity;
	}

}
