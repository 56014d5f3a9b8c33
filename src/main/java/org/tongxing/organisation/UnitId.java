package org.tongxing.organisation;

/**
 * Identifies a unit; other modules keep this, never the unit itself.
 */
public record UnitId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
