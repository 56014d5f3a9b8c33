package org.tongxing.volunteer.importing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

	@Test
	void cellsThatWouldStartAFormulaBecomeText() {
		assertThat(SpreadsheetCells.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(SpreadsheetCells.safe("+86 139")).isEqualTo("'+86 139");
		assertThat(SpreadsheetCells.safe("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCells.safe("\t=1")).isEqualTo("'\t=1");
	}

	@Test
	void ordinaryTextStaysAsItIs() {
		assertThat(SpreadsheetCells.safe("王芳")).isEqualTo("王芳");
		assertThat(SpreadsheetCells.safe("a=b")).isEqualTo("a=b");
		assertThat(SpreadsheetCells.safe("")).isEmpty();
		assertThat(SpreadsheetCells.safe(null)).isNull();
	}

}
