package org.tongxing.servicerecord;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 10-working-day deadline on the 2026 calendar: weekends, public holidays and the
 * make-up working days the State Council set (the same days V15 inserts).
 */
class WorkingDaysTest {

	static final WorkingDays CALENDAR_2026 = new WorkingDays(Map.ofEntries(Map.entry(LocalDate.of(2026, 9, 20), true),
			Map.entry(LocalDate.of(2026, 9, 25), false), Map.entry(LocalDate.of(2026, 9, 26), false),
			Map.entry(LocalDate.of(2026, 9, 27), false), Map.entry(LocalDate.of(2026, 10, 1), false),
			Map.entry(LocalDate.of(2026, 10, 2), false), Map.entry(LocalDate.of(2026, 10, 3), false),
			Map.entry(LocalDate.of(2026, 10, 4), false), Map.entry(LocalDate.of(2026, 10, 5), false),
			Map.entry(LocalDate.of(2026, 10, 6), false), Map.entry(LocalDate.of(2026, 10, 7), false),
			Map.entry(LocalDate.of(2026, 10, 10), true), Map.entry(LocalDate.of(2026, 2, 14), true),
			Map.entry(LocalDate.of(2026, 2, 15), false), Map.entry(LocalDate.of(2026, 2, 16), false),
			Map.entry(LocalDate.of(2026, 2, 17), false), Map.entry(LocalDate.of(2026, 2, 18), false),
			Map.entry(LocalDate.of(2026, 2, 19), false), Map.entry(LocalDate.of(2026, 2, 20), false),
			Map.entry(LocalDate.of(2026, 2, 21), false), Map.entry(LocalDate.of(2026, 2, 22), false),
			Map.entry(LocalDate.of(2026, 2, 23), false), Map.entry(LocalDate.of(2026, 2, 28), true)));

	@ParameterizedTest(name = "a session ending {0} is due {1}")
	@CsvSource({
			// an ordinary fortnight: Monday → the Monday two weeks later
			"2026-11-02, 2026-11-16",
			// ending on a Saturday: the count starts on Monday
			"2026-11-07, 2026-11-20",
			// Mid-Autumn 25-27 Sep and National Day 1-7 Oct off, Sat 10 Oct worked: 28-30
			// Sep, 8-10, 12-15 Oct
			"2026-09-24, 2026-10-15",
			// ending on the make-up Sunday 20 Sep: 21-24, 28-30 Sep, 8, 9, 10 Oct
			"2026-09-20, 2026-10-10",
			// Spring Festival 15-23 Feb off, Sat 14 Feb and Sat 28 Feb worked: 13, 14,
			// 24-28 Feb, 2-4 Mar
			"2026-02-12, 2026-03-04", "2026-02-13, 2026-03-05", })
	void theDeadlineIsTheTenthWorkingDayAfter(LocalDate ended, LocalDate due) {
		assertThat(CALENDAR_2026.plusWorkingDays(ended, 10)).isEqualTo(due);
	}

	@ParameterizedTest(name = "{0} working: {1}")
	@CsvSource({ "2026-10-10, true", "2026-10-11, false", "2026-10-05, false", "2026-10-09, true", "2026-02-14, true",
			"2026-11-28, false", "2026-11-30, true" })
	void holidaysAndMakeUpDaysOverrideTheWeek(LocalDate day, boolean working) {
		assertThat(CALENDAR_2026.isWorkingDay(day)).isEqualTo(working);
	}

}
