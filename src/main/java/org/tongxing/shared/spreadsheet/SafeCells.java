package org.tongxing.shared.spreadsheet;

import java.time.temporal.TemporalAccessor;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * Neutralises spreadsheet formula injection in exported text: a value that a spreadsheet
 * program could read as a formula (it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, or a tab or carriage return that some programs skip before such a character)
 * gets a leading single quote, so that it is shown as text even when the file is saved
 * again as CSV or pasted elsewhere. Every text cell of an export (xlsx or CSV) goes
 * through {@link #text(String)} or {@link #write}.
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

	/**
	 * Writes a value into a new cell of the row: numbers as numbers, everything else as
	 * escaped text ({@code null} leaves the cell empty).
	 */
	public static Cell write(Row row, int column, Object value) {
		Cell cell = row.createCell(column);
		if (value == null) {
			return cell;
		}
		if (value instanceof Number number && !(value instanceof java.math.BigDecimal)) {
			cell.setCellValue(number.doubleValue());
		}
		else if (value instanceof Boolean bool) {
			cell.setCellValue(bool);
		}
		else if (value instanceof TemporalAccessor) {
			cell.setCellValue(value.toString());
		}
		else {
			cell.setCellValue(text(value.toString()));
		}
		return cell;
	}

}
