package org.tongxing.activity.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tongxing.activity.scheduling.Recurrence.Occurrence;
import org.tongxing.volunteer.FieldProblem;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The dates a recurrence generates, in a table: weekly and monthly rules, the last
 * weekday, months without a 5th weekday, exceptions, ordering, limits and daylight saving
 * changes in a zone abroad.
 */
class RecurrenceTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final LocalTime NINE = LocalTime.of(9, 0);

	static final LocalTime NOON = LocalTime.of(12, 0);

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of("weekly on Monday and Thursday, in order",
						Recurrence.weekly(Set.of(THURSDAY, MONDAY), NINE, NOON, BEIJING, d("2027-03-01"),
								d("2027-03-14"), Set.of()),
						List.of("2027-03-01", "2027-03-04", "2027-03-08", "2027-03-11")),
				Arguments.of("weekly with an exception skipped",
						Recurrence.weekly(Set.of(SATURDAY), NINE, NOON, BEIJING, d("2027-05-01"), d("2027-05-22"),
								Set.of(d("2027-05-08"), d("2027-06-30"))),
						List.of("2027-05-01", "2027-05-15", "2027-05-22")),
				Arguments.of("first and last date included",
						Recurrence.weekly(Set.of(FRIDAY), NINE, NOON, BEIJING, d("2027-01-01"), d("2027-01-15"),
								Set.of()),
						List.of("2027-01-01", "2027-01-08", "2027-01-15")),
				Arguments.of("the 2nd Wednesday of each month",
						Recurrence.monthly(2, WEDNESDAY, NINE, NOON, BEIJING, d("2027-01-01"), d("2027-04-30"),
								Set.of()),
						List.of("2027-01-13", "2027-02-10", "2027-03-10", "2027-04-14")),
				Arguments.of("the last Friday of each month",
						Recurrence.monthly(Recurrence.LAST, FRIDAY, NINE, NOON, BEIJING, d("2027-01-01"),
								d("2027-04-30"), Set.of()),
						List.of("2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30")),
				Arguments.of("a 5th Monday: months without one are skipped",
						Recurrence.monthly(5, MONDAY, NINE, NOON, BEIJING, d("2027-01-01"), d("2027-06-30"), Set.of()),
						List.of("2027-03-29", "2027-05-31")),
				Arguments.of("monthly dates before the first date are left out",
						Recurrence.monthly(1, MONDAY, NINE, NOON, BEIJING, d("2027-01-05"), d("2027-03-31"), Set.of()),
						List.of("2027-02-01", "2027-03-01")),
				Arguments.of(
						"monthly with an exception", Recurrence.monthly(Recurrence.LAST, FRIDAY, NINE, NOON, BEIJING,
								d("2027-01-01"), d("2027-03-31"), Set.of(d("2027-02-26"))),
						List.of("2027-01-29", "2027-03-26")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void generatesTheDates(String name, Recurrence rule, List<String> expected) {
		assertThat(rule.problems()).isEmpty();
		assertThat(rule.occurrences()).extracting((occurrence) -> occurrence.date().toString())
			.containsExactlyElementsOf(expected);
	}

	@Test
	void tenInTheMorningInParisStaysAtTenAcrossTheSpringChange() {
		// the clocks go forward on the last Sunday of March 2027 (the 28th)
		Recurrence rule = Recurrence.monthly(Recurrence.LAST, SUNDAY, LocalTime.of(10, 0), LocalTime.of(12, 0), PARIS,
				d("2027-02-01"), d("2027-04-30"), Set.of());
		List<Occurrence> occurrences = rule.occurrences();
		assertThat(occurrences).extracting(Occurrence::start)
			.containsExactly(LocalDateTime.parse("2027-02-28T10:00"), LocalDateTime.parse("2027-03-28T10:00"),
					LocalDateTime.parse("2027-04-25T10:00"));
		assertThat(occurrences).extracting(Occurrence::startsAt)
			.containsExactly(Instant.parse("2027-02-28T09:00:00Z"), Instant.parse("2027-03-28T08:00:00Z"),
					Instant.parse("2027-04-25T08:00:00Z"));
		assertThat(occurrences).allMatch((occurrence) -> occurrence.minutes() == 120);
	}

	@Test
	void aStartInTheSpringGapMovesForwardAndTheSessionIsAnHourShorter() {
		Recurrence rule = Recurrence.weekly(Set.of(SUNDAY), LocalTime.of(2, 30), LocalTime.of(5, 0), PARIS,
				d("2027-03-21"), d("2027-04-04"), Set.of());
		List<Occurrence> occurrences = rule.occurrences();
		assertThat(occurrences).extracting(Occurrence::start)
			.containsExactly(LocalDateTime.parse("2027-03-21T02:30"), LocalDateTime.parse("2027-03-28T03:30"),
					LocalDateTime.parse("2027-04-04T02:30"));
		assertThat(occurrences).extracting(Occurrence::minutes).containsExactly(150L, 90L, 150L);
	}

	@Test
	void theAutumnChangeMakesANightShiftAnHourLonger() {
		// the clocks go back on the last Sunday of October 2027 (the 31st)
		Recurrence rule = Recurrence.weekly(Set.of(SATURDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), PARIS,
				d("2027-10-30"), d("2027-10-30"), Set.of());
		Occurrence night = rule.occurrences().get(0);
		assertThat(night.end()).isEqualTo(LocalDateTime.parse("2027-10-31T06:00"));
		assertThat(night.minutes()).isEqualTo(9 * 60);
	}

	@Test
	void beijingHasNoChangeSoInstantsAreEightHoursBehind() {
		Occurrence occurrence = Recurrence
			.weekly(Set.of(MONDAY), NINE, NOON, BEIJING, d("2027-03-29"), d("2027-03-29"), Set.of())
			.occurrences()
			.get(0);
		assertThat(occurrence.startsAt()).isEqualTo(Instant.parse("2027-03-29T01:00:00Z"));
	}

	static Stream<Arguments> invalidRules() {
		return Stream.of(
				Arguments.of(
						Recurrence.weekly(Set.of(), NINE, NOON, BEIJING, d("2027-01-01"), d("2027-02-01"), Set.of()),
						"weekdays", "scheduling.invalid.weekdays"),
				Arguments.of(Recurrence.weekly(Set.of(MONDAY), NINE, NOON, BEIJING, d("2027-02-01"), d("2027-01-01"),
						Set.of()), "lastDate", "scheduling.invalid.last-before-first"),
				Arguments.of(Recurrence.weekly(Set.of(MONDAY), NINE, NOON, BEIJING, d("2027-01-01"), d("2029-02-01"),
						Set.of()), "lastDate", "scheduling.invalid.too-long-span"),
				Arguments.of(Recurrence.weekly(Set.of(DayOfWeek.values()), NINE, NOON, BEIJING, d("2027-01-01"),
						d("2028-12-31"), Set.of()), "lastDate", "scheduling.invalid.too-many"),
				Arguments.of(
						Recurrence.monthly(6, MONDAY, NINE, NOON, BEIJING, d("2027-01-01"), d("2027-03-01"), Set.of()),
						"weekOfMonth", "scheduling.invalid.week-of-month"),
				Arguments.of(Recurrence.weekly(Set.of(MONDAY), NINE, NOON, BEIJING, d("2027-03-01"), d("2027-03-01"),
						Set.of(d("2027-03-01"))), "firstDate", "scheduling.invalid.no-dates"),
				Arguments.of(Recurrence.weekly(Set.of(MONDAY), null, NOON, BEIJING, d("2027-03-01"), d("2027-03-08"),
						Set.of()), "startTime", "scheduling.invalid.required"));
	}

	@ParameterizedTest
	@MethodSource("invalidRules")
	void refusesRulesItCannotGenerate(Recurrence rule, String field, String key) {
		assertThat(rule.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
			.contains(org.assertj.core.groups.Tuple.tuple(field, key));
		assertThatIllegalStateException().isThrownBy(rule::occurrences);
	}

	@Test
	void everyDayForTwoYearsIsTooManyButEveryWeekIsFine() {
		Recurrence weekly = Recurrence.weekly(Set.of(MONDAY), NINE, NOON, BEIJING, d("2027-01-01"), d("2028-12-31"),
				Set.of());
		assertThat(weekly.occurrences()).hasSize(104);
	}

	private static LocalDate d(String text) {
		return LocalDate.parse(text);
	}

}
