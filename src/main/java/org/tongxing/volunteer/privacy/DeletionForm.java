package org.tongxing.volunteer.privacy;

import jakarta.validation.constraints.AssertTrue;

/**
 * The deletion request: the volunteer confirms they understood what happens.
 */
class DeletionForm {

	@AssertTrue(message = "{privacy.deletion.confirm.required}")
	private boolean understood;

	public boolean isUnderstood() {
		return this.understood;
	}

	public void setUnderstood(boolean understood) {
		this.understood = understood;
	}

}
