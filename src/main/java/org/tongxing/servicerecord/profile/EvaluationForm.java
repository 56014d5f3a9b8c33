package org.tongxing.servicerecord.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** An evaluation an admin records for a volunteer. */
class EvaluationForm {

	@NotNull(message = "{servicerecord.profile.validation.rating}")
	private Rating rating;

	@NotNull(message = "{servicerecord.profile.validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate evaluatedOn;

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.NAME_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String evaluator;

	@Size(max = ServiceProfile.TEXT_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String comment;

	ServiceProfile.NewEvaluation toEvaluation() {
		return new ServiceProfile.NewEvaluation(this.rating, this.evaluatedOn, this.evaluator, this.comment);
	}

	public Rating getRating() {
		return this.rating;
	}

	public void setRating(Rating rating) {
		this.rating = rating;
	}

	public LocalDate getEvaluatedOn() {
		return this.evaluatedOn;
	}

	public void setEvaluatedOn(LocalDate evaluatedOn) {
		this.evaluatedOn = evaluatedOn;
	}

	public String getEvaluator() {
		return this.evaluator;
	}

	public void setEvaluator(String evaluator) {
		this.evaluator = evaluator;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

}
