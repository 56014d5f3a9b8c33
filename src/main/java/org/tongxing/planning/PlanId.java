package org.tongxing.planning;

/**
 * Identifies a plan of the annual plan; other modules keep this.
 */
public record PlanId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
