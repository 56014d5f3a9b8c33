package org.tongxing.organisation.web;

import jakarta.validation.constraints.NotNull;

/**
 * The new parent of a unit to move.
 */
class MoveForm {

	@NotNull(message = "{organisation.validation.required}")
	private Long parentId;

	public Long getParentId() {
		return this.parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

}
