package org.tongxing.servicerecord.reports;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The national-fields export's choice: a unit (its subtree; the first the admin manages
 * when none), a period and a format. Without a format, only the form is shown.
 */
public class ExportForm {

	private Long unit;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate to;

	@Pattern(regexp = "xlsx|csv", message = "{servicerecord.reports.export.invalid.format}")
	private String format;

	@AssertTrue(message = "{servicerecord.reports.export.invalid.period}")
	public boolean isPeriodValid() {
		return this.from == null || this.to == null
				|| (!this.from.isAfter(this.to) && !this.to.isAfter(this.from.plusYears(5)));
	}

	public boolean isSubmitted() {
		return this.format != null;
	}

	public Long getUnit() {
		return this.unit;
	}

	public void setUnit(Long unit) {
		this.unit = unit;
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

	public String getFormat() {
		return this.format;
	}

	public void setFormat(String format) {
		this.format = format;
	}

}
