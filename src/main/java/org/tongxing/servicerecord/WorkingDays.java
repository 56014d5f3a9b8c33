package org.tongxing.servicerecord;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The working-day calendar: Monday to Friday, except public holidays, plus make-up
 * working days on a weekend, as the State Council announces them each year (kept in the
 * database, editable per year by coordinators).
 */
public final class WorkingDays {

	private final Map<LocalDate, Boolean> exceptions;

	/**
	 * Days that differ from Monday to Friday: true for a make-up working day, false for a
	 * holiday.
	 */
	public WorkingDays(Map<LocalDate, Boolean> exceptions) {
		this.exceptions = Map.copyOf(exceptions);
	}

	public boolean isWorkingDay(LocalDate day) {
		Boolean exception = this.exceptions.get(day);
		if (exception != null) {
			return exception;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The {@code count}-th working day after {@code day} (not counting the day itself):
	 * the last day to confirm a record of a session that ended on {@code day}.
	 */
	public LocalDate plusWorkingDays(LocalDate day, int count) {
		LocalDate result = day;
		int left = count;
		while (left > 0) {
			result = result.plusDays(1);
			if (isWorkingDay(result)) {
				left--;
			}
		}
		return result;
	}

}
