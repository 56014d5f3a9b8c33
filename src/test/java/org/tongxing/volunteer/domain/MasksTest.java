package org.tongxing.volunteer.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasksTest {

	@Test
	void anIdNumberShowsItsFirstThreeAndLastFourCharacters() {
		assertThat(Masks.idNumber("110105194912311234")).isEqualTo("110***********1234");
		assertThat(Masks.idNumber("E12345678")).isEqualTo("E12**5678");
	}

	@Test
	void aPhoneShowsItsFirstThreeAndLastFourDigits() {
		assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masks.phone("+33612345678")).isEqualTo("+33*****5678");
	}

	@Test
	void aShortValueIsMaskedButForItsFirstCharacter() {
		assertThat(Masks.phone("1234567")).isEqualTo("1******");
		assertThat(Masks.idNumber(null)).isNull();
	}

	@Test
	void aNameKeepsItsFirstCharacter() {
		assertThat(Masks.name("张三丰")).isEqualTo("张**");
		assertThat(Masks.name("李")).isEqualTo("李*");
	}

}
