package org.tongxing.activity.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.tongxing.volunteer.FieldProblem;

/**
 * A rule that generates session dates: every listed weekday ({@link Kind#WEEKLY}) or the
 * n-th, or last, listed weekday of each month ({@link Kind#MONTHLY_WEEKDAY}), between a
 * first and a last date, at a wall-clock start and end in a zone, skipping exception
 * dates. Pure: no clock, no database.
 *
 * <p>
 * Times are wall-clock in the zone, so a 10:00 session stays at 10:00 across a daylight
 * saving change; a start in the spring gap moves forward by the gap's length (as
 * {@link LocalDateTime#atZone} does). An end not after the start ends on the next day (a
 * night shift). A month without a 5th such weekday has no session.
 *
 * @param weekOfMonth 1..5, or {@link #LAST}; ignored for {@link Kind#WEEKLY}
 */
public record Recurrence(Kind kind, Set<DayOfWeek> weekdays, int weekOfMonth, LocalTime start, LocalTime end,
		ZoneId zone, LocalDate first, LocalDate last, Set<LocalDate> exceptions) {

	/** The week-of-month of "the last Friday". */
	public static final int LAST = -1;

	/** The longest span from first to last date. */
	public static final int MAX_YEARS = 2;

	/** The most sessions one rule may generate. */
	public static final int MAX_OCCURRENCES = 500;

	public enum Kind {

		WEEKLY, MONTHLY_WEEKDAY

	}

	public Recurrence {
		weekdays = (weekdays != null && !weekdays.isEmpty()) ? Set.copyOf(EnumSet.copyOf(weekdays)) : Set.of();
		exceptions = (exceptions != null) ? Set.copyOf(exceptions) : Set.of();
	}

	public static Recurrence weekly(Set<DayOfWeek> weekdays, LocalTime start, LocalTime end, ZoneId zone,
			LocalDate first, LocalDate last, Set<LocalDate> exceptions) {
		return new Recurrence(Kind.WEEKLY, weekdays, 0, start, end, zone, first, last, exceptions);
	}

	public static Recurrence monthly(int weekOfMonth, DayOfWeek weekday, LocalTime start, LocalTime end, ZoneId zone,
			LocalDate first, LocalDate last, Set<LocalDate> exceptions) {
		return new Recurrence(Kind.MONTHLY_WEEKDAY, Set.of(weekday), weekOfMonth, start, end, zone, first, last,
				exceptions);
	}

	/**
	 * What is wrong with the rule, as field problems with keys of the scheduling bundle
	 * (fields: kind, weekdays, weekOfMonth, startTime, endTime, timeZone, firstDate,
	 * lastDate); empty when it can generate.
	 */
	public List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.kind == null) {
			problems.add(FieldProblem.of("kind", "scheduling.invalid.required"));
		}
		if (this.weekdays.isEmpty()) {
			problems.add(FieldProblem.of("weekdays", "scheduling.invalid.weekdays"));
		}
		if (this.kind == Kind.MONTHLY_WEEKDAY
				&& !(this.weekOfMonth == LAST || (this.weekOfMonth >= 1 && this.weekOfMonth <= 5))) {
			problems.add(FieldProblem.of("weekOfMonth", "scheduling.invalid.week-of-month"));
		}
		if (this.start == null) {
			problems.add(FieldProblem.of("startTime", "scheduling.invalid.required"));
		}
		if (this.end == null) {
			problems.add(FieldProblem.of("endTime", "scheduling.invalid.required"));
		}
		if (this.zone == null) {
			problems.add(FieldProblem.of("timeZone", "scheduling.invalid.required"));
		}
		if (this.first == null) {
			problems.add(FieldProblem.of("firstDate", "scheduling.invalid.required"));
		}
		if (this.last == null) {
			problems.add(FieldProblem.of("lastDate", "scheduling.invalid.required"));
		}
		if (this.first != null && this.last != null) {
			if (this.last.isBefore(this.first)) {
				problems.add(FieldProblem.of("lastDate", "scheduling.invalid.last-before-first"));
			}
			else if (this.last.isAfter(this.first.plusYears(MAX_YEARS))) {
				problems.add(FieldProblem.of("lastDate", "scheduling.invalid.too-long-span", MAX_YEARS));
			}
		}
		if (problems.isEmpty()) {
			int count = dates().size();
			if (count == 0) {
				problems.add(FieldProblem.of("firstDate", "scheduling.invalid.no-dates"));
			}
			else if (count > MAX_OCCURRENCES) {
				problems.add(FieldProblem.of("lastDate", "scheduling.invalid.too-many", count, MAX_OCCURRENCES));
			}
		}
		return problems;
	}

	/**
	 * The sessions the rule generates, in time order.
	 * @throws IllegalStateException when the rule has {@link #problems()}
	 */
	public List<Occurrence> occurrences() {
		List<FieldProblem> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Recurrence has problems: " + problems);
		}
		List<Occurrence> occurrences = new ArrayList<>();
		for (LocalDate date : dates()) {
			occurrences.add(Occurrence.of(date, this.start, this.end, this.zone));
		}
		occurrences.sort(Comparator.comparing(Occurrence::startsAt));
		return occurrences;
	}

	/** The generated dates without exceptions, in order (no limit check). */
	private List<LocalDate> dates() {
		TreeSet<LocalDate> dates = new TreeSet<>();
		if (this.kind == Kind.WEEKLY) {
			// bounded by the span check: at most ~731 days
			for (LocalDate day = this.first; !day.isAfter(this.last); day = day.plusDays(1)) {
				if (this.weekdays.contains(day.getDayOfWeek())) {
					dates.add(day);
				}
			}
		}
		else {
			for (YearMonth month = YearMonth.from(this.first); !month.isAfter(YearMonth.from(this.last)); month = month
				.plusMonths(1)) {
				for (DayOfWeek weekday : this.weekdays) {
					LocalDate day = nth(month, weekday, this.weekOfMonth);
					if (day != null && !day.isBefore(this.first) && !day.isAfter(this.last)) {
						dates.add(day);
					}
				}
			}
		}
		dates.removeAll(this.exceptions);
		return List.copyOf(dates);
	}

	/** The n-th (or last) weekday of the month, or null when the month has no such. */
	static LocalDate nth(YearMonth month, DayOfWeek weekday, int n) {
		if (n == LAST) {
			return month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday));
		}
		LocalDate day = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
		return YearMonth.from(day).equals(month) ? day : null;
	}

	/**
	 * One generated session: its date, its wall-clock start and end in the zone (after
	 * resolving a daylight saving gap) and the instants they name.
	 */
	public record Occurrence(LocalDate date, LocalDateTime start, LocalDateTime end, Instant startsAt, Instant endsAt) {

		/**
		 * A session on the day from start to end (the next day when end is not after
		 * start).
		 */
		public static Occurrence of(LocalDate date, LocalTime start, LocalTime end, ZoneId zone) {
			LocalDateTime from = date.atTime(start);
			LocalDateTime to = (end.isAfter(start) ? date : date.plusDays(1)).atTime(end);
			Instant startsAt = from.atZone(zone).toInstant();
			Instant endsAt = to.atZone(zone).toInstant();
			return new Occurrence(date, startsAt.atZone(zone).toLocalDateTime(), endsAt.atZone(zone).toLocalDateTime(),
					startsAt, endsAt);
		}

		public long minutes() {
			return ChronoUnit.MINUTES.between(this.startsAt, this.endsAt);
		}

	}

}
