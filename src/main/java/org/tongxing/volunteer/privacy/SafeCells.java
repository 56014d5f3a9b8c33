package org.tongxing.volunteer.privacy;

import java.time.temporal.TemporalAccessor;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

/**
 * Spreadsheet cells that cannot run formulas (CSV/formula injection): a text that starts
 * with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return, which
 * some spreadsheet programs strip before looking) gets a leading apostrophe, so a
 * spreadsheet shows it as text however the file is opened or re-saved. Numbers are
 * written as numbers and are never escaped. Use it for every exported cell that holds
 * text someone typed.
 */
public final class SafeCells {

	private SafeCells() {
	}

	/** The text as it is safe to put into a cell; {@code null} stays {@code null}. */
	public static String escape(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + text;
		}
		return text;
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
			cell.setCellValue(escape(value.toString()));
		}
		return cell;
	}

}
