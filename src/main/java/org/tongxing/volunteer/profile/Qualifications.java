package org.tongxing.volunteer.profile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.shared.files.UploadedFiles;
import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Masks;
import org.tongxing.volunteer.domain.Volunteer;
import org.tongxing.volunteer.domain.VolunteerRepository;

/**
 * Volunteers' qualifications (a lawyer's licence, a first-aid certificate, ...) with an
 * uploaded proof, an expiry date and a coordinator's decision. A volunteer adds or
 * changes their own; either makes it pending. Coordinators approve or reject pending
 * ones, naming the version they looked at, so that one changed meanwhile is not decided
 * unseen. A proof is shown to its owner, to coordinators and to admins who manage the
 * volunteer's unit, and to nobody else. An approved qualification whose expiry date has
 * passed counts as not held ({@link QualificationEntry#heldOn}). Changes and views of
 * proofs by others are audited.
 */
@Service
class Qualifications {

	static final int CERTIFICATE_MAX = 100;

	static final int REASON_MAX = 500;

	private static final String COLUMNS = """
			select q.id, q.volunteer_id, q.type_id, t.code, t.name, t.name_en, q.certificate_number, q.expires_on,
			       q.status, q.decision_reason, q.decided_at, q.proof_file_id, f.file_name, q.updated_at
			""";

	private static final String JOINS = """
			from volunteer_qualification q
			join qualification_type t on t.id = q.type_id
			left join stored_file f on f.id = q.proof_file_id
			""";

	private static final String SELECT = COLUMNS + JOINS;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Catalogues catalogues;

	private final VolunteerRepository volunteers;

	private final Volunteers registry;

	private final Units units;

	private final long maxProofBytes;

