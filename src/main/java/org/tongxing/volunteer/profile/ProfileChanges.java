package org.tongxing.volunteer.profile;

import java.util.Map;
import java.util.Set;

/**
 * What a volunteer may change of their own record.
 *
 * @param phone a new mobile phone, or blank to keep the current one
 * @param skills skill codes of the catalogue with a level from 1 to 3
 * @param languages ISO 639-1 codes with a level from 1 to 4
 * @param country, city, timeZone where a volunteer abroad lives, all three or none
 */
record ProfileChanges(String phone, String residentialArea, Map<String, Integer> skills, Map<String, Integer> languages,
		Set<String> serviceCategories, Set<String> availability, String country, String city, String timeZone) {

	ProfileChanges {
		skills = (skills != null) ? Map.copyOf(skills) : Map.of();
		languages = (languages != null) ? Map.copyOf(languages) : Map.of();
		serviceCategories = (serviceCategories != null) ? Set.copyOf(serviceCategories) : Set.of();
		availability = (availability != null) ? Set.copyOf(availability) : Set.of();
	}

	boolean keepsPhone() {
		return this.phone == null || this.phone.isBlank();
	}

}
