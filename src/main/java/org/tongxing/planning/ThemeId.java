package org.tongxing.planning;

/**
 * Identifies a theme of the annual plan; other modules keep this.
 */
public record ThemeId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
