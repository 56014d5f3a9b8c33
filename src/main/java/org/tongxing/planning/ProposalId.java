package org.tongxing.planning;

/**
 * Identifies a proposal of the annual plan; other modules keep this.
 */
public record ProposalId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
