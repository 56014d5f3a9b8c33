package org.tongxing.servicerecord.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.tongxing.servicerecord.WorkingDays;

/**
 * A year's months as weeks from Monday to Sunday, each day marked as a working day, a
 * weekend, a public holiday or a make-up working day. Pure.
 */
public final class MonthGrid {

	/** How a day counts. */
	public enum Kind {

		WORKDAY, WEEKEND, HOLIDAY, MAKEUP;

		public String key() {
			return "servicerecord.reports.days.kind." + name();
		}

	}

	/** A day of the grid; {@code name} is the exception's name, or null. */
	public record Day(LocalDate date, Kind kind, String name) {

		public boolean isWorking() {
			return this.kind == Kind.WORKDAY || this.kind == Kind.MAKEUP;
		}

	}

	/** A month: weeks of seven cells, null outside the month. */
	public record Month(YearMonth month, List<List<Day>> weeks) {
	}

	private MonthGrid() {
	}

	/** The twelve months of the year. */
	public static List<Month> of(int year, WorkingDays days, Map<LocalDate, String> names) {
		List<Month> months = new ArrayList<>(12);
		for (int m = 1; m <= 12; m++) {
			months.add(month(YearMonth.of(year, m), days, names));
		}
		return months;
	}

	static Month month(YearMonth month, WorkingDays days, Map<LocalDate, String> names) {
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1, null));
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			week.add(new Day(date, kind(date, days), names.get(date)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		return new Month(month, weeks);
	}

	static Kind kind(LocalDate date, WorkingDays days) {
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		boolean working = days.isWorkingDay(date);
		if (weekend) {
			return working ? Kind.MAKEUP : Kind.WEEKEND;
		}
		return working ? Kind.WORKDAY : Kind.HOLIDAY;
	}

}
