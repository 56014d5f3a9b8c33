package org.tongxing.volunteer.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCellsTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1" })
	void aValueThatCouldStartAFormulaIsQuoted(String value) {
		assertThat(SafeCells.text(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "王芳", "TX000000012", "110***********1234", "a=b", "1-2", "" })
	void otherValuesAreKeptAsTheyAre(String value) {
		assertThat(SafeCells.text(value)).isEqualTo(value);
	}

	@Test
	void noValueStaysNoValue() {
		assertThat(SafeCells.text(null)).isNull();
	}

}
