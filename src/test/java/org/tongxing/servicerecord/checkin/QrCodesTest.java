package org.tongxing.servicerecord.checkin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's QR code reads back as the link it was made of. */
class QrCodesTest {

	@Test
	void theCodeReadsBackAsTheLink() {
		String link = "https://tongxing.example.org/c/123456.59012345.AbCdEfGhIjKlMnOpQrStUv";
		assertThat(QrReading.text(QrCodes.png(link, 4))).isEqualTo(link);
	}

}
