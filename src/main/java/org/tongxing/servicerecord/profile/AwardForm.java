package org.tongxing.servicerecord.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * An award an admin records for a volunteer; a government award needs its proof (checked
 * by the service, which also sniffs the file).
 */
class AwardForm {

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.NAME_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String name;

	@NotNull(message = "{servicerecord.profile.validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate awardedOn;

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.NAME_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String awardingBody;

	private boolean government;

	private MultipartFile proof;

	ServiceProfile.NewAward toAward() {
		return new ServiceProfile.NewAward(this.name, this.awardedOn, this.awardingBody, this.government);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public LocalDate getAwardedOn() {
		return this.awardedOn;
	}

	public void setAwardedOn(LocalDate awardedOn) {
		this.awardedOn = awardedOn;
	}

	public String getAwardingBody() {
		return this.awardingBody;
	}

	public void setAwardingBody(String awardingBody) {
		this.awardingBody = awardingBody;
	}

	public boolean isGovernment() {
		return this.government;
	}

	public void setGovernment(boolean government) {
		this.government = government;
	}

	public MultipartFile getProof() {
		return this.proof;
	}

	public void setProof(MultipartFile proof) {
		this.proof = proof;
	}

}
