package org.tongxing.volunteer.profile;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proofs are recognised by their first bytes, never by name, and get a safe file name.
 */
class ProofFilesTest {

	@Test
	void pdfJpegAndPngAreRecognisedByTheirMagicBytes() {
		assertThat(ProofFiles.sniff("%PDF-1.4\n...".getBytes(StandardCharsets.US_ASCII))).contains(ProofFiles.Kind.PDF);
		assertThat(ProofFiles.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 }))
			.contains(ProofFiles.Kind.JPEG);
		assertThat(ProofFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains(ProofFiles.Kind.PNG);
	}

	@Test
	void anythingElseIsRefused() {
		assertThat(ProofFiles.sniff("MZ\u0090".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
		assertThat(ProofFiles.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ProofFiles.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		// a PNG signature cut short is no PNG
		assertThat(ProofFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isEmpty();
		assertThat(ProofFiles.sniff(new byte[0])).isEmpty();
		assertThat(ProofFiles.sniff(null)).isEmpty();
		// the magic must come first
		assertThat(ProofFiles.sniff(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@Test
	void theFileNameLosesDirectoriesAndControlCharactersAndTakesTheSniffedExtension() {
		assertThat(ProofFiles.fileName("C:\\Users\\me\\scan.exe", ProofFiles.Kind.PDF)).isEqualTo("scan.pdf");
		assertThat(ProofFiles.fileName("../../etc/证书\r\n\".png", ProofFiles.Kind.JPEG)).isEqualTo("证书.jpg");
		assertThat(ProofFiles.fileName(null, ProofFiles.Kind.PNG)).isEqualTo("proof.png");
		assertThat(ProofFiles.fileName(".pdf", ProofFiles.Kind.PDF)).isEqualTo("proof.pdf");
		assertThat(ProofFiles.fileName("a".repeat(300) + ".pdf", ProofFiles.Kind.PDF)).hasSize(124);
	}

}
