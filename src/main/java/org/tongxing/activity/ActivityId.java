package org.tongxing.activity;

/**
 * Identifies an activity; other modules keep this.
 */
public record ActivityId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
