package org.tongxing.volunteer.profile;

import java.time.LocalDate;
import java.util.List;

import org.tongxing.organisation.UnitView;
import org.tongxing.volunteer.VolunteerView;

/**
 * What a volunteer sees of themselves on {@code /me}: their record (personal data
 * masked), their unit, skills with names, qualifications and the history of their unit
 * memberships, newest first.
 */
record Profile(VolunteerView volunteer, UnitView unit, List<SkillHeld> skills, List<QualificationEntry> qualifications,
		List<MembershipEntry> history, LocalDate today) {

	/** A skill of the catalogue with the volunteer's level (1 to 3). */
	record SkillHeld(CatalogueEntry skill, int level) {
	}

}
