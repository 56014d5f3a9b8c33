package org.tongxing.planning.web;

import jakarta.validation.constraints.Size;

import org.tongxing.planning.Proposals;

/**
 * The coordinator's comment on approving or rejecting a proposal (required to reject; the
 * service checks that).
 */
class DecisionForm {

	@Size(max = Proposals.COMMENT_LENGTH, message = "{planning.validation.tooLong}")
	private String comment;

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

}
