package org.tongxing.servicerecord.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How an admin resolves an open complaint: upheld or dismissed, and why. */
class ResolutionForm {

	@NotNull(message = "{servicerecord.profile.validation.outcome}")
	private ComplaintStatus outcome;

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.TEXT_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String resolution;

	public ComplaintStatus getOutcome() {
		return this.outcome;
	}

	public void setOutcome(ComplaintStatus outcome) {
		this.outcome = outcome;
	}

	public String getResolution() {
		return this.resolution;
	}

	public void setResolution(String resolution) {
		this.resolution = resolution;
	}

}
