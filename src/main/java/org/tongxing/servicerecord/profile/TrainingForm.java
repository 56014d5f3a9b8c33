package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A training an admin records for a volunteer. */
class TrainingForm {

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.NAME_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String name;

	@Size(max = ServiceProfile.TEXT_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String content;

	@NotNull(message = "{servicerecord.profile.validation.required}")
	@DecimalMin(value = "0", message = "{servicerecord.profile.validation.hours}")
	@DecimalMax(value = "1000", message = "{servicerecord.profile.validation.hours}")
	@Digits(integer = 4, fraction = 2, message = "{servicerecord.profile.validation.hours}")
	private BigDecimal hours;

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.NAME_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String organiser;

	@NotNull(message = "{servicerecord.profile.validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate heldOn;

	ServiceProfile.NewTraining toTraining() {
		return new ServiceProfile.NewTraining(this.name, this.content, this.hours, this.organiser, this.heldOn);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public String getOrganiser() {
		return this.organiser;
	}

	public void setOrganiser(String organiser) {
		this.organiser = organiser;
	}

	public LocalDate getHeldOn() {
		return this.heldOn;
	}

	public void setHeldOn(LocalDate heldOn) {
		this.heldOn = heldOn;
	}

}
