package org.tongxing.shared.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded proof or evidence file is, decided by its bytes, never by its name or
 * the type the browser claims: a PDF, or a JPEG or PNG whose header an image reader
 * understands; nothing else. And a name for it that is safe to store and to send back in
 * a Content-Disposition header. Pure.
 */
public final class UploadedFiles {

	/** Longest stored name before its extension. */
	public static final int NAME_MAX = 120;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private UploadedFiles() {
	}

	/** An accepted kind of file, with its media type and extension. */
	public enum Kind {

		PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

		private final String mediaType;

		private final String extension;

		Kind(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return this.mediaType;
		}

		public String extension() {
			return this.extension;
		}

	}

	/** The kind the content shows, or empty when it is none accepted. */
	public static Optional<Kind> sniff(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(Kind.PDF);
		}
		if (startsWith(content, JPEG_MAGIC) && readsAsImage(content)) {
			return Optional.of(Kind.JPEG);
		}
		if (startsWith(content, PNG_MAGIC) && readsAsImage(content)) {
			return Optional.of(Kind.PNG);
		}
		return Optional.empty();
	}

	/**
	 * The uploaded name without directories, control characters and characters file
	 * systems refuse, shortened, with the extension of the sniffed kind (so that
	 * "scan.exe" holding a PDF is served as "scan.pdf"); {@code fallback} when nothing is
	 * left.
	 */
	public static String fileName(String uploaded, Kind kind, String fallback) {
		String name = (uploaded != null) ? uploaded : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		if (dot >= 0) {
			name = name.substring(0, dot).strip();
		}
		if (name.isBlank()) {
			name = fallback;
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

	// The header is enough to tell a picture from bytes that only begin like one; the
	// pixels are never decoded, so a small file claiming a huge canvas costs nothing.
	private static boolean readsAsImage(byte[] content) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			if (input == null) {
				return false;
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
