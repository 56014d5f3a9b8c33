package org.tongxing.volunteer.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.VolunteerDetails;

/**
 * The rules every volunteer record follows, whether registered, imported or edited. Pure:
 * the caller passes today's date and the skill codes of the catalogue; whether the unit
 * is open and the number or email is taken are checked by {@code Volunteers}.
 */
public final class VolunteerRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public static final int NAME_MAX = 50;

	public static final int TEXT_MAX = 200;

	public static final int PLACE_MAX = 100;

	public static final int ZONE_MAX = 64;

	private VolunteerRules() {
	}

	public static List<FieldProblem> check(VolunteerDetails details, LocalDate today, Set<String> skillCodes) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = trim(details.name());
		if (name.isEmpty()) {
			problems.add(FieldProblem.of("name", "volunteer.validation.name.required"));
		}
		else if (name.length() > NAME_MAX) {
			problems.add(FieldProblem.of("name", "volunteer.validation.tooLong", NAME_MAX));
		}
		if (details.sex() == null) {
			problems.add(FieldProblem.of("sex", "volunteer.validation.sex.required"));
		}
		LocalDate birthDate = details.birthDate();
		boolean birthDateValid = false;
		if (birthDate == null) {
			problems.add(FieldProblem.of("birthDate", "volunteer.validation.birthDate.required"));
		}
		else if (birthDate.isAfter(today) || Ages.on(birthDate, today) > Ages.OLDEST_PLAUSIBLE) {
			problems.add(FieldProblem.of("birthDate", "volunteer.validation.birthDate.impossible"));
		}
		else if (Ages.on(birthDate, today) < Ages.MINIMUM) {
			problems.add(FieldProblem.of("birthDate", "volunteer.validation.birthDate.tooYoung", Ages.MINIMUM));
		}
		else {
			birthDateValid = true;
		}
		if (details.idType() == null) {
			problems.add(FieldProblem.of("idType", "volunteer.validation.idType.required"));
		}
		else {
			IdNumbers
				.problem(details.idType(), IdNumbers.normalise(details.idNumber()), birthDateValid ? birthDate : null)
				.ifPresent((key) -> problems.add(FieldProblem.of("idNumber", key)));
		}
		Phones.problem(Phones.normalise(details.phone()))
			.ifPresent((key) -> problems.add(FieldProblem.of("phone", key)));
		String email = trim(details.email());
		if (email.isEmpty()) {
			problems.add(FieldProblem.of("email", "volunteer.validation.email.required"));
		}
		else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
			problems.add(FieldProblem.of("email", "volunteer.validation.email.format"));
		}
		if (details.unit() == null) {
			problems.add(FieldProblem.of("unit", "volunteer.validation.unit.required"));
		}
		if (trim(details.residentialArea()).length() > TEXT_MAX) {
			problems.add(FieldProblem.of("residentialArea", "volunteer.validation.tooLong", TEXT_MAX));
		}
		checkLevels(problems, "skills", details.skills(), skillCodes, VolunteerCatalogue.MAX_SKILL_LEVEL);
		checkLevels(problems, "languages", details.languages(), Set.copyOf(VolunteerCatalogue.LANGUAGES),
				VolunteerCatalogue.MAX_LANGUAGE_LEVEL);
		if (!VolunteerCatalogue.SERVICE_CATEGORIES.containsAll(details.serviceCategories())) {
			problems.add(FieldProblem.of("serviceCategories", "volunteer.validation.unknownChoice"));
		}
		if (!VolunteerCatalogue.AVAILABILITY.containsAll(details.availability())) {
			problems.add(FieldProblem.of("availability", "volunteer.validation.unknownChoice"));
		}
		checkAbroad(problems, details);
		if (birthDateValid && Ages.needsGuardian(birthDate, today)) {
			checkGuardian(problems, details);
		}
		return problems;
	}

	private static void checkLevels(List<FieldProblem> problems, String field, Map<String, Integer> levels,
			Set<String> known, int max) {
		for (Map.Entry<String, Integer> entry : levels.entrySet()) {
			if (!known.contains(entry.getKey())) {
				problems.add(FieldProblem.of(field, "volunteer.validation.unknownChoice"));
				return;
			}
			if (entry.getValue() == null || entry.getValue() < 1 || entry.getValue() > max) {
				problems.add(FieldProblem.of(field, "volunteer.validation.level", max));
				return;
			}
		}
	}

	private static void checkAbroad(List<FieldProblem> problems, VolunteerDetails details) {
		String country = trim(details.country());
		String city = trim(details.city());
		String zone = trim(details.timeZone());
		if (country.isEmpty() && city.isEmpty() && zone.isEmpty()) {
			return;
		}
		tooLong(problems, "country", country, PLACE_MAX);
		tooLong(problems, "city", city, PLACE_MAX);
		tooLong(problems, "timeZone", zone, ZONE_MAX);
		if (country.isEmpty()) {
			problems.add(FieldProblem.of("country", "volunteer.validation.abroad.incomplete"));
		}
		if (city.isEmpty()) {
			problems.add(FieldProblem.of("city", "volunteer.validation.abroad.incomplete"));
		}
		if (zone.isEmpty()) {
			problems.add(FieldProblem.of("timeZone", "volunteer.validation.abroad.incomplete"));
		}
		else {
			try {
				ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				problems.add(FieldProblem.of("timeZone", "volunteer.validation.timeZone"));
			}
		}
	}

	private static void checkGuardian(List<FieldProblem> problems, VolunteerDetails details) {
		if (trim(details.guardian().name()).isEmpty()) {
			problems.add(FieldProblem.of("guardianName", "volunteer.validation.guardian.name", Ages.ADULT));
		}
		tooLong(problems, "guardianName", trim(details.guardian().name()), NAME_MAX);
		Phones.problem(Phones.normalise(details.guardian().phone()))
			.ifPresent((key) -> problems.add(FieldProblem.of("guardianPhone", key)));
		if (!details.guardian().consent()) {
			problems.add(FieldProblem.of("guardianConsent", "volunteer.validation.guardian.consent", Ages.ADULT));
		}
	}

	private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
		if (value.length() > max) {
			problems.add(FieldProblem.of(field, "volunteer.validation.tooLong", max));
		}
	}

	static String trim(String text) {
		return (text != null) ? text.strip() : "";
	}

}
