package org.tongxing.shared.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.tongxing.shared.files.UploadedFiles.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are recognised by their bytes, never by name, and get a safe file name.
 */
class UploadedFilesTest {

	@Test
	void pdfJpegAndPngAreKnownByTheirBytes() throws IOException {
		assertThat(UploadedFiles.sniff("%PDF-1.4\n...".getBytes(StandardCharsets.US_ASCII))).contains(Kind.PDF);
		assertThat(UploadedFiles.sniff(image("png"))).contains(Kind.PNG);
		assertThat(UploadedFiles.sniff(image("jpeg"))).contains(Kind.JPEG);
	}

	@Test
	void anythingElseIsRefusedWhateverItsBeginning() throws IOException {
		assertThat(UploadedFiles.sniff("just text, named scan.pdf".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(UploadedFiles.sniff("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(UploadedFiles.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(UploadedFiles.sniff(image("gif"))).isEmpty();
		assertThat(UploadedFiles.sniff(new byte[0])).isEmpty();
		assertThat(UploadedFiles.sniff(null)).isEmpty();
		// the magic must come first, and an image's header must read
		assertThat(UploadedFiles.sniff(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(UploadedFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEmpty();
		assertThat(UploadedFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 }))
			.isEmpty();
		assertThat(UploadedFiles.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'h', 'i' })).isEmpty();
	}

	@Test
	void theNameLosesDirectoriesAndControlCharactersAndTakesTheSniffedExtension() {
		assertThat(UploadedFiles.fileName("C:\\Users\\me\\scan.exe", Kind.PDF, "proof")).isEqualTo("scan.pdf");
		assertThat(UploadedFiles.fileName("../../etc/证书\r\n\".png", Kind.JPEG, "proof")).isEqualTo("证书.jpg");
		assertThat(UploadedFiles.fileName("C:\\scans\\award.PNG", Kind.PNG, "proof")).isEqualTo("award.png");
		assertThat(UploadedFiles.fileName(null, Kind.PNG, "evidence")).isEqualTo("evidence.png");
		assertThat(UploadedFiles.fileName(".pdf", Kind.PDF, "proof")).isEqualTo("proof.pdf");
		assertThat(UploadedFiles.fileName("a".repeat(300) + ".pdf", Kind.PDF, "proof")).hasSize(124);
	}

	private static byte[] image(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

}
