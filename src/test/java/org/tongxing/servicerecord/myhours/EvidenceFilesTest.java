package org.tongxing.servicerecord.myhours;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence is what its bytes are: a PDF, or a JPEG or PNG whose header reads as a
 * picture; never what its name says. Names are cleaned and carry the real kind's
 * extension.
 */
class EvidenceFilesTest {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void pdfJpegAndPngAreKnownByTheirBytes() throws IOException {
		assertThat(EvidenceFiles.sniff(PDF)).contains(EvidenceFiles.PDF);
		assertThat(EvidenceFiles.sniff(image("png"))).contains(EvidenceFiles.PNG);
		assertThat(EvidenceFiles.sniff(image("jpeg"))).contains(EvidenceFiles.JPEG);
	}

	@Test
	void anythingElseIsRefusedWhateverItsBeginning() throws IOException {
		assertThat(EvidenceFiles.sniff("just text, named scan.pdf".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(EvidenceFiles.sniff(new byte[0])).isEmpty();
		assertThat(EvidenceFiles.sniff(null)).isEmpty();
		assertThat(EvidenceFiles.sniff(image("gif"))).isEmpty();
		// the PNG signature followed by nothing a reader can take for a picture
		assertThat(EvidenceFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }))
			.isEmpty();
		assertThat(EvidenceFiles.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'h', 'i' })).isEmpty();
		assertThat(EvidenceFiles.sniff("PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	@Test
	void namesLoseTheirPathAndTakeTheRealKindsExtension() {
		assertThat(EvidenceFiles.fileName("证明.pdf", EvidenceFiles.PDF)).isEqualTo("证明.pdf");
		assertThat(EvidenceFiles.fileName("C:\\Users\\me\\scan.exe", EvidenceFiles.PDF)).isEqualTo("scan.pdf");
		assertThat(EvidenceFiles.fileName("../../photo.pdf", EvidenceFiles.JPEG)).isEqualTo("photo.jpg");
		assertThat(EvidenceFiles.fileName("a\"b\r\n.png", EvidenceFiles.PNG)).isEqualTo("a_b__.png");
		assertThat(EvidenceFiles.fileName(null, EvidenceFiles.PNG)).isEqualTo("evidence.png");
		assertThat(EvidenceFiles.fileName(".pdf", EvidenceFiles.PDF)).isEqualTo("evidence.pdf");
		assertThat(EvidenceFiles.fileName("x".repeat(500) + ".pdf", EvidenceFiles.PDF)).hasSize(EvidenceFiles.NAME_MAX)
			.endsWith(".pdf");
	}

	static byte[] image(String format) throws IOException {
		BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xA4161A);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, bytes)).isTrue();
		return bytes.toByteArray();
	}

}
