package org.tongxing.volunteer.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.shared.spreadsheet.SafeCells;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.domain.IdNumbers;

/**
 * The files of the import pages: the template (xlsx with a notes sheet, and CSV) in the
 * reader's language, and a job's error report (xlsx, written streaming, and CSV; row,
 * column, message in the reader's language). CSV is UTF-8 with a BOM so that Excel reads
 * the Chinese right. Every cell goes through {@link SafeCells#text}.
 */
@Component
class ImportReports {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** The columns of the template, in order. */
	static final List<ImportColumn> TEMPLATE_COLUMNS = List.of(ImportColumn.values());

	private final ImportJobs jobs;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	ImportReports(ImportJobs jobs, MessageSource messages, JdbcClient jdbc) {
		this.jobs = jobs;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	String templateName(Locale locale) {
		return message("volunteerImport.template.fileName", locale);
	}

	void errorsCsv(ImportJob job, Locale locale, OutputStream out) throws IOException {
		out.write(BOM);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			csv.printRecord(reportHeaders(locale));
			for (List<String> line : failureLines(job, locale)) {
				csv.printRecord(line.stream().map(SafeCells::text).toList());
			}
			IOException[] failure = new IOException[1];
			this.jobs.errors(job.id(), (error) -> {
				if (failure[0] == null) {
					try {
						csv.printRecord(reportLine(error, locale).stream().map(SafeCells::text).toList());
					}
					catch (IOException ex) {
						failure[0] = ex;
					}
				}
			});
			if (failure[0] != null) {
				throw failure[0];
			}
		}
	}

	void errorsXlsx(ImportJob job, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try {
			SXSSFSheet sheet = workbook.createSheet(message("volunteerImport.report.sheet", locale));
			CellStyle bold = bold(workbook);
			int[] rowIndex = { 0 };
			write(sheet, rowIndex[0]++, reportHeaders(locale), bold);
			for (List<String> line : failureLines(job, locale)) {
				write(sheet, rowIndex[0]++, line, null);
			}
			this.jobs.errors(job.id(), (error) -> write(sheet, rowIndex[0]++, reportLine(error, locale), null));
			sheet.setColumnWidth(0, 10 * 256);
			sheet.setColumnWidth(1, 20 * 256);
			sheet.setColumnWidth(2, 80 * 256);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private List<String> reportHeaders(Locale locale) {
		return List.of(message("volunteerImport.report.row", locale), message("volunteerImport.report.column", locale),
				message("volunteerImport.report.message", locale));
	}

	/** A failure of the whole file comes first, without a row. */
	private List<List<String>> failureLines(ImportJob job, Locale locale) {
		if (job.failureKey() == null) {
			return List.of();
		}
		return List.of(List.of("", "",
				this.messages.getMessage(job.failureKey(), job.failureArgs().toArray(), job.failureKey(), locale)));
	}

	private List<String> reportLine(ImportJobs.RowError error, Locale locale) {
		return List.of(String.valueOf(error.rowNumber()), (error.column() != null) ? error.column() : "",
				this.messages.getMessage(error.messageKey(), error.arguments().toArray(), error.messageKey(), locale));
	}

	void templateCsv(Locale locale, OutputStream out) throws IOException {
		out.write(BOM);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			csv.printRecord(headers(locale));
			csv.printRecord(example(locale).stream().map(SafeCells::text).toList());
		}
	}

	void templateXlsx(Locale locale, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle text = workbook.createCellStyle();
			// text cells: Excel must not turn 18-digit ID numbers and phones into numbers
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle bold = bold(workbook);
			bold.setDataFormat(text.getDataFormat());
			Sheet sheet = workbook.createSheet(message("volunteerImport.template.sheet", locale));
			List<String> headers = headers(locale);
			for (int i = 0; i < headers.size(); i++) {
				sheet.setDefaultColumnStyle(i, text);
				sheet.setColumnWidth(i, Math.max(12, headers.get(i).length() * 2 + 4) * 256);
			}
			sheet.setColumnWidth(TEMPLATE_COLUMNS.indexOf(ImportColumn.ID_NUMBER), 22 * 256);
			sheet.setColumnWidth(TEMPLATE_COLUMNS.indexOf(ImportColumn.EMAIL), 26 * 256);
			write(sheet, 0, headers, bold);
			write(sheet, 1, example(locale), text);
			sheet.createFreezePane(0, 1);
			Sheet notes = workbook.createSheet(message("volunteerImport.template.notesSheet", locale));
			int row = 0;
			for (String line : notes(locale)) {
				write(notes, row++, List.of(line), null);
			}
			notes.setColumnWidth(0, 120 * 256);
			workbook.write(out);
		}
	}

