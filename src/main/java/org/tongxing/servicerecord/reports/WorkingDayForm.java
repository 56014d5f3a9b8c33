package org.tongxing.servicerecord.reports;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A day that differs from Monday to Friday: a holiday or a make-up working day. */
public class WorkingDayForm {

	@NotNull(message = "{servicerecord.reports.days.invalid.day}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate day;

	private boolean working;

	@NotBlank(message = "{servicerecord.reports.days.invalid.name}")
	@Size(max = 100, message = "{servicerecord.reports.days.invalid.name-long}")
	private String name;

	public LocalDate getDay() {
		return this.day;
	}

	public void setDay(LocalDate day) {
		this.day = day;
	}

	public boolean isWorking() {
		return this.working;
	}

	public void setWorking(boolean working) {
		this.working = working;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

}
