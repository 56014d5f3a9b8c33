package org.tongxing.servicerecord.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.tongxing.shared.spreadsheet.SafeCells;

/**
 * Writes tables as xlsx (streamed) and CSV (UTF-8 with a byte order mark, so that Excel
 * reads the Chinese right). Every text cell goes through {@link SafeCells}; numbers
 * ({@link BigDecimal} included) are written as numbers.
 */
final class Sheets {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String CSV = "text/csv;charset=UTF-8";

	private static final int ROW_WINDOW = 200;

	/** One sheet of a workbook: a name, a header row and the rows. */
	record Table(String name, List<String> headers, List<List<Object>> rows) {
	}

	private Sheets() {
	}

	static void xlsx(List<Table> tables, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
		try {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(table.name());
				Row header = sheet.createRow(0);
				for (int i = 0; i < table.headers().size(); i++) {
					SafeCells.write(header, i, table.headers().get(i)).setCellStyle(bold);
				}
				sheet.createFreezePane(0, 1);
				int index = 0;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(++index);
					for (int i = 0; i < values.size(); i++) {
						write(row, i, values.get(i));
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	private static void write(Row row, int column, Object value) {
		if (value instanceof BigDecimal number) {
			Cell cell = row.createCell(column);
			cell.setCellValue(number.doubleValue());
		}
		else {
			SafeCells.write(row, column, value);
		}
	}

	static void csv(List<String> headers, List<List<Object>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
		printer.printRecord(headers.stream().map(SafeCells::text).toList());
		for (List<Object> values : rows) {
			List<String> cells = new ArrayList<>(values.size());
			for (Object value : values) {
				cells.add(text(value));
			}
			printer.printRecord(cells);
		}
		printer.flush();
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		return SafeCells.text(value.toString());
	}

}
