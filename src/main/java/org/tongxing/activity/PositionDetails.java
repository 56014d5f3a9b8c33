package org.tongxing.activity;

import java.util.Set;

/**
 * A position of a session (guide, cashier, lecturer, ...): its places and who may take
 * one.
 *
 * @param minAge the youngest age allowed on the session's day, or null
 * @param skills skill codes a volunteer must have (any level)
 * @param languages language codes a volunteer must speak (any level)
 * @param qualifications qualification codes a volunteer must hold, approved and unexpired
 */
public record PositionDetails(String name, String description, int capacity, Approval approval, Integer minAge,
		Set<String> skills, Set<String> languages, Set<String> qualifications) {

	public PositionDetails {
		skills = (skills != null) ? Set.copyOf(skills) : Set.of();
		languages = (languages != null) ? Set.copyOf(languages) : Set.of();
		qualifications = (qualifications != null) ? Set.copyOf(qualifications) : Set.of();
		approval = (approval != null) ? approval : Approval.AUTOMATIC;
	}

	/** A position anyone may take, confirmed at once. */
	public static PositionDetails open(String name, int capacity) {
		return new PositionDetails(name, null, capacity, Approval.AUTOMATIC, null, Set.of(), Set.of(), Set.of());
	}

}
