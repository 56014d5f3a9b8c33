package org.tongxing.servicerecord.myhours;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.shared.files.UploadedFiles;
import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.volunteer.VolunteerId;

/**
 * Evidence a volunteer uploads for self-declared hours, kept in {@code service_file}.
 * What a file is, is decided by its bytes, never by its name or the type the browser
 * claims ({@link UploadedFiles}): a PDF, a JPEG or a PNG, nothing else, and at most
 * {@code tongxing.servicerecord.evidence-max-bytes} (10 MB). A volunteer reads only their
 * own files.
 */
@Service
class EvidenceFiles {

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
		UploadedFiles.Kind kind = UploadedFiles.sniff(content)
			.orElseThrow(() -> new EvidenceRejectedException("servicerecord.myhours.evidence.not-allowed"));
		String type = kind.mediaType();
		String name = UploadedFiles.fileName(uploadedName, kind, "evidence");
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

	/**
	 * The volunteer's own file, or empty when there is none of that id for them or it was
	 * erased (anonymisation: its name and bytes are gone, never served as an empty file).
	 */
	@Transactional(readOnly = true)
	public Optional<Evidence> find(VolunteerId volunteer, long id) {
		return this.jdbc.sql("""
				select id, file_name, content_type, content from service_file
				where id = ? and volunteer_id = ? and erased_at is null""")
			.params(id, volunteer.value())
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	/** The ids of the volunteer's erased files, to say so where their link would be. */
	@Transactional(readOnly = true)
	public Set<Long> erased(VolunteerId volunteer) {
		return Set.copyOf(this.jdbc.sql("select id from service_file where volunteer_id = ? and erased_at is not null")
			.param(volunteer.value())
			.query(Long.class)
			.list());
	}

}
