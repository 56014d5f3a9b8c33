package org.tongxing.volunteer.drive;

import org.junit.jupiter.api.Test;

import org.tongxing.shared.pdf.CjkFonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The poster as a printer gets it: the QR code scans to the short link, the PDF holds the
 * Chinese text with its font embedded.
 */
class DrivePostersTest {

	static final Poster POSTER = new Poster("外交部青年志愿者协会", "2026 读书节现场招募——为云南小学募集图书的青年志愿者们", "礼宾司团支部",
			"报名时间：2026-04-23 至 2026-04-25", "扫码报名，成为志愿者！", "Scan to sign up as a volunteer!",
			"https://tongxing.example.org/r/abcdefgh23");

	final CjkFonts fonts = new CjkFonts("");

	final DrivePosters posters = new DrivePosters(this.fonts);

	@Test
	void thePngsQrCodeIsTheShortLink() throws Exception {
		byte[] png = this.posters.png(POSTER);
		assertThat(PosterReading.qrText(png)).isEqualTo(POSTER.link());
	}

	@Test
	void theQrImageOfTheDrivePageIsTheShortLink() throws Exception {
		assertThat(PosterReading.qrText(DrivePosters.qrPng(POSTER.link(), 8))).isEqualTo(POSTER.link());
	}

	@Test
	void thePdfHoldsTheTextsWithTheChineseFontEmbedded() throws Exception {
		assumeThat(this.fonts.embedded()).as("a CJK font is installed (fonts-noto-cjk)").isTrue();
		byte[] pdf = this.posters.pdf(POSTER);
		String text = PosterReading.pdfText(pdf).replaceAll("\\s+", "");
		assertThat(text).contains("礼宾司团支部").contains("扫码报名，成为志愿者").contains(POSTER.link()).contains("外交部青年志愿者协会");
		assertThat(PosterReading.embeddedFontFiles(pdf)).isNotEmpty()
			.allMatch((key) -> key.equals("/FontFile2") || key.equals("/FontFile3"));
	}

	@Test
	void longChineseTextWrapsBetweenCharactersAndLatinAtSpaces() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(10, 10,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.FontMetrics metrics = image.createGraphics().getFontMetrics(this.fonts.awtFont(0, 20));
		assertThat(DrivePosters.wrap("一二三四五六七八九十", metrics, 100)).hasSizeGreaterThan(1)
			.allMatch((line) -> metrics.stringWidth(line) <= 100);
		assertThat(DrivePosters.wrap("Scan to sign up as a volunteer", metrics, 150))
			.allMatch((line) -> !line.startsWith(" ") && !line.endsWith(" ") && metrics.stringWidth(line) <= 150);
	}

}
