package org.tongxing.volunteer;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.tongxing.organisation.UnitId;

/**
 * What a registration or an imported row says about a volunteer; checked by the same
 * rules either way ({@link Volunteers#check}).
 *
 * @param skills skill codes of the catalogue with a level from 1 to 3
 * @param languages ISO 639-1 codes with a level from 1 to 4
 * @param serviceCategories codes of {@link VolunteerCatalogue#SERVICE_CATEGORIES}
 * @param availability codes of {@link VolunteerCatalogue#AVAILABILITY}
 * @param country, city, timeZone for volunteers abroad, else empty
 */
public record VolunteerDetails(String name, Sex sex, LocalDate birthDate, IdType idType, String idNumber, String phone,
		String email, UnitId unit, String residentialArea, Map<String, Integer> skills, Map<String, Integer> languages,
		Set<String> serviceCategories, Set<String> availability, String country, String city, String timeZone,
		Guardian guardian) {

	public VolunteerDetails {
		skills = (skills != null) ? Map.copyOf(skills) : Map.of();
		languages = (languages != null) ? Map.copyOf(languages) : Map.of();
		serviceCategories = (serviceCategories != null) ? Set.copyOf(serviceCategories) : Set.of();
		availability = (availability != null) ? Set.copyOf(availability) : Set.of();
		guardian = (guardian != null) ? guardian : Guardian.none();
	}

}
