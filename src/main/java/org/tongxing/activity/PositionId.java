package org.tongxing.activity;

/**
 * Identifies a position; other modules keep this.
 */
public record PositionId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
