package org.tongxing.servicerecord.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tongxing.servicerecord.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;

/** The month grid of the working-day calendar. */
class MonthGridTest {

	final WorkingDays days = new WorkingDays(
			Map.of(LocalDate.of(2026, 1, 1), false, LocalDate.of(2026, 1, 2), false, LocalDate.of(2026, 1, 4), true));

	@Test
	void weeksStartOnMondayAndDaysAreMarked() {
		MonthGrid.Month january = MonthGrid.month(YearMonth.of(2026, 1), this.days,
				Map.of(LocalDate.of(2026, 1, 1), "元旦"));
		// 1 January 2026 is a Thursday
		assertThat(january.weeks().get(0)).hasSize(7).startsWith(null, null, null);
		MonthGrid.Day first = january.weeks().get(0).get(3);
		assertThat(first.date()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(first.kind()).isEqualTo(MonthGrid.Kind.HOLIDAY);
		assertThat(first.name()).isEqualTo("元旦");
		assertThat(january.weeks().get(0).get(5).kind()).isEqualTo(MonthGrid.Kind.WEEKEND);
		assertThat(january.weeks().get(0).get(6).kind()).isEqualTo(MonthGrid.Kind.MAKEUP);
		assertThat(january.weeks().get(1).get(0).kind()).isEqualTo(MonthGrid.Kind.WORKDAY);
		assertThat(january.weeks()).allSatisfy((week) -> assertThat(week).hasSize(7));
		assertThat(january.weeks().stream().flatMap(java.util.List::stream).filter(java.util.Objects::nonNull))
			.hasSize(31);
		assertThat(MonthGrid.of(2026, this.days, Map.of())).hasSize(12);
	}

}
