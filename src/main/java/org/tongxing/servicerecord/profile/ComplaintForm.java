package org.tongxing.servicerecord.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A complaint about a volunteer's service, as an admin records it. */
class ComplaintForm {

	@NotNull(message = "{servicerecord.profile.validation.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate receivedOn;

	@NotBlank(message = "{servicerecord.profile.validation.required}")
	@Size(max = ServiceProfile.TEXT_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String content;

	ServiceProfile.NewComplaint toComplaint() {
		return new ServiceProfile.NewComplaint(this.receivedOn, this.content);
	}

	public LocalDate getReceivedOn() {
		return this.receivedOn;
	}

	public void setReceivedOn(LocalDate receivedOn) {
		this.receivedOn = receivedOn;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

}
