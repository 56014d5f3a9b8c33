package org.tongxing.account.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class ApiTokenForm {

	@NotBlank(message = "{account.validation.required}")
	@Size(max = 100, message = "{account.validation.tooLong}")
	private String name;

	@NotNull(message = "{account.validation.required}")
	@Min(value = 1, message = "{account.tokens.validity.range}")
	@Max(value = 365, message = "{account.tokens.validity.range}")
	private Integer days = 90;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getDays() {
		return this.days;
	}

	public void setDays(Integer days) {
		this.days = days;
	}

}
