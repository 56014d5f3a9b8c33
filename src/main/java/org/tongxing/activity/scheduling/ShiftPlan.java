package org.tongxing.activity.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tongxing.activity.scheduling.Recurrence.Occurrence;
import org.tongxing.volunteer.FieldProblem;

/**
 * The shifts of a mega-event: every day from {@code from} to {@code to}, each daily shift
 * (e.g. 08:00–12:00, 12:00–16:00, 16:00–20:00) in the zone. Pure.
 */
public record ShiftPlan(LocalDate from, LocalDate to, List<Shift> shifts, ZoneId zone) {

	/** A daily shift; an end not after the start ends on the next day. */
	public record Shift(LocalTime start, LocalTime end) {

	}

	private static final Pattern SHIFT = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–—~至到]\\s*(\\d{1,2}:\\d{2})");

	public ShiftPlan {
		shifts = (shifts != null) ? List.copyOf(shifts) : List.of();
	}

	/**
	 * The daily shifts written as {@code 08:00-12:00, 12:00-16:00} (commas, semicolons,
	 * spaces or new lines between them).
	 * @throws IllegalArgumentException when a part is not a shift
	 */
	public static List<Shift> parseShifts(String text) {
		List<Shift> shifts = new ArrayList<>();
		if (text == null) {
			return shifts;
		}
		for (String part : text.strip().split("[,，;；\\s]+(?=\\d)")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher matcher = SHIFT.matcher(part.strip());
			if (!matcher.matches()) {
				throw new IllegalArgumentException("Not a shift");
			}
			try {
				shifts.add(new Shift(LocalTime.parse(pad(matcher.group(1))), LocalTime.parse(pad(matcher.group(2)))));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Not a shift", ex);
			}
		}
		return shifts;
	}

	private static String pad(String time) {
		return (time.length() == 4) ? "0" + time : time;
	}

	/** How many sessions the plan makes (0 when the dates are missing or reversed). */
	public long count() {
		if (this.from == null || this.to == null || this.to.isBefore(this.from)) {
			return 0;
		}
		return (ChronoUnit.DAYS.between(this.from, this.to) + 1) * this.shifts.size();
	}

	/**
	 * What is wrong (fields from, to, shifts, timeZone), with keys of the scheduling
	 * bundle; empty when the plan may be created.
	 */
	public List<FieldProblem> problems(int limit) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.from == null) {
			problems.add(FieldProblem.of("from", "scheduling.invalid.required"));
		}
		if (this.to == null) {
			problems.add(FieldProblem.of("to", "scheduling.invalid.required"));
		}
		if (this.from != null && this.to != null && this.to.isBefore(this.from)) {
			problems.add(FieldProblem.of("to", "scheduling.invalid.last-before-first"));
		}
		if (this.shifts.isEmpty()) {
			problems.add(FieldProblem.of("shifts", "scheduling.invalid.shifts"));
		}
		if (this.zone == null) {
			problems.add(FieldProblem.of("timeZone", "scheduling.invalid.required"));
		}
		if (problems.isEmpty() && count() > limit) {
			problems.add(FieldProblem.of("to", "scheduling.invalid.too-many", count(), limit));
		}
		return problems;
	}

	/** The sessions, in time order. */
	public List<Occurrence> occurrences() {
		List<Occurrence> occurrences = new ArrayList<>();
		if (count() == 0 || this.zone == null) {
			return occurrences;
		}
		for (LocalDate day = this.from; !day.isAfter(this.to); day = day.plusDays(1)) {
			for (Shift shift : this.shifts) {
				occurrences.add(Occurrence.of(day, shift.start(), shift.end(), this.zone));
			}
		}
		occurrences.sort(Comparator.comparing(Occurrence::startsAt));
		return occurrences;
	}

}
