package org.tongxing.volunteer.registry;

/**
 * Neutralises spreadsheet formula injection in exported text: a value that a spreadsheet
 * program could read as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, or a tab or carriage return that some programs skip before such a character)
 * gets a leading single quote, so that it is shown as text even when the file is saved
 * again as CSV or pasted elsewhere. Every text cell of an export goes through
 * {@link #text(String)}.
 */
public final class SafeCells {

	private SafeCells() {
	}

	/** The value, prefixed with {@code '} when it could start a formula. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return isDangerous(value.charAt(0)) ? "'" + value : value;
	}

	private static boolean isDangerous(char first) {
		return switch (first) {
			case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
			default -> false;
		};
	}

}