	/** The lines of the notes sheet: the formats, then the labels each column takes. */
	List<String> notes(Locale locale) {
		List<String> lines = new ArrayList<>();
		lines.add(message("volunteerImport.template.note.title", locale));
		for (int i = 1; i <= 9; i++) {
			lines.add(message("volunteerImport.template.note." + i, locale));
		}
		lines.add("");
		lines.add(labels(locale, "volunteerImport.template.note.sexes", Sex.values(), "volunteer.sex."));
		lines.add(labels(locale, "volunteerImport.template.note.idTypes", IdType.values(), "volunteer.idType."));
		boolean english = isEnglish(locale);
		List<String> skills = this.jdbc.sql("select name, name_en, code from skill where active order by id")
			.query((rs, n) -> english && rs.getString("name_en") != null ? rs.getString("name_en")
					: rs.getString("name"))
			.list();
		lines.add(message("volunteerImport.template.note.skills", locale) + String.join(separator(locale), skills));
		lines.add(codes(locale, "volunteerImport.template.note.languages", VolunteerCatalogue.LANGUAGES,
				"volunteer.language."));
		lines.add(codes(locale, "volunteerImport.template.note.categories", VolunteerCatalogue.SERVICE_CATEGORIES,
				"volunteer.category."));
		lines.add(codes(locale, "volunteerImport.template.note.availability", VolunteerCatalogue.AVAILABILITY,
				"volunteer.availability."));
		return lines.stream().map(SafeCells::text).toList();
	}

	private String labels(Locale locale, String key, Enum<?>[] values, String prefix) {
		List<String> labels = new ArrayList<>();
		for (Enum<?> value : values) {
			labels.add(message(prefix + value.name(), locale));
		}
		return message(key, locale) + String.join(separator(locale), labels);
	}

	private String codes(Locale locale, String key, List<String> codes, String prefix) {
		return message(key, locale)
				+ String.join(separator(locale), codes.stream().map((code) -> message(prefix + code, locale)).toList());
	}

	private static String separator(Locale locale) {
		return isEnglish(locale) ? ", " : "、";
	}

	List<String> headers(Locale locale) {
		boolean english = isEnglish(locale);
		return TEMPLATE_COLUMNS.stream()
			.map((column) -> column.header(english) + (column.required ? "*" : ""))
			.toList();
	}

	/** An example row that passes every rule (its ID number has a right check digit). */
	private List<String> example(Locale locale) {
		boolean english = isEnglish(locale);
		LocalDate birthDate = LocalDate.of(1995, 6, 15);
		String first17 = "110101" + "19950615" + "123";
		List<String> cells = new ArrayList<>();
		for (ImportColumn column : TEMPLATE_COLUMNS) {
			cells.add(switch (column) {
				case NAME -> english ? "Zhang San" : "张三";
				case SEX -> message("volunteer.sex.MALE", locale);
				case BIRTH_DATE -> birthDate.toString();
				case ID_TYPE -> message("volunteer.idType.RESIDENT_ID", locale);
				case ID_NUMBER -> first17 + IdNumbers.checkDigit(first17);
				case PHONE -> "13800138000";
				case EMAIL -> "zhangsan@example.com";
				case RESIDENTIAL_AREA -> english ? "Chaoyang, Beijing" : "北京市朝阳区";
				case SKILLS -> english ? "First aid:2;Law:1" : "急救:2;法律:1";
				case LANGUAGES -> message("volunteer.language.en", locale) + ":3";
				case SERVICE_CATEGORIES -> message("volunteer.category.emergency", locale) + ";"
						+ message("volunteer.category.legal-aid", locale);
				case AVAILABILITY -> message("volunteer.availability.weekend", locale);
				default -> "";
			});
		}
		return cells;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	private static CellStyle bold(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		return style;
	}

	private static void write(Sheet sheet, int rowIndex, List<String> values, CellStyle style) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < values.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(SafeCells.text(values.get(i)));
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

}
