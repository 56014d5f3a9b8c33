package org.tongxing.account;

/**
 * Identifies an account; other modules keep this, never the account itself.
 */
public record AccountId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
