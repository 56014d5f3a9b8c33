package org.tongxing.volunteer.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

	@ParameterizedTest
	@CsvSource({ "138 1234 5678, 13812345678", "+86 138-1234-5678, 13812345678", "008613812345678, 13812345678",
			"+33 6 12 34 56 78, +33612345678" })
	void numbersAreNormalised(String raw, String normalised) {
		assertThat(Phones.normalise(raw)).isEqualTo(normalised);
		assertThat(Phones.problem(normalised)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "1381234567", "138123456789", "phone", "+0123456", "+12" })
	void malformedNumbersAreRefused(String phone) {
		assertThat(Phones.problem(Phones.normalise(phone))).contains("volunteer.validation.phone.format");
	}

}
