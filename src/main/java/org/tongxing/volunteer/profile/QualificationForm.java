package org.tongxing.volunteer.profile;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * A qualification a volunteer adds or changes, with its proof (required when it is new).
 */
class QualificationForm {

	@NotNull(message = "{profile.qualification.type.required}")
	private Long typeId;

	@Size(max = Qualifications.CERTIFICATE_MAX, message = "{profile.validation.tooLong}")
	private String certificateNumber;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate expiresOn;

	private MultipartFile proof;

	static QualificationForm of(QualificationEntry entry) {
		QualificationForm form = new QualificationForm();
		form.typeId = entry.typeId();
		form.certificateNumber = entry.certificateNumber();
		form.expiresOn = entry.expiresOn();
		return form;
	}

	public Long getTypeId() {
		return this.typeId;
	}

	public void setTypeId(Long typeId) {
		this.typeId = typeId;
	}

	public String getCertificateNumber() {
		return this.certificateNumber;
	}

	public void setCertificateNumber(String certificateNumber) {
		this.certificateNumber = certificateNumber;
	}

	public LocalDate getExpiresOn() {
		return this.expiresOn;
	}

	public void setExpiresOn(LocalDate expiresOn) {
		this.expiresOn = expiresOn;
	}

	public MultipartFile getProof() {
		return this.proof;
	}

	public void setProof(MultipartFile proof) {
		this.proof = proof;
	}

}
