package org.tongxing.servicerecord.profile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a proof file is, decided by its first bytes, never by its name or the type the
 * browser claims: PDF, JPEG or PNG, nothing else. Pure.
 */
final class ProofFiles {

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final int NAME_MAX = 120;

	private ProofFiles() {
	}

	/** An accepted kind of proof. */
	enum Kind {

		PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

		final String mediaType;

		final String extension;

		Kind(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

	}

	static Optional<Kind> sniff(byte[] content) {
		if (startsWith(content, PDF)) {
			return Optional.of(Kind.PDF);
		}
		if (startsWith(content, JPEG)) {
			return Optional.of(Kind.JPEG);
		}
		if (startsWith(content, PNG)) {
			return Optional.of(Kind.PNG);
		}
		return Optional.empty();
	}

	/**
	 * A name safe to store and to send back in a Content-Disposition header: no
	 * directories or control characters, shortened, with the extension of the sniffed
	 * kind (a PDF uploaded as "scan.exe" is served as "scan.pdf").
	 */
	static String fileName(String uploaded, Kind kind) {
		String name = (uploaded != null) ? uploaded : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		if (dot >= 0) {
			name = name.substring(0, dot);
		}
		if (name.isBlank()) {
			name = "proof";
		}
		if (name.length() > NAME_MAX) {
			name = name.substring(0, NAME_MAX);
		}
		return name + "." + kind.extension;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content != null && content.length >= magic.length
				&& Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
