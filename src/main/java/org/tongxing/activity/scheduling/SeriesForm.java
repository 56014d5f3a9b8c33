package org.tongxing.activity.scheduling;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A recurring series: the rule, its place, and the positions of every session (chosen
 * templates and/or rows typed here, see {@link PositionRows}).
 */
class SeriesForm {

	private Recurrence.Kind kind = Recurrence.Kind.WEEKLY;

	private Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);

	private Integer weekOfMonth = 1;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime startTime;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime endTime;

	private String timeZone;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate firstDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate lastDate;

	/** Dates to skip, e.g. {@code 2027-05-01, 2027-10-01}. */
	private String exceptions;

	private String title;

	private String address;

	private List<Long> templateIds = new ArrayList<>();

	private List<PositionForm> positions = PositionRows.empty(1);

	/**
	 * The exception dates.
	 * @throws IllegalArgumentException when one is not a date
	 */
	Set<LocalDate> exceptionDates() {
		Set<LocalDate> dates = new LinkedHashSet<>();
		if (this.exceptions == null) {
			return dates;
		}
		for (String part : this.exceptions.split("[,，;；\\s]+")) {
			if (!part.isBlank()) {
				try {
					dates.add(LocalDate.parse(part.strip()));
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException("Not a date", ex);
				}
			}
		}
		return dates;
	}

	/**
	 * The rule; a missing or unknown zone is null here (a problem of the rule).
	 * @throws IllegalArgumentException when an exception is not a date
	 */
	Recurrence recurrence() {
		ZoneId zone;
		try {
			zone = (this.timeZone != null && !this.timeZone.isBlank()) ? ZoneId.of(this.timeZone.strip()) : null;
		}
		catch (DateTimeException ex) {
			zone = null;
		}
		return new Recurrence(this.kind, this.weekdays, (this.weekOfMonth != null) ? this.weekOfMonth : 0,
				this.startTime, this.endTime, zone, this.firstDate, this.lastDate, exceptionDates());
	}

	public Recurrence.Kind getKind() {
		return this.kind;
	}

	public void setKind(Recurrence.Kind kind) {
		this.kind = kind;
	}

	public Set<DayOfWeek> getWeekdays() {
		return this.weekdays;
	}

	public void setWeekdays(Set<DayOfWeek> weekdays) {
		this.weekdays = (weekdays != null) ? weekdays : EnumSet.noneOf(DayOfWeek.class);
	}

	public Integer getWeekOfMonth() {
		return this.weekOfMonth;
	}

	public void setWeekOfMonth(Integer weekOfMonth) {
		this.weekOfMonth = weekOfMonth;
	}

	public LocalTime getStartTime() {
		return this.startTime;
	}

	public void setStartTime(LocalTime startTime) {
		this.startTime = startTime;
	}

	public LocalTime getEndTime() {
		return this.endTime;
	}

	public void setEndTime(LocalTime endTime) {
		this.endTime = endTime;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public LocalDate getFirstDate() {
		return this.firstDate;
	}

	public void setFirstDate(LocalDate firstDate) {
		this.firstDate = firstDate;
	}

	public LocalDate getLastDate() {
		return this.lastDate;
	}

	public void setLastDate(LocalDate lastDate) {
		this.lastDate = lastDate;
	}

	public String getExceptions() {
		return this.exceptions;
	}

	public void setExceptions(String exceptions) {
		this.exceptions = exceptions;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public List<Long> getTemplateIds() {
		return this.templateIds;
	}

	public void setTemplateIds(List<Long> templateIds) {
		this.templateIds = (templateIds != null) ? templateIds : new ArrayList<>();
	}

	public List<PositionForm> getPositions() {
		return this.positions;
	}

	public void setPositions(List<PositionForm> positions) {
		this.positions = (positions != null) ? positions : new ArrayList<>();
	}

}
