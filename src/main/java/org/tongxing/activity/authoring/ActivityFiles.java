package org.tongxing.activity.authoring;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.organisation.UnitScope;

/**
 * The cover image and attachments of activities, kept in {@code activity_file}. What an
 * upload is, is decided by its content, never by its name or the type the browser claims:
 * a cover must be an image ImageIO reads (JPEG, PNG, GIF, BMP); it is stored re-encoded
 * as a JPEG at most {@value #COVER_MAX_WIDTH} pixels wide, which also drops whatever else
 * the file carried. Attachments are PDF, Word (docx), Excel (xlsx) or such an image,
 * stored as they came. Changes need the right to manage the activity and are audited; a
 * refused upload stores nothing.
 */
@Service
public class ActivityFiles {

	static final int COVER_MAX_WIDTH = 1200;

	// a picture larger than this is refused before it is decoded (a small file can
	// claim a huge canvas and exhaust the memory)
	static final long MAX_PIXELS = 40_000_000L;

	static final String JPEG = "image/jpeg";

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AuditLog auditLog;

	private final long coverMaxBytes;

	private final long attachmentMaxBytes;

	ActivityFiles(JdbcClient jdbc, Activities activities, AuditLog auditLog,
			@Value("${tongxing.activity.cover-max-bytes:10485760}") long coverMaxBytes,
			@Value("${tongxing.activity.attachment-max-bytes:20971520}") long attachmentMaxBytes) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.auditLog = auditLog;
		this.coverMaxBytes = coverMaxBytes;
		this.attachmentMaxBytes = attachmentMaxBytes;
	}

	/** A stored file's description, without its content. */
	public record StoredFile(long id, long activityId, String kind, String filename, String contentType, long size,
			String sha256, Instant uploadedAt) {

		public boolean isImage() {
			return this.contentType.startsWith("image/");
		}

	}

	/** A stored file with its content, to send. */
	public record FileContent(StoredFile file, byte[] content) {
	}

	long coverMaxBytes() {
		return this.coverMaxBytes;
	}

	long attachmentMaxBytes() {
		return this.attachmentMaxBytes;
	}

	/**
	 * Makes the upload the activity's cover, replacing (and deleting) the one before.
	 * @throws UploadRejectedException when it is empty, too large or not an image
	 */
	@Transactional
	public long setCover(UnitScope scope, ActivityId activityId, String filename, byte[] content, AccountId by) {
		ActivityView activity = this.activities.manage(scope, activityId);
		checkSize(content, this.coverMaxBytes);
		byte[] jpeg = coverJpeg(content);
		long fileId = insert(activityId, "COVER", coverName(filename), JPEG, jpeg, by);
		this.activities.setCover(scope, activityId, fileId);
		if (activity.coverFileId() != null) {
			deleteRow(activityId, activity.coverFileId());
		}
		return fileId;
	}

	/** Removes the cover. */
	@Transactional
	public void removeCover(UnitScope scope, ActivityId activityId) {
		ActivityView activity = this.activities.manage(scope, activityId);
		if (activity.coverFileId() == null) {
			return;
		}
		this.activities.setCover(scope, activityId, null);
		deleteRow(activityId, activity.coverFileId());
	}

	/**
	 * Attaches a file to the activity.
	 * @throws UploadRejectedException when it is empty, too large or not of an allowed
	 * kind
	 */
	@Transactional
	public long attach(UnitScope scope, ActivityId activityId, String filename, byte[] content, AccountId by) {
		this.activities.manage(scope, activityId);
		checkSize(content, this.attachmentMaxBytes);
		String type = attachmentType(content);
		return insert(activityId, "ATTACHMENT", safeFilename(filename, type), type, content, by);
	}

	/** Deletes an attachment of the activity; 404 when it has none of that id. */
	@Transactional
	public void deleteAttachment(UnitScope scope, ActivityId activityId, long fileId) {
		this.activities.manage(scope, activityId);
		StoredFile file = find(activityId, fileId).filter((f) -> "ATTACHMENT".equals(f.kind()))
			.orElseThrow(() -> new ActivityNotFoundException("file", fileId));
		this.jdbc.sql("delete from activity_file where id = ?").param(file.id()).update();
		this.auditLog.record("activity-file", file.id(), "deleted", audit(file), null);
	}

	/** The activity's attachments, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredFile> attachments(ActivityId activityId) {
		return this.jdbc.sql("""
				select id, activity_id, kind, filename, content_type, size_bytes, sha256, uploaded_at
				from activity_file where activity_id = ? and kind = 'ATTACHMENT' order by uploaded_at, id""")
			.param(activityId.value())
			.query(ActivityFiles::stored)
			.list();
	}

	/** A file of the activity (cover or attachment), without its content. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> find(ActivityId activityId, long fileId) {
		return this.jdbc.sql("""
				select id, activity_id, kind, filename, content_type, size_bytes, sha256, uploaded_at
				from activity_file where id = ? and activity_id = ?""")
			.params(fileId, activityId.value())
			.query(ActivityFiles::stored)
			.optional();
	}

	/** A file of the activity with its content. */
	@Transactional(readOnly = true)
	public Optional<FileContent> content(ActivityId activityId, long fileId) {
		return this.jdbc.sql("""
				select id, activity_id, kind, filename, content_type, size_bytes, sha256, uploaded_at, content
				from activity_file where id = ? and activity_id = ?""")
			.params(fileId, activityId.value())
			.query((rs, n) -> new FileContent(stored(rs, n), rs.getBytes("content")))
			.optional();
	}

	// --- content checks

	/**
	 * The cover: the upload decoded, scaled down to the width limit (keeping its ratio),
	 * flattened onto white (JPEG has no transparency) and encoded as a JPEG.
	 */
	static byte[] coverJpeg(byte[] content) {
		BufferedImage image = readImage(content)
			.orElseThrow(() -> new UploadRejectedException("authoring.file.not-image"));
		int width = Math.min(COVER_MAX_WIDTH, image.getWidth());
		int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
		BufferedImage cover = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = cover.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return jpeg(cover);
	}

	/** The image ImageIO reads from the bytes, or empty when it reads none. */
	static Optional<BufferedImage> readImage(byte[] content) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			if (input == null) {
				return Optional.empty();
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new UploadRejectedException("authoring.file.image-too-large", MAX_PIXELS / 1_000_000);
				}
				return Optional.ofNullable(reader.read(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UploadRejectedException rejected) {
				throw rejected;
			}
			// a broken or truncated picture is no picture
			return Optional.empty();
		}
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/** The type of an allowed attachment, from its first bytes and (for zips) entries. */
	static String attachmentType(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return PDF;
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			String office = officeType(content);
			if (office != null) {
				return office;
			}
		}
		Optional<String> image = imageType(content);
		if (image.isPresent()) {
			return image.get();
		}
		throw new UploadRejectedException("authoring.file.not-allowed");
	}

	private static Optional<String> imageType(byte[] content) {
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return readImage(content).map((image) -> JPEG);
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G' })) {
			return readImage(content).map((image) -> "image/png");
		}
		if (startsWith(content, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
			return readImage(content).map((image) -> "image/gif");
		}
		return Optional.empty();
	}

	// A docx holds word/document.xml, an xlsx xl/workbook.xml; anything else zipped is
	// refused.
	private static String officeType(byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
				String name = entry.getName();
				if ("word/document.xml".equals(name)) {
					return DOCX;
				}
				if ("xl/workbook.xml".equals(name)) {
					return XLSX;
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
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

	private static void checkSize(byte[] content, long max) {
		if (content == null || content.length == 0) {
			throw new UploadRejectedException("authoring.file.empty");
		}
		if (content.length > max) {
			throw new UploadRejectedException("authoring.file.too-large", max / (1024 * 1024));
		}
	}

	/**
	 * A name safe to keep and to send back in a header: no path, no control characters,
	 * at most 255 characters, with the extension of what the file really is.
	 */
	static String safeFilename(String filename, String type) {
		String name = (filename != null) ? filename : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
		String extension = extension(type);
		String lower = name.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(extension) && !(JPEG.equals(type) && lower.endsWith(".jpeg"))) {
			int dot = name.lastIndexOf('.');
			name = ((dot > 0) ? name.substring(0, dot) : name) + extension;
		}
		if (name.equals(extension) || name.isBlank()) {
			name = "file" + extension;
		}
		if (name.length() > 255) {
			name = name.substring(0, 255 - extension.length()) + extension;
		}
		return name;
	}

	private static String coverName(String filename) {
		return safeFilename(filename, JPEG);
	}

	private static String extension(String type) {
		return switch (type) {
			case PDF -> ".pdf";
			case DOCX -> ".docx";
			case XLSX -> ".xlsx";
			case "image/png" -> ".png";
			case "image/gif" -> ".gif";
			default -> ".jpg";
		};
	}

	// --- rows

	private long insert(ActivityId activityId, String kind, String filename, String type, byte[] content,
			AccountId by) {
		String sha256 = sha256(content);
		long id = this.jdbc.sql("""
				insert into activity_file (activity_id, kind, filename, content_type, size_bytes, sha256, content,
				                           uploaded_by)
				values (:activity, :kind, :filename, :type, :size, :sha256, :content, :by)
				returning id""")
			.param("activity", activityId.value())
			.param("kind", kind)
			.param("filename", filename)
			.param("type", type)
			.param("size", (long) content.length)
			.param("sha256", sha256)
			.param("content", content)
			.param("by", (by != null) ? by.value() : null)
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("activity", activityId.value());
		after.put("kind", kind);
		after.put("filename", filename);
		after.put("contentType", type);
		after.put("size", content.length);
		after.put("sha256", sha256);
		this.auditLog.record("activity-file", id, "uploaded", null, after);
		return id;
	}

	private void deleteRow(ActivityId activityId, long fileId) {
		find(activityId, fileId).ifPresent((file) -> {
			this.jdbc.sql("delete from activity_file where id = ?").param(fileId).update();
			this.auditLog.record("activity-file", fileId, "deleted", audit(file), null);
		});
	}

	private static Map<String, Object> audit(StoredFile file) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("activity", file.activityId());
		state.put("kind", file.kind());
		state.put("filename", file.filename());
		state.put("sha256", file.sha256());
		return state;
	}

	private static StoredFile stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.time.OffsetDateTime at = rs.getObject("uploaded_at", java.time.OffsetDateTime.class);
		return new StoredFile(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("kind"),
				rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), (at != null) ? at.toInstant() : null);
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
