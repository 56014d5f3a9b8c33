package org.tongxing.activity.scheduling;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A mega-event's shifts: a date range, the daily shifts as text
 * ({@code 08:00-12:00, 12:00-16:00}), the zone and the template whose position every
 * shift gets.
 */
class ShiftsForm {

	static final String DEFAULT_SHIFTS = "08:00-12:00, 12:00-16:00, 16:00-20:00";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	private String shifts = DEFAULT_SHIFTS;

	private String timeZone;

	private Long templateId;

	/**
	 * The plan.
	 * @throws IllegalArgumentException when the shifts are not written as times
	 */
	ShiftPlan plan() {
		ZoneId zone;
		try {
			zone = (this.timeZone != null && !this.timeZone.isBlank()) ? ZoneId.of(this.timeZone.strip()) : null;
		}
		catch (DateTimeException ex) {
			zone = null;
		}
		return new ShiftPlan(this.from, this.to, ShiftPlan.parseShifts(this.shifts), zone);
	}

	public LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return this.to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public String getShifts() {
		return this.shifts;
	}

	public void setShifts(String shifts) {
		this.shifts = shifts;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Long getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(Long templateId) {
		this.templateId = templateId;
	}

}
