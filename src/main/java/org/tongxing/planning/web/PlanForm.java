package org.tongxing.planning.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tongxing.planning.Plans;

/**
 * The fields of the new-plan form (the year) and the edit-plan form (title and summary).
 */
class PlanForm {

	@NotNull(message = "{planning.validation.required}")
	@Min(value = Plans.FIRST_YEAR, message = "{planning.invalid.yearRange}")
	@Max(value = Plans.LAST_YEAR, message = "{planning.invalid.yearRange}")
	private Integer year;

	@NotBlank(message = "{planning.validation.required}")
	@Size(max = 200, message = "{planning.validation.tooLong}")
	private String title;

	@Size(max = 2000, message = "{planning.validation.tooLong}")
	private String summary;

	public Integer getYear() {
		return this.year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

}
