package org.tongxing.servicerecord.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.ResourceBundleMessageSource;

import org.tongxing.shared.pdf.CjkFonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The certificate as a printer and a checker get it: A4 pages, the volunteer's name, the
 * total hours, the number and the code in text, the Chinese font embedded, the service
 * table running over pages with its header repeated, a QR code that scans to the verify
 * link, and the seal when one is configured.
 */
class CertificatePdfTest {

	static final String URL = "https://tongxing.example.org/verify/ABCDEFGH2345";

	final CjkFonts fonts = new CjkFonts("");

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/servicerecord-certificate");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static CertificateDocument document(int services) {
		List<CertificateDocument.Row> rows = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < services; i++) {
			BigDecimal hours = new BigDecimal("2.5");
			total = total.add(hours);
			rows.add(new CertificateDocument.Row("我光盘，我光荣 第" + (i + 1) + "期", "食堂引导员",
					LocalDate.of(2026, 1, 1).plusDays(i * 3L), hours, "礼宾司团支部"));
		}
		return new CertificateDocument("外交部青年志愿者协会", "TX2026-000042", "ABCDEFGH2345", URL, "林小雨", "居民身份证",
				"Resident ID card", "110***********1234", "TX000001234", LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 11, 29), total, rows, "礼宾司团支部", "王老师", LocalDate.of(2026, 11, 29));
	}

	@Test
	void aCertificateHoldsTheFiguresOnA4WithTheChineseFontEmbedded() throws Exception {
		assumeThat(this.fonts.embedded()).as("a CJK font is installed (fonts-noto-cjk)").isTrue();
		byte[] pdf = new CertificatePdf(this.fonts, messages(), "").pdf(document(3));

		String text = CertificateReading.text(pdf);
		assertThat(text).contains("志愿服务证明", "外交部青年志愿者协会", "林小雨", "居民身份证", "110***********1234", "TX000001234", "7.5",
				"TX2026-000042", "ABCDEFGH2345", URL, "礼宾司团支部", "王老师", "2026-01-01至2026-11-29", "食堂引导员");
		assertThat(CertificateReading.pageSizes(pdf)).singleElement().satisfies(CertificatePdfTest::isA4Portrait);
		assertThat(CertificateReading.embeddedFontFiles(pdf)).isNotEmpty()
			.allMatch((key) -> key.equals("/FontFile2") || key.equals("/FontFile3"));
	}

	@Test
	void theQrCodeScansToTheVerifyLink() throws Exception {
		byte[] pdf = new CertificatePdf(this.fonts, messages(), "").pdf(document(1));
		assertThat(CertificateReading.qrCodes(pdf)).containsExactly(URL);
	}

	@Test
	void sixtyServicesRunOverPagesWithTheHeaderRepeated() throws Exception {
		assumeThat(this.fonts.embedded()).as("a CJK font is installed (fonts-noto-cjk)").isTrue();
		byte[] pdf = new CertificatePdf(this.fonts, messages(), "").pdf(document(60));

		List<String> pages = CertificateReading.pages(pdf);
		assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(pages).allSatisfy((page) -> assertThat(page).contains("TX2026-000042", "ABCDEFGH2345"));
		List<String> withServices = pages.stream().filter((page) -> page.contains("我光盘")).toList();
		assertThat(withServices).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((page) -> assertThat(page).contains("活动与服务内容", "服务日期", "记录单位"));
		assertThat(withServices.get(withServices.size() - 1)).contains("第60期", "150");
		assertThat(String.join("", pages)).contains("第1期", "第30期");
		assertThat(CertificateReading.pageSizes(pdf)).allSatisfy(CertificatePdfTest::isA4Portrait);
		assertThat(CertificateReading.qrCodes(pdf)).containsExactly(URL);
	}

	@Test
	void theSealIsDrawnWhenConfiguredAndSkippedWhenItCannotBeRead(@TempDir Path dir) throws Exception {
		Path seal = dir.resolve("seal.png");
		BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 0, 0, 180));
		g.drawOval(10, 10, 180, 180);
		g.dispose();
		ImageIO.write(image, "png", seal.toFile());

		byte[] sealed = new CertificatePdf(this.fonts, messages(), seal.toString()).pdf(document(2));
		byte[] plain = new CertificatePdf(this.fonts, messages(), "").pdf(document(2));
		byte[] missing = new CertificatePdf(this.fonts, messages(), dir.resolve("gone.png").toString())
			.pdf(document(2));
		Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
		byte[] unreadable = new CertificatePdf(this.fonts, messages(), broken.toString()).pdf(document(2));

		assertThat(CertificateReading.images(sealed)).isGreaterThan(CertificateReading.images(plain));
		assertThat(CertificateReading.images(missing)).isEqualTo(CertificateReading.images(plain));
		assertThat(CertificateReading.images(unreadable)).isEqualTo(CertificateReading.images(plain));
	}

	private static void isA4Portrait(Rectangle size) {
		assertThat(size.getWidth()).isEqualTo(PageSize.A4.getWidth());
		assertThat(size.getHeight()).isEqualTo(PageSize.A4.getHeight());
	}

}
