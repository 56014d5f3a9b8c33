package org.tongxing.shared.spreadsheet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCellsTest {

	@Test
	void textsThatWouldRunAsFormulasAreEscaped() {
		assertThat(SafeCells.text("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(SafeCells.text("+1+1")).isEqualTo("'+1+1");
		assertThat(SafeCells.text("-2+3")).isEqualTo("'-2+3");
		assertThat(SafeCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SafeCells.text("\t=1")).isEqualTo("'\t=1");
		assertThat(SafeCells.text("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void fullWidthFormulaCharactersAreEscapedToo() {
		// some spreadsheet programs read the full-width forms as formula starters
		assertThat(SafeCells.text("＝1+1")).isEqualTo("'＝1+1");
		assertThat(SafeCells.text("＋1")).isEqualTo("'＋1");
	}

	@Test
	void ordinaryTextsStayAsTheyAre() {
		assertThat(SafeCells.text("王芳")).isEqualTo("王芳");
		assertThat(SafeCells.text("a=b")).isEqualTo("a=b");
		assertThat(SafeCells.text("138****5678")).isEqualTo("138****5678");
		assertThat(SafeCells.text("")).isEmpty();
		assertThat(SafeCells.text(null)).isNull();
	}

	@Test
	void cellsHoldEscapedTextAndRealNumbers() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Row row = workbook.createSheet("s").createRow(0);
			SafeCells.write(row, 0, "=1+2");
			SafeCells.write(row, 1, -3);
			SafeCells.write(row, 2, null);
			SafeCells.write(row, 3, java.time.LocalDate.of(2026, 4, 23));
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'=1+2");
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-3);
			assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("2026-04-23");
		}
	}

}
