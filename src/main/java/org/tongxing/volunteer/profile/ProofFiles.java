package org.tongxing.volunteer.profile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of file a proof is, decided by its first bytes (never by its name or the type
 * the browser claims): PDF, JPEG or PNG, nothing else. Pure.
 */
final class ProofFiles {

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final int NAME_MAX = 120;

	private ProofFiles() {
	}

	/** An accepted kind of proof, with its media type and file extension. */
	enum Kind {

		PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

		private final String mediaType;

		private final String extension;

		Kind(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		String mediaType() {
			return this.mediaType;
		}

		String extension() {
			return this.extension;
		}

	}

	/** The kind the content's magic bytes show, or empty when it is none we accept. */
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
	 * A file name safe to store and to send back in a Content-Disposition header: the
	 * uploaded name without directories and control characters, shortened, with the
	 * extension of the sniffed kind (so that "scan.exe" holding a PDF is served as
	 * "scan.pdf").
	 */
	static String fileName(String uploaded, Kind kind) {
		String name = (uploaded != null) ? uploaded : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
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
		return name + "." + kind.extension();
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		return content != null && content.length >= magic.length
				&& Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
	}

}
