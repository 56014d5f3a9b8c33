package org.tongxing.volunteer.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerNumbersTest {

	@Test
	void aNumberIsTxEightDigitsAndALuhnCheckDigit() {
		assertThat(VolunteerNumbers.format(1)).isEqualTo("TX000000018");
		assertThat(VolunteerNumbers.format(12345678)).matches("TX12345678\\d");
		assertThat(VolunteerNumbers.isValid(VolunteerNumbers.format(4711))).isTrue();
	}

	@Test
	void aMistypedDigitIsDetected() {
		String number = VolunteerNumbers.format(4711);
		char wrong = (number.charAt(5) == '9') ? '8' : (char) (number.charAt(5) + 1);
		assertThat(VolunteerNumbers.isValid(number.substring(0, 5) + wrong + number.substring(6))).isFalse();
		assertThat(VolunteerNumbers.isValid("110105194912311234")).isFalse();
	}

}
