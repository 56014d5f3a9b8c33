package org.tongxing.activity;

/**
 * Identifies a sign-up; other modules keep this.
 */
public record SignUpId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
