package org.tongxing.servicerecord.records;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tongxing.servicerecord.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How late an overdue record is counts working days after its last day: weekends and
 * holidays do not count, a make-up working day does.
 */
class RecordsQueueTest {

	// 2026-10-01 (Thu) to 10-07 holidays, Saturday 10-10 a make-up working day
	static final WorkingDays DAYS = new WorkingDays(Map.of(LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2),
			false, LocalDate.of(2026, 10, 5), false, LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false,
			LocalDate.of(2026, 10, 10), true));

	@Test
	void notLateOnTheLastDayItself() {
		assertThat(RecordsQueue.workingDaysLate(DAYS, LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 28))).isZero();
	}

	@Test
	void weekendsAreNotCounted() {
		// due Friday: Saturday and Sunday do not count, Monday does
		assertThat(RecordsQueue.workingDaysLate(DAYS, LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 21))).isOne();
	}

	@Test
	void holidaysAreNotCountedAndAMakeUpDayIs() {
		// due Wed 09-30: 10-01..10-07 holidays, Sat/Sun 10-03/04 weekend, 10-08 and 10-09
		// working, 10-10 make-up
		assertThat(RecordsQueue.workingDaysLate(DAYS, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
		assertThat(RecordsQueue.workingDaysLate(DAYS, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)))
			.isEqualTo(3);
	}

}
