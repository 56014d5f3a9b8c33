package org.tongxing.volunteer.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Telling the format by content and reading rows: xlsx by the event API, CSV in UTF-8 or
 * GBK, and the refusals (empty, old .xls, not a spreadsheet, broken, zip bomb).
 */
class SpreadsheetReaderTest {

	@TempDir
	Path dir;

	@Test
	void theFormatIsToldByTheContentNotTheName() throws IOException {
		assertThat(SpreadsheetReader.detect(file("a.csv", ImportFiles.xlsx(List.of(List.of("姓名"))))))
			.isEqualTo(SpreadsheetReader.Format.XLSX);
		assertThat(SpreadsheetReader.detect(file("a.xlsx", ImportFiles.csv(List.of(List.of("姓名"))))))
			.isEqualTo(SpreadsheetReader.Format.CSV);
		assertRefused(new byte[0], "volunteerImport.file.empty");
		byte[] ole2 = new byte[512];
		System.arraycopy(
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
				0, ole2, 0, 8);
		assertRefused(ole2, "volunteerImport.file.xls");
		assertRefused(new byte[] { '%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', 0, 1, 2 },
				"volunteerImport.file.notSpreadsheet");
		assertRefused(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, "volunteerImport.file.notSpreadsheet");
	}

	@Test
	void anXlsxIsReadRowByRowWithTypedDatesAsIsoDates() throws IOException {
		List<List<String>> rows = List.of(List.of("姓名", "出生日期", "", "电子邮箱"),
				List.of("王芳", "1995-06-15", "", "w@x.org"));
		List<String> read = new ArrayList<>();
		SpreadsheetReader.read(file("a.xlsx", ImportFiles.xlsx(rows)), SpreadsheetReader.Format.XLSX,
				(number, cells) -> read.add(number + ":" + String.join("|", cells)));
		assertThat(read).containsExactly("1:姓名|出生日期||电子邮箱", "2:王芳|1995-06-15||w@x.org");
	}

	@Test
	void aCsvIsUtf8WithOrWithoutBomOrElseGbk() throws IOException {
		List<List<String>> rows = List.of(List.of("姓名", "城市"), List.of("欧阳娜娜", "北京"));
		assertThat(readCsv(ImportFiles.csv(rows))).containsExactly("1:姓名|城市", "2:欧阳娜娜|北京");
		assertThat(readCsv(ImportFiles.csv(rows, Charset.forName("UTF-8"), false))).containsExactly("1:姓名|城市",
				"2:欧阳娜娜|北京");
		assertThat(readCsv(ImportFiles.csv(rows, Charset.forName("GBK"), false))).containsExactly("1:姓名|城市",
				"2:欧阳娜娜|北京");
	}

	@Test
	void aBrokenXlsxAndAZipBombAreRefusedWithTheirOwnMessages() throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("hello.txt"));
			out.write("not a workbook".getBytes());
		}
		Path broken = file("broken.xlsx", zip.toByteArray());
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> SpreadsheetReader.read(broken, SpreadsheetReader.Format.XLSX, (n, c) -> {
			}))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("volunteerImport.file.brokenXlsx"));
		Path bomb = file("bomb.xlsx", ImportFiles.zipBomb(List.of(List.of("姓名"), List.of("王芳"))));
		assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
		assertThatExceptionOfType(ImportFileException.class)
			.isThrownBy(() -> SpreadsheetReader.read(bomb, SpreadsheetReader.Format.XLSX, (n, c) -> {
			}))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("volunteerImport.file.zipBomb"));
	}

	@Test
	void whatTheRowHandlerThrowsComesThroughAsItIs() throws IOException {
		Path csv = file("a.csv", ImportFiles.csv(List.of(List.of("姓名"), List.of("王芳"))));
		assertThatExceptionOfType(ImportStoppedException.class)
			.isThrownBy(() -> SpreadsheetReader.read(csv, SpreadsheetReader.Format.CSV, (n, c) -> {
				throw new ImportStoppedException("stop");
			}));
	}

	private List<String> readCsv(byte[] content) throws IOException {
		List<String> read = new ArrayList<>();
		SpreadsheetReader.read(file("a.csv", content), SpreadsheetReader.Format.CSV,
				(number, cells) -> read.add(number + ":" + String.join("|", cells)));
		return read;
	}

	private void assertRefused(byte[] content, String key) throws IOException {
		Path file = file("x", content);
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(() -> SpreadsheetReader.detect(file))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private Path file(String name, byte[] content) throws IOException {
		Path file = Files.createTempFile(this.dir, "upload", name);
		Files.write(file, content);
		return file;
	}

}