	Qualifications(JdbcClient jdbc, AuditLog auditLog, Catalogues catalogues, VolunteerRepository volunteers,
			Volunteers registry, Units units,
			@Value("${tongxing.volunteer.proof-max-bytes:5242880}") long maxProofBytes) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.catalogues = catalogues;
		this.volunteers = volunteers;
		this.registry = registry;
		this.units = units;
		this.maxProofBytes = maxProofBytes;
	}

	long maxProofBytes() {
		return this.maxProofBytes;
	}

	/** A volunteer's qualifications, by type name. */
	@Transactional(readOnly = true)
	List<QualificationEntry> of(long volunteerId) {
		return this.jdbc.sql(SELECT + " where q.volunteer_id = :volunteerId order by t.name")
			.param("volunteerId", volunteerId)
			.query(Qualifications::entry)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<QualificationEntry> find(long id) {
		return this.jdbc.sql(SELECT + " where q.id = :id").param("id", id).query(Qualifications::entry).optional();
	}

	/**
	 * Adds a qualification of the type to the account's volunteer record, or changes the
	 * one it has of that type; either way it becomes pending. A new qualification needs a
	 * proof; a changed one keeps its proof unless a new one is given (the old file is
	 * then deleted).
	 * @param proof the uploaded proof, or {@code null} to keep the current one
	 * @throws InvalidVolunteerException with problems of the fields {@code typeId},
	 * {@code certificateNumber}, {@code expiresOn} and {@code proof}
	 * @throws NotAVolunteerException when the account has no volunteer record
	 */
	@Transactional
	long submit(AccountId owner, long typeId, String certificateNumber, LocalDate expiresOn, Upload proof) {
		Volunteer volunteer = this.volunteers.findByAccountId(owner.value())
			// the volunteer's row lock makes two submissions of one person run one after
			// the other, so the second sees the first's row and changes it
			.flatMap((found) -> this.volunteers.findForUpdate(found.id().value()))
			.orElseThrow(NotAVolunteerException::new);
		long volunteerId = volunteer.id().value();
		Optional<QualificationEntry> existing = this.jdbc
			.sql(SELECT + " where q.volunteer_id = :volunteerId and q.type_id = :typeId")
			.param("volunteerId", volunteerId)
			.param("typeId", typeId)
			.query(Qualifications::entry)
			.optional();
		List<FieldProblem> problems = new ArrayList<>();
		Optional<CatalogueEntry> type = this.catalogues.find(CatalogueKind.QUALIFICATIONS, typeId);
		// a type no longer offered may still be kept up to date by those who hold it
		if (type.isEmpty() || (!type.get().active() && existing.isEmpty())) {
			problems.add(FieldProblem.of("typeId", "profile.qualification.type.unknown"));
		}
		String number = (certificateNumber != null) ? certificateNumber.strip() : "";
		if (number.length() > CERTIFICATE_MAX) {
			problems.add(FieldProblem.of("certificateNumber", "profile.validation.tooLong"));
		}
		if (expiresOn != null && expiresOn.isBefore(this.registry.today())) {
			problems.add(FieldProblem.of("expiresOn", "profile.qualification.expiresOn.past"));
		}
		UploadedFiles.Kind kind = null;
		if (proof == null || proof.content().length == 0) {
			if (existing.isEmpty() || existing.get().proofFileId() == null) {
				problems.add(FieldProblem.of("proof", "profile.qualification.proof.required"));
			}
		}
		else if (proof.content().length > this.maxProofBytes) {
			problems.add(FieldProblem.of("proof", "profile.qualification.proof.tooLarge",
					this.maxProofBytes / (1024 * 1024)));
		}
		else {
			kind = UploadedFiles.sniff(proof.content()).orElse(null);
			if (kind == null) {
				problems.add(FieldProblem.of("proof", "profile.qualification.proof.type"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidVolunteerException(problems);
		}
		Map<String, Object> before = existing.map(this::state).orElse(null);
		Long fileId = (kind != null) ? store(owner, proof, kind) : existing.get().proofFileId();
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			this.jdbc.sql("""
					update volunteer_qualification
					set certificate_number = :number, expires_on = :expiresOn, proof_file_id = :fileId,
					    status = 'PENDING', decided_by = null, decided_at = null, decision_reason = null,
					    updated_at = clock_timestamp()
					where id = :id
					""")
				.param("number", blankToNull(number))
				.param("expiresOn", expiresOn)
				.param("fileId", fileId)
				.param("id", id)
				.update();
			Long oldFile = existing.get().proofFileId();
			if (oldFile != null && !oldFile.equals(fileId)) {
				this.jdbc.sql("delete from stored_file where id = :id").param("id", oldFile).update();
			}
		}
		else {
			id = this.jdbc.sql("""
					insert into volunteer_qualification (volunteer_id, type_id, certificate_number, expires_on,
					                                     proof_file_id, updated_at)
					values (:volunteerId, :typeId, :number, :expiresOn, :fileId, clock_timestamp())
					returning id
					""")
				.param("volunteerId", volunteerId)
				.param("typeId", typeId)
				.param("number", blankToNull(number))
				.param("expiresOn", expiresOn)
				.param("fileId", fileId)
				.query(Long.class)
				.single();
		}
		this.auditLog.record("volunteer-qualification", id, existing.isPresent() ? "changed" : "added", before,
				state(find(id).orElseThrow()));
		return id;
	}

	/**
	 * The pending qualifications of every volunteer, oldest first: a coordinator's queue.
	 */
	@Transactional(readOnly = true)
	List<Pending> pending(UnitScope scope) {
		scope.requireCoordinator();
		return this.jdbc.sql(COLUMNS + ", v.name as volunteer_name, v.number, v.unit_id " + JOINS
				+ " join volunteer v on v.id = q.volunteer_id where q.status = 'PENDING' order by q.updated_at, q.id")
			.query((rs, n) -> new Pending(entry(rs, n), rs.getString("volunteer_name"), rs.getString("number"),
					new UnitId(rs.getLong("unit_id"))))
			.list();
	}

	/** One qualification with its volunteer, for a coordinator to decide on. */
	@Transactional(readOnly = true)
	Pending review(UnitScope scope, long id) {
		scope.requireCoordinator();
		QualificationEntry entry = find(id).orElseThrow(QualificationNotFoundException::new);
		Volunteer volunteer = this.volunteers.findById(entry.volunteerId()).orElseThrow();
		return new Pending(entry, volunteer.name(), volunteer.number(), volunteer.unitId());
	}

	/**
	 * Approves a pending qualification as the coordinator saw it.
	 * @param seen the {@link QualificationEntry#seen()} the coordinator looked at
	 * @throws QualificationChangedException when it changed or was decided since
	 */
	@Transactional
	void approve(UnitScope scope, AccountId by, long id, String seen) {
		decide(scope, by, id, seen, QualificationStatus.APPROVED, null);
	}

	/**
	 * Rejects a pending qualification with a reason the volunteer sees.
	 * @throws InvalidVolunteerException when the reason is missing or too long
	 * @throws QualificationChangedException when it changed or was decided since
	 */
	@Transactional
	void reject(UnitScope scope, AccountId by, long id, String seen, String reason) {
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty()) {
			throw new InvalidVolunteerException(
					List.of(FieldProblem.of("reason", "profile.qualification.reason.required")));
		}
		if (text.length() > REASON_MAX) {
			throw new InvalidVolunteerException(List.of(FieldProblem.of("reason", "profile.validation.tooLong")));
		}
		decide(scope, by, id, seen, QualificationStatus.REJECTED, text);
	}

	private void decide(UnitScope scope, AccountId by, long id, String seen, QualificationStatus status,
			String reason) {
		scope.requireCoordinator();
		QualificationEntry before = find(id).orElseThrow(QualificationNotFoundException::new);
		OffsetDateTime seenAt;
		try {
			seenAt = OffsetDateTime.parse(String.valueOf(seen));
		}
		catch (DateTimeParseException ex) {
			throw new QualificationChangedException();
		}
		// only the version the coordinator looked at, and only while it is pending
		int updated = this.jdbc.sql("""
				update volunteer_qualification
				set status = :status, decided_by = :by, decided_at = clock_timestamp(), decision_reason = :reason,
				    updated_at = clock_timestamp()
				where id = :id and status = 'PENDING' and updated_at = :seen
				""")
			.param("status", status.name())
			.param("by", by.value())
			.param("reason", reason)
			.param("id", id)
			.param("seen", seenAt)
			.update();
		if (updated == 0) {
			throw new QualificationChangedException();
		}
		this.auditLog.record("volunteer-qualification", id, status.name().toLowerCase(Locale.ROOT), state(before),
				state(find(id).orElseThrow()));
	}

	/**
	 * The proof of a qualification, for its owner, coordinators and admins who manage the
	 * volunteer's unit; a view by anyone but the owner is audited.
	 * @throws QualificationNotFoundException for everyone else, and when there is none
	 */
	@Transactional
	StoredProof proof(AccountId viewer, UnitScope scope, long qualificationId) {
		record Row(long accountId, long unitId, long fileId) {
		}
		Row row = this.jdbc.sql("""
				select v.account_id, v.unit_id, q.proof_file_id
				from volunteer_qualification q join volunteer v on v.id = q.volunteer_id
				where q.id = :id and q.proof_file_id is not null
				""")
			.param("id", qualificationId)
			.query((rs, n) -> new Row(rs.getLong("account_id"), rs.getLong("unit_id"), rs.getLong("proof_file_id")))
			.optional()
			.orElseThrow(QualificationNotFoundException::new);
		boolean owner = row.accountId() == viewer.value();
		boolean manager = scope.coordinator()
				|| this.units.find(scope, new UnitId(row.unitId())).map(scope::mayManage).orElse(false);
		if (!owner && !manager) {
			throw new QualificationNotFoundException();
		}
		StoredProof proof = this.jdbc
			.sql("select file_name, content_type, sha256, content from stored_file where id = :id")
			.param("id", row.fileId())
			.query((rs, n) -> new StoredProof(rs.getString("file_name"), rs.getString("content_type"),
					rs.getString("sha256"), rs.getBytes("content")))
			.single();
		if (!owner) {
			this.auditLog.record("volunteer-qualification", qualificationId, "proof-viewed", null,
					Map.of("sha256", proof.sha256()));
		}
		return proof;
	}

	private long store(AccountId owner, Upload proof, UploadedFiles.Kind kind) {
		return this.jdbc.sql("""
				insert into stored_file (file_name, content_type, size_bytes, sha256, content, uploaded_by)
				values (:name, :type, :size, :sha256, :content, :by)
				returning id
				""")
			.param("name", UploadedFiles.fileName(proof.fileName(), kind, "proof"))
			.param("type", kind.mediaType())
			.param("size", proof.content().length)
			.param("sha256", sha256(proof.content()))
			.param("content", proof.content())
			.param("by", owner.value())
			.query(Long.class)
			.single();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	/** What the audit log keeps: the certificate number masked, the proof by its hash. */
	private Map<String, Object> state(QualificationEntry entry) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("volunteer", entry.volunteerId());
		state.put("type", entry.typeCode());
		state.put("certificateNumber", Masks.idNumber(entry.certificateNumber()));
		state.put("expiresOn", (entry.expiresOn() != null) ? entry.expiresOn().toString() : null);
		state.put("status", entry.status().name());
		state.put("reason", entry.decisionReason());
		state.put("proofSha256",
				(entry.proofFileId() != null) ? this.jdbc.sql("select sha256 from stored_file where id = :id")
					.param("id", entry.proofFileId())
					.query(String.class)
					.optional()
					.orElse(null) : null);
		return state;
	}

	private static QualificationEntry entry(ResultSet rs, int rowNum) throws SQLException {
		return new QualificationEntry(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getLong("type_id"),
				rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("certificate_number"),
				rs.getObject("expires_on", LocalDate.class), QualificationStatus.valueOf(rs.getString("status")),
				rs.getString("decision_reason"), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getObject("proof_file_id", Long.class), rs.getString("file_name"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	/** An uploaded file as the browser sent it. */
	record Upload(String fileName, byte[] content) {
	}

	/** A stored proof, to send back with its sniffed type. */
	record StoredProof(String fileName, String contentType, String sha256, byte[] content) {
	}

	/** A qualification with the volunteer it belongs to. */
	record Pending(QualificationEntry qualification, String volunteerName, String volunteerNumber, UnitId unitId) {
	}

}
