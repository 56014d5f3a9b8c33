package org.tongxing.planning.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.ThemeView;

/**
 * The fields of the add-theme and edit-theme forms (the level only when adding).
 */
class ThemeForm {

	@NotNull(message = "{planning.validation.required}")
	private PlanLevel level;

	@NotBlank(message = "{planning.validation.required}")
	@Size(max = 100, message = "{planning.validation.tooLong}")
	private String name;

	@Size(max = 2000, message = "{planning.validation.tooLong}")
	private String description;

	static ThemeForm of(ThemeView theme) {
		ThemeForm form = new ThemeForm();
		form.level = theme.level();
		form.name = theme.name();
		form.description = theme.description();
		return form;
	}

	public PlanLevel getLevel() {
		return this.level;
	}

	public void setLevel(PlanLevel level) {
		this.level = level;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
