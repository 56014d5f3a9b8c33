package org.tongxing.activity;

/**
 * Identifies a session; other modules keep this.
 */
public record SessionId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
