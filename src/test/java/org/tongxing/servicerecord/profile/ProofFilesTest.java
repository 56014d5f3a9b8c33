package org.tongxing.servicerecord.profile;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A proof's kind comes from its bytes, and its stored name from that kind. */
class ProofFilesTest {

	@Test
	void theKindIsReadFromTheFirstBytesWhateverTheName() {
		assertThat(ProofFiles.sniff("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).contains(ProofFiles.Kind.PDF);
		assertThat(ProofFiles.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
			.contains(ProofFiles.Kind.JPEG);
		assertThat(ProofFiles.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains(ProofFiles.Kind.PNG);
		assertThat(ProofFiles.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ProofFiles.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(ProofFiles.sniff(new byte[] { '%', 'P' })).isEmpty();
		assertThat(ProofFiles.sniff(new byte[0])).isEmpty();
	}

	@Test
	void theStoredNameHasNoPathAndTheExtensionOfWhatTheFileIs() {
		assertThat(ProofFiles.fileName("../../etc/表彰决定.exe", ProofFiles.Kind.PDF)).isEqualTo("表彰决定.pdf");
		assertThat(ProofFiles.fileName("C:\\scans\\award.PNG", ProofFiles.Kind.PNG)).isEqualTo("award.png");
		assertThat(ProofFiles.fileName("a\"b\r\n.jpg", ProofFiles.Kind.JPEG)).isEqualTo("ab.jpg");
		assertThat(ProofFiles.fileName(null, ProofFiles.Kind.PDF)).isEqualTo("proof.pdf");
		assertThat(ProofFiles.fileName(".pdf", ProofFiles.Kind.PDF)).isEqualTo("proof.pdf");
		assertThat(ProofFiles.fileName("x".repeat(300) + ".pdf", ProofFiles.Kind.PDF)).hasSize(124);
	}

}
