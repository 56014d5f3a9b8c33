package org.tongxing.planning.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tongxing.planning.Plans;

/**
 * The copy-plan form: the year to copy into and, optionally, the new plan's title.
 */
class CopyForm {

	@NotNull(message = "{planning.validation.required}")
	@Min(value = Plans.FIRST_YEAR, message = "{planning.invalid.yearRange}")
	@Max(value = Plans.LAST_YEAR, message = "{planning.invalid.yearRange}")
	private Integer targetYear;

	@Size(max = 200, message = "{planning.validation.tooLong}")
	private String newTitle;

	public Integer getTargetYear() {
		return this.targetYear;
	}

	public void setTargetYear(Integer targetYear) {
		this.targetYear = targetYear;
	}

	public String getNewTitle() {
		return this.newTitle;
	}

	public void setNewTitle(String newTitle) {
		this.newTitle = newTitle;
	}

}
