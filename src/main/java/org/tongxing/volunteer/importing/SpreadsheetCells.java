package org.tongxing.volunteer.importing;

/**
 * Makes text safe to put into a cell of an exported spreadsheet (xlsx or CSV): a value
 * that begins with {@code =}, {@code +}, {@code -} or {@code @} (or with a tab or
 * carriage return, which some programs skip before reading a formula) would be read by
 * Excel or WPS as a formula, so it gets a leading apostrophe and is shown as text (OWASP
 * "CSV injection"). Every export of the volunteer module puts its cells through
 * {@link #safe(String)}.
 */
public final class SpreadsheetCells {

	private SpreadsheetCells() {
	}

	/**
	 * The text, prefixed with {@code '} when it could start a formula; {@code null}
	 * stays.
	 */
	public static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + text;
		}
		return text;
	}

}
