package org.tongxing.servicerecord.myhours;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.volunteer.VolunteerId;

/**
 * Evidence a volunteer uploads for self-declared hours, kept in {@code service_file}.
 * What a file is, is decided by its bytes, never by its name or the type the browser
 * claims: a PDF, or a JPEG or PNG whose header ImageIO reads; nothing else, and at most
 * {@code tongxing.servicerecord.evidence-max-bytes} (10 MB). A volunteer reads only their
 * own files.
 */
@Service
class EvidenceFiles {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final int NAME_MAX = 200;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final long maxBytes;

	EvidenceFiles(JdbcClient jdbc, AuditLog audit,
			@Value("${tongxing.servicerecord.evidence-max-bytes:10485760}") long maxBytes) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.maxBytes = maxBytes;
	}

	/** A stored file with its content. */
	record Evidence(long id, String fileName, String contentType, byte[] content) {
	}

	/** An upload refused: a message key of the myhours bundle and its arguments. */
	static class EvidenceRejectedException extends RuntimeException {

		private final transient Object[] arguments;

		EvidenceRejectedException(String messageKey, Object... arguments) {
			super(messageKey);
			this.arguments = arguments;
		}

		String messageKey() {
			return getMessage();
		}

		Object[] arguments() {
			return this.arguments;
		}

	}

	long maxBytes() {
		return this.maxBytes;
	}

	long maxMegabytes() {
		return this.maxBytes / (1024 * 1024);
	}

	/**
	 * Stores the volunteer's upload, in the caller's transaction.
	 * @return the file's id
	 * @throws EvidenceRejectedException when it is empty, too large or of a kind not
	 * accepted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long store(VolunteerId volunteer, AccountId by, String uploadedName, byte[] content) {
		if (content == null || content.length == 0) {
			throw new EvidenceRejectedException("servicerecord.myhours.evidence.required");
		}
		if (content.length > this.maxBytes) {
			throw new EvidenceRejectedException("servicerecord.myhours.evidence.too-large", maxMegabytes());
		}
		String type = sniff(content)
			.orElseThrow(() -> new EvidenceRejectedException("servicerecord.myhours.evidence.not-allowed"));
		String name = fileName(uploadedName, type);
		long id = this.jdbc.sql("""
				insert into service_file (volunteer_id, file_name, content_type, size_bytes, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(volunteer.value(), name, type, content.length, content, by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("volunteer", volunteer.value());
		after.put("fileName", name);
		after.put("contentType", type);
		after.put("size", content.length);
		this.audit.record("service_file", id, "uploaded", null, after);
		return id;
	}

	/** The volunteer's own file, or empty when there is none of that id for them. */
	@Transactional(readOnly = true)
	public Optional<Evidence> find(VolunteerId volunteer, long id) {
		return this.jdbc
			.sql("select id, file_name, content_type, content from service_file where id = ? and volunteer_id = ?")
			.params(id, volunteer.value())
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	/** The media type the content's bytes show, or empty when it is none accepted. */
	static Optional<String> sniff(byte[] content) {
		if (content == null) {
			return Optional.empty();
		}
		if (startsWith(content, PDF_MAGIC)) {
			return Optional.of(PDF);
		}
		if (startsWith(content, JPEG_MAGIC) && readsAsImage(content)) {
			return Optional.of(JPEG);
		}
		if (startsWith(content, PNG_MAGIC) && readsAsImage(content)) {
			return Optional.of(PNG);
		}
		return Optional.empty();
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

	/**
	 * A name safe to keep and to send back in a header: no directories or control
	 * characters, shortened, with the extension of what the file really is.
	 */
	static String fileName(String uploaded, String type) {
		String extension = switch (type) {
			case PDF -> ".pdf";
			case PNG -> ".png";
			default -> ".jpg";
		};
		String name = (uploaded != null) ? uploaded : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
		int dot = name.lastIndexOf('.');
		if (dot >= 0) {
			name = name.substring(0, dot).strip();
		}
		if (name.isBlank()) {
			name = "evidence";
		}
		if (name.length() > NAME_MAX - extension.length()) {
			name = name.substring(0, NAME_MAX - extension.length());
		}
		return name + extension;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
