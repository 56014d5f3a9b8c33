package org.tongxing.servicerecord.profile;

import jakarta.validation.constraints.Size;

/**
 * A correction of a complaint: when it came and what it says, the resolution's text once
 * resolved (required then, checked by the service), and the version the admin saw.
 */
class ComplaintEditForm extends ComplaintForm {

	@Size(max = ServiceProfile.TEXT_MAX, message = "{servicerecord.profile.validation.tooLong}")
	private String resolution;

	private int version;

	static ComplaintEditForm of(Complaint complaint) {
		ComplaintEditForm form = new ComplaintEditForm();
		form.setReceivedOn(complaint.receivedOn());
		form.setContent(complaint.content());
		form.resolution = complaint.resolution();
		form.version = complaint.version();
		return form;
	}

	public String getResolution() {
		return this.resolution;
	}

	public void setResolution(String resolution) {
		this.resolution = resolution;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
