package org.tongxing.volunteer;

import java.util.List;

/**
 * The fixed lists of the registration form; their labels are messages
 * {@code volunteer.category.<code>}, {@code volunteer.availability.<code>} and
 * {@code volunteer.language.<code>}. Skills and qualifications are catalogues that
 * coordinators keep in the database instead.
 */
public final class VolunteerCatalogue {

	public static final List<String> SERVICE_CATEGORIES = List.of("diplomacy-for-people", "poverty-relief",
			"elderly-and-disabled", "children-and-education", "civilised-dining", "mega-events", "emergency",
			"legal-aid", "environment", "culture");

	public static final List<String> AVAILABILITY = List.of("weekday-daytime", "weekday-evening", "weekend",
			"public-holiday", "online");

	/** ISO 639-1 codes offered for languages. */
	public static final List<String> LANGUAGES = List.of("zh", "en", "fr", "ru", "es", "ar", "de", "ja", "ko", "pt",
			"it", "sw");

	/** Skill levels 1..3 and language levels 1..4. */
	public static final int MAX_SKILL_LEVEL = 3;

	public static final int MAX_LANGUAGE_LEVEL = 4;

	private VolunteerCatalogue() {
	}

}
