package org.tongxing.volunteer.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.tongxing.volunteer.VolunteerFixture;

/**
 * Small import files made in the tests: rows of cells written as CSV (any charset, with
 * or without BOM) or xlsx, and a zip bomb.
 */
final class ImportFiles {

	static final List<String> HEADERS = List.of("姓名", "性别", "出生日期", "证件类型", "证件号码", "手机号码", "电子邮箱", "技能", "语言", "服务类别");

	private ImportFiles() {
	}

	/** A valid row for {@link #HEADERS}: unique ID number and email. */
	static List<String> validRow(String name) {
		LocalDate birthDate = LocalDate.of(1992, 3, 4).plusDays(name.hashCode() & 0xFFF);
		return new ArrayList<>(List.of(name, "女", birthDate.toString(), "居民身份证", VolunteerFixture.residentId(birthDate),
				"139" + String.format("%08d", (long) (Math.random() * 100_000_000)), VolunteerFixture.email("imp"),
				"急救:2;法律:1", "英语:3", "应急救援"));
	}

	static byte[] csv(List<List<String>> rows, Charset charset, boolean bom) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (bom) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			StringBuilder text = new StringBuilder();
			try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
				for (List<String> row : rows) {
					printer.printRecord(row);
				}
			}
			out.write(text.toString().getBytes(charset));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] csv(List<List<String>> rows) {
		return csv(rows, StandardCharsets.UTF_8, true);
	}

	/**
	 * An xlsx with the rows as text cells, except that a cell holding a date in the date
	 * column becomes a date-formatted number (as Excel stores typed dates).
	 */
	static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("志愿者");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
			int dateColumn = rows.get(0).indexOf("出生日期");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					String value = cells.get(c);
					if (r > 0 && c == dateColumn && value.matches("\\d{4}-\\d{2}-\\d{2}")) {
						var cell = row.createCell(c);
						cell.setCellValue(LocalDate.parse(value));
						cell.setCellStyle(date);
					}
					else if (!value.isEmpty()) {
						row.createCell(c).setCellValue(value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A real xlsx whose sheet XML is padded with megabytes of spaces: tiny compressed,
	 * huge uncompressed, as a zip bomb is.
	 */
	static byte[] zipBomb(List<List<String>> rows) {
		byte[] xlsx = xlsx(rows);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					int rootEnd = xml.indexOf("?>") + 2;
					zip.write(xml.substring(0, rootEnd).getBytes(StandardCharsets.UTF_8));
					byte[] spaces = new byte[1024 * 1024];
					java.util.Arrays.fill(spaces, (byte) ' ');
					for (int i = 0; i < 64; i++) {
						zip.write(spaces);
					}
					zip.write(xml.substring(rootEnd).getBytes(StandardCharsets.UTF_8));
				}
				else {
					zip.write(content);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
