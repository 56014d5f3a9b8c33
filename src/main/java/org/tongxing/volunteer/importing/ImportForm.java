package org.tongxing.volunteer.importing;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * The upload form: the target unit, the mode, the consent confirmation (the file comes
 * beside it).
 */
class ImportForm {

	@NotNull(message = "{volunteerImport.form.unit.required}")
	private Long unitId;

	@NotNull
	private ImportMode mode = ImportMode.VALID_ROWS;

	@AssertTrue(message = "{volunteerImport.form.consent.required}")
	private boolean consentConfirmed;

	public Long getUnitId() {
		return this.unitId;
	}

	public void setUnitId(Long unitId) {
		this.unitId = unitId;
	}

	public ImportMode getMode() {
		return this.mode;
	}

	public void setMode(ImportMode mode) {
		this.mode = mode;
	}

	public boolean isConsentConfirmed() {
		return this.consentConfirmed;
	}

	public void setConsentConfirmed(boolean consentConfirmed) {
		this.consentConfirmed = consentConfirmed;
	}

}
