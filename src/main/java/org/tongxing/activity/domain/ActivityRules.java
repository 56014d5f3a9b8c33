package org.tongxing.activity.domain;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.planning.Plans;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.VolunteerCatalogue;

/**
 * The rules of activity, session and position details: each broken rule is a
 * {@link FieldProblem} naming the field (as in the details record) and a message key of
 * the activity bundle. Lengths match the columns, so nothing a user types is a database
 * error.
 */
@Component
public class ActivityRules {

	public static final int TITLE_MAX = 200;

	public static final int DESCRIPTION_MAX = 50_000;

	public static final int ADDRESS_MAX = 300;

	public static final int URL_MAX = 500;

	public static final int REASON_MAX = 500;

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Units units;

	ActivityRules(JdbcClient jdbc, Plans plans, Units units) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.units = units;
	}

	public List<FieldProblem> check(ActivityDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "title", details.title(), TITLE_MAX);
		if (details.description() != null && Descriptions.sanitise(details.description()).length() > DESCRIPTION_MAX) {
			problems.add(FieldProblem.of("description", "activity.invalid.too-long", DESCRIPTION_MAX));
		}
		if (details.unit() == null) {
			problems.add(FieldProblem.of("unit", "activity.invalid.required"));
		}
		else if (details.coOrganisers().contains(details.unit())) {
			problems.add(FieldProblem.of("coOrganisers", "activity.invalid.co-organiser-is-organiser"));
		}
		if (details.campaign() != null && this.plans.findCampaign(details.campaign()).isEmpty()) {
			problems.add(FieldProblem.of("campaign", "activity.invalid.campaign"));
		}
		details.coOrganisers()
			.stream()
			.filter((unit) -> !unitExists(unit))
			.findAny()
			.ifPresent((unit) -> problems.add(FieldProblem.of("coOrganisers", "activity.invalid.unit")));
		place(problems, details.online(), details.address(), details.onlineUrl(), true);
		zone(problems, "timeZone", details.timeZone(), true);
		if (details.visibility() == null) {
			problems.add(FieldProblem.of("visibility", "activity.invalid.required"));
		}
		else if (details.visibility() == Visibility.SUBTREE && details.visibilityUnit() != null
				&& !unitExists(details.visibilityUnit())) {
			problems.add(FieldProblem.of("visibilityUnit", "activity.invalid.unit"));
		}
		optional(problems, "contactName", details.contactName(), 50);
		optional(problems, "contactInfo", details.contactInfo(), 200);
		optional(problems, "beneficiaries", details.beneficiaries(), 300);
		if (details.cancelDeadlineHours() < 0 || details.cancelDeadlineHours() > 720) {
			problems.add(FieldProblem.of("cancelDeadlineHours", "activity.invalid.range", 0, 720));
		}
		return problems;
	}

	/** Rules of a session; an empty time zone takes the activity's. */
	public List<FieldProblem> check(SessionDetails details, ZoneId activityZone) {
		List<FieldProblem> problems = new ArrayList<>();
		optional(problems, "title", details.title(), TITLE_MAX);
		if (details.start() == null) {
			problems.add(FieldProblem.of("start", "activity.invalid.required"));
		}
		if (details.end() == null) {
			problems.add(FieldProblem.of("end", "activity.invalid.required"));
		}
		if (details.start() != null && details.end() != null && !details.end().isAfter(details.start())) {
			problems.add(FieldProblem.of("end", "activity.invalid.end-before-start"));
		}
		zone(problems, "timeZone", details.timeZone(), false);
		place(problems, details.online(), details.address(), details.onlineUrl(), false);
		if (details.signupOpens() != null && details.signupCloses() != null
				&& !details.signupCloses().isAfter(details.signupOpens())) {
			problems.add(FieldProblem.of("signupCloses", "activity.invalid.window"));
		}
		return problems;
	}

	public List<FieldProblem> check(PositionDetails details) {
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "name", details.name(), 100);
		optional(problems, "description", details.description(), 1000);
		if (details.capacity() < 0 || details.capacity() > 100_000) {
			problems.add(FieldProblem.of("capacity", "activity.invalid.range", 0, 100_000));
		}
		if (details.minAge() != null && (details.minAge() < 0 || details.minAge() > 100)) {
			problems.add(FieldProblem.of("minAge", "activity.invalid.range", 0, 100));
		}
		if (!codesExist("skill", details.skills())) {
			problems.add(FieldProblem.of("skills", "activity.invalid.code"));
		}
		if (!VolunteerCatalogue.LANGUAGES.containsAll(details.languages())) {
			problems.add(FieldProblem.of("languages", "activity.invalid.code"));
		}
		if (!codesExist("qualification_type", details.qualifications())) {
			problems.add(FieldProblem.of("qualifications", "activity.invalid.code"));
		}
		return problems;
	}

	/**
	 * A reason (cancellation, rejection): required, at most {@value #REASON_MAX}
	 * characters.
	 * @throws InvalidActivityException when it is missing or too long
	 */
	public String reason(String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		required(problems, "reason", reason, REASON_MAX);
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		return reason.strip();
	}

	public static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private void place(List<FieldProblem> problems, boolean online, String address, String url, boolean required) {
		if (online) {
			if (blankToNull(url) == null) {
				if (required) {
					problems.add(FieldProblem.of("onlineUrl", "activity.invalid.required"));
				}
			}
			else if (url.strip().length() > URL_MAX || !isWebAddress(url.strip())) {
				problems.add(FieldProblem.of("onlineUrl", "activity.invalid.url"));
			}
		}
		else if (blankToNull(address) == null) {
			if (required) {
				problems.add(FieldProblem.of("address", "activity.invalid.required"));
			}
		}
		else if (address.strip().length() > ADDRESS_MAX) {
			problems.add(FieldProblem.of("address", "activity.invalid.too-long", ADDRESS_MAX));
		}
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static void zone(List<FieldProblem> problems, String field, String zone, boolean required) {
		if (blankToNull(zone) == null) {
			if (required) {
				problems.add(FieldProblem.of(field, "activity.invalid.required"));
			}
			return;
		}
		try {
			ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			problems.add(FieldProblem.of(field, "activity.invalid.time-zone"));
		}
	}

	private static void required(List<FieldProblem> problems, String field, String value, int max) {
		if (blankToNull(value) == null) {
			problems.add(FieldProblem.of(field, "activity.invalid.required"));
		}
		else {
			optional(problems, field, value, max);
		}
	}

	private static void optional(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(FieldProblem.of(field, "activity.invalid.too-long", max));
		}
	}

	private boolean unitExists(UnitId unit) {
		return this.units.find(UnitScope.everything(false), unit).isPresent();
	}

	// the catalogues of skills and qualifications are the volunteer module's; codes are
	// their public keys
	private boolean codesExist(String table, Set<String> codes) {
		if (codes.isEmpty()) {
			return true;
		}
		int found = this.jdbc.sql("select count(*) from " + table + " where code in (:codes)")
			.param("codes", codes)
			.query(Integer.class)
			.single();
		return found == codes.size();
	}

}
