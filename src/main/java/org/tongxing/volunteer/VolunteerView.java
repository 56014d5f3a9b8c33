package org.tongxing.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.tongxing.account.AccountId;
import org.tongxing.organisation.UnitId;

/**
 * A volunteer as pages and other modules see it: personal data only masked (use
 * {@link Volunteers#reveal} for one unmasked field, which is audited).
 */
public record VolunteerView(VolunteerId id, AccountId accountId, String number, VolunteerStatus status,
		String statusReason, String name, Sex sex, LocalDate birthDate, IdType idType, String idNumberMasked,
		String phoneMasked, String email, boolean emailVerified, UnitId unitId, String residentialArea,
		Map<String, Integer> skills, Map<String, Integer> languages, Set<String> serviceCategories,
		Set<String> availability, String country, String city, String timeZone, String guardianName,
		String guardianPhoneMasked, String locale, String source, Long driveId, Instant registeredAt,
		Instant approvedAt, Instant leftAt, Instant deletionRequestedAt, Instant anonymisedAt) {

	public boolean isAbroad() {
		return this.country != null;
	}

	public boolean isAnonymised() {
		return this.anonymisedAt != null;
	}

	/** Age in whole years on the day, or -1 when unknown (anonymised). */
	public int ageOn(LocalDate day) {
		return (this.birthDate != null) ? java.time.Period.between(this.birthDate, day).getYears() : -1;
	}

}
