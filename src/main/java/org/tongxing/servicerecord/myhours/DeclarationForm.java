package org.tongxing.servicerecord.myhours;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

import org.tongxing.servicerecord.Declaration;

/**
 * Hours served outside the platform: what, when (not in the future: checked against the
 * association's today), where, for which outside organiser, how long (more than 0, at
 * most 24 hours a declaration), what was done, and the evidence file.
 */
class DeclarationForm {

	@NotBlank(message = "{servicerecord.myhours.validation.required}")
	@Size(max = 200, message = "{servicerecord.myhours.validation.too-long}")
	private String activityName;

	@NotNull(message = "{servicerecord.myhours.validation.date-required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate serviceDate;

	@NotBlank(message = "{servicerecord.myhours.validation.required}")
	@Size(max = 500, message = "{servicerecord.myhours.validation.too-long}")
	private String place;

	@NotBlank(message = "{servicerecord.myhours.validation.required}")
	@Size(max = 200, message = "{servicerecord.myhours.validation.too-long}")
	private String organiser;

	@NotNull(message = "{servicerecord.myhours.validation.hours-required}")
	@DecimalMin(value = "0", inclusive = false, message = "{servicerecord.myhours.validation.declared-hours}")
	@DecimalMax(value = "24", message = "{servicerecord.myhours.validation.declared-hours}")
	@Digits(integer = 2, fraction = 2, message = "{servicerecord.myhours.validation.declared-hours}")
	private BigDecimal hours;

	@NotBlank(message = "{servicerecord.myhours.validation.required}")
	@Size(max = 2000, message = "{servicerecord.myhours.validation.too-long}")
	private String description;

	private MultipartFile evidence;

	Declaration toDeclaration() {
		return new Declaration(this.activityName.strip(), this.serviceDate, this.place.strip(), this.organiser.strip(),
				this.hours, this.description.strip());
	}

	public String getActivityName() {
		return this.activityName;
	}

	public void setActivityName(String activityName) {
		this.activityName = activityName;
	}

	public LocalDate getServiceDate() {
		return this.serviceDate;
	}

	public void setServiceDate(LocalDate serviceDate) {
		this.serviceDate = serviceDate;
	}

	public String getPlace() {
		return this.place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getOrganiser() {
		return this.organiser;
	}

	public void setOrganiser(String organiser) {
		this.organiser = organiser;
	}

	public BigDecimal getHours() {
		return this.hours;
	}

	public void setHours(BigDecimal hours) {
		this.hours = hours;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public MultipartFile getEvidence() {
		return this.evidence;
	}

	public void setEvidence(MultipartFile evidence) {
		this.evidence = evidence;
	}

}
