package org.tongxing.servicerecord.profile;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.shared.files.UploadedFiles;
import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * A volunteer's training records, awards, evaluations and complaints (《志愿服务记录与证明出具办法》: a
 * service record holds training, awards and evaluations besides the hours).
 *
 * <p>
 * Who: reads take the caller's scope and answer
 * {@link org.tongxing.volunteer.VolunteerNotFoundException} (404) for a volunteer the
 * scope does not see; additions and resolutions need a scope that manages the volunteer's
 * unit (else 403), as {@link Volunteers#revealPhone} does. The volunteer reads their own
 * through {@link #own}, complaints only once resolved.
 *
 * <p>
 * Rules: names, bodies and organisers required (at most 200 characters), texts at most
 * 2000, training hours 0–1000 with at most two decimals, no date after today in the
 * association's time zone; a government award only with its proof, a PDF, JPEG or PNG
 * (decided by its bytes) of at most
 * {@code tongxing.servicerecord.profile.proof-max-bytes}. A refused entry stores nothing
 * ({@link InvalidProfileEntryException}).
 *
 * <p>
 * Corrections: an admin who manages the volunteer corrects an entry's fields (under the
 * rules of an addition) or withdraws it with a reason; nothing is deleted (a replaced
 * award proof file is). A withdrawn entry is kept with who, when and why, shown to
 * admins, hidden from the volunteer, and never changed again. Each correction names the
 * version it changes, so that a change made meanwhile by someone else is not overwritten
 * unseen. A complaint is resolved once, as upheld or dismissed; its texts may be
 * corrected, its outcome not. Every change is recorded in the audit log in its
 * transaction, free texts masked.
 */
@Service
public class ServiceProfile {

	static final int NAME_MAX = 200;

	static final int TEXT_MAX = 2000;

	static final int REASON_MAX = 1000;

	static final BigDecimal HOURS_MAX = BigDecimal.valueOf(1000);

	private static final UnitScope ALL = UnitScope.everything(false);

	private final JdbcClient jdbc;

	private final Volunteers volunteers;

	private final Units units;

	private final AuditLog audit;

	private final Accounts accounts;

	private final ZoneId zone;

	private final long proofMaxBytes;

	ServiceProfile(JdbcClient jdbc, Volunteers volunteers, Units units, AuditLog audit, Accounts accounts,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone,
			@Value("${tongxing.servicerecord.profile.proof-max-bytes:10485760}") long proofMaxBytes) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.units = units;
		this.audit = audit;
		this.accounts = accounts;
		this.zone = zone;
		this.proofMaxBytes = proofMaxBytes;
	}

	/** A training to record. */
	public record NewTraining(String name, String content, BigDecimal hours, String organiser, LocalDate heldOn) {
	}

	/** An award to record; its proof comes separately. */
	public record NewAward(String name, LocalDate awardedOn, String awardingBody, boolean government) {
	}

	/** An evaluation to record. */
	public record NewEvaluation(Rating rating, LocalDate evaluatedOn, String evaluator, String comment) {
	}

	/** A complaint to record. */
	public record NewComplaint(LocalDate receivedOn, String content) {
	}

	/** An uploaded file as it came: the name the browser gave and the bytes. */
	public record Upload(String fileName, byte[] content) {
	}

	/** A stored proof, to send as a download. */
	public record ProofFile(String fileName, String contentType, byte[] content) {
	}

	/** The largest proof file accepted, in bytes. */
	public long proofMaxBytes() {
		return this.proofMaxBytes;
	}

	/** Today in the association's time zone: no entry may be dated later. */
	public LocalDate today() {
		return LocalDate.now(this.zone);
	}

	// --- reads

	/**
	 * Everything recorded of a volunteer the scope sees, complaints included.
	 * @throws org.tongxing.volunteer.VolunteerNotFoundException when the scope does not
	 * see the volunteer
	 */
	@Transactional(readOnly = true)
	public ProfileRecord record(UnitScope scope, VolunteerId id) {
		VolunteerView volunteer = this.volunteers.get(scope, id);
		UnitView unit = this.units.get(ALL, volunteer.unitId());
		return new ProfileRecord(volunteer, unit, scope.mayManage(unit), training(id, false), awards(id, false),
				evaluations(id, false), complaints(id, false));
	}

	/**
	 * What the volunteer of the account sees of their own record: every training, award
	 * and evaluation, and the complaints about them once resolved (an open complaint is
	 * still being looked into); withdrawn entries are not theirs any more. Empty when the
	 * account has no volunteer record.
	 */
	@Transactional(readOnly = true)
	public Optional<ProfileRecord> own(AccountId account) {
		return this.volunteers.findByAccount(account).map((volunteer) -> {
			VolunteerId id = volunteer.id();
			return new ProfileRecord(volunteer, this.units.get(ALL, volunteer.unitId()), false, training(id, true),
					awards(id, true), evaluations(id, true), complaints(id, true));
		});
	}

	private List<TrainingRecord> training(VolunteerId id, boolean current) {
		return this.jdbc
			.sql("select * from training_record where volunteer_id = ?" + only(current)
					+ " order by held_on desc, id desc")
			.param(id.value())
			.query((rs, n) -> new TrainingRecord(rs.getLong("id"), id, rs.getString("name"), rs.getString("content"),
					rs.getBigDecimal("hours"), rs.getString("organiser"), rs.getObject("held_on", LocalDate.class),
					instant(rs, "recorded_at"), rs.getInt("version"), instant(rs, "corrected_at"), withdrawal(rs)))
			.list();
	}

	private List<Award> awards(VolunteerId id, boolean current) {
		return this.jdbc.sql("""
				select a.*, f.file_name, f.erased_at is not null as proof_erased
				from award a left join service_file f on f.id = a.proof_file_id
				where a.volunteer_id = ?""" + only(current) + " order by a.awarded_on desc, a.id desc")
			.param(id.value())
			.query((rs, n) -> new Award(rs.getLong("id"), id, rs.getString("name"),
					rs.getObject("awarded_on", LocalDate.class), rs.getString("awarding_body"),
					rs.getBoolean("government"), (Long) rs.getObject("proof_file_id", Long.class),
					rs.getString("file_name"), rs.getBoolean("proof_erased"), instant(rs, "recorded_at"),
					rs.getInt("version"), instant(rs, "corrected_at"), withdrawal(rs)))
			.list();
	}

	private List<Evaluation> evaluations(VolunteerId id, boolean current) {
		return this.jdbc
			.sql("select * from evaluation where volunteer_id = ?" + only(current)
					+ " order by evaluated_on desc, id desc")
			.param(id.value())
			.query((rs, n) -> new Evaluation(rs.getLong("id"), id, Rating.valueOf(rs.getString("rating")),
					rs.getObject("evaluated_on", LocalDate.class), rs.getString("evaluator"), rs.getString("comment"),
					instant(rs, "recorded_at"), rs.getInt("version"), instant(rs, "corrected_at"), withdrawal(rs)))
			.list();
	}

	private List<Complaint> complaints(VolunteerId id, boolean resolvedOnly) {
		// the volunteer sees resolved complaints that stand; admins see every one
		return this.jdbc.sql("select * from complaint where volunteer_id = ?"
				+ (resolvedOnly ? " and status <> 'OPEN'" + only(true) : "") + " order by received_on desc, id desc")
			.param(id.value())
			.query((rs, n) -> new Complaint(rs.getLong("id"), id, rs.getObject("received_on", LocalDate.class),
					rs.getString("content"), ComplaintStatus.valueOf(rs.getString("status")),
					rs.getString("resolution"), instant(rs, "recorded_at"), instant(rs, "resolved_at"),
					rs.getInt("version"), instant(rs, "corrected_at"), withdrawal(rs)))
			.list();
	}

	/** The condition that leaves withdrawn entries out, for the volunteer's own view. */
	private static String only(boolean current) {
		return current ? " and withdrawn_at is null" : "";
	}

	private Withdrawal withdrawal(ResultSet rs) throws SQLException {
		Instant at = instant(rs, "withdrawn_at");
		if (at == null) {
			return null;
		}
		Long by = rs.getObject("withdrawn_by", Long.class);
		String name = (by != null) ? this.accounts.find(new AccountId(by)).map(AccountView::displayName).orElse(null)
				: null;
		return new Withdrawal(at, name, rs.getString("withdraw_reason"));
	}

	// --- additions

	/**
	 * Records a training of a volunteer the scope manages.
	 * @return the training record's id
	 * @throws InvalidProfileEntryException when it breaks a rule
	 */
	@Transactional
	public long addTraining(UnitScope scope, VolunteerId id, NewTraining training, AccountId by) {
		managed(scope, id);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String name = required(problems, "name", training.name(), NAME_MAX);
		String content = optional(problems, "content", training.content(), TEXT_MAX);
		String organiser = required(problems, "organiser", training.organiser(), NAME_MAX);
		checkHours(problems, training.hours());
		checkDay(problems, "heldOn", training.heldOn());
		refuse(problems);
		long trainingId = this.jdbc.sql("""
				insert into training_record (volunteer_id, name, content, hours, organiser, held_on, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id.value(), name, content, training.hours(), organiser, training.heldOn(), by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = state(id);
		after.put("name", name);
		after.put("hours", training.hours());
		after.put("organiser", organiser);
		after.put("heldOn", training.heldOn().toString());
		this.audit.record("training_record", trainingId, "added", null, after);
		return trainingId;
	}

	/**
	 * Records an award of a volunteer the scope manages, with its proof (required for a
	 * government award, optional else).
	 * @return the award's id
	 * @throws InvalidProfileEntryException when it breaks a rule (field {@code proof} for
	 * a missing, too large or unaccepted proof)
	 */
	@Transactional
	public long addAward(UnitScope scope, VolunteerId id, NewAward award, Upload proof, AccountId by) {
		managed(scope, id);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String name = required(problems, "name", award.name(), NAME_MAX);
		String body = required(problems, "awardingBody", award.awardingBody(), NAME_MAX);
		checkDay(problems, "awardedOn", award.awardedOn());
		boolean hasProof = proof != null && proof.content() != null && proof.content().length > 0;
		UploadedFiles.Kind kind = null;
		if (!hasProof) {
			if (award.government()) {
				problems.add(
						InvalidProfileEntryException.Problem.of("proof", "servicerecord.profile.award.proof.required"));
			}
		}
		else {
			kind = checkProof(problems, proof);
		}
		refuse(problems);
		Long fileId = (kind != null) ? storeProof(id, proof, kind, by) : null;
		long awardId = this.jdbc
			.sql("""
					insert into award (volunteer_id, name, awarded_on, awarding_body, government, proof_file_id, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id.value(), name, award.awardedOn(), body, award.government(), fileId, by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = state(id);
		after.put("name", name);
		after.put("awardedOn", award.awardedOn().toString());
		after.put("awardingBody", body);
		after.put("government", award.government());
		if (fileId != null) {
			after.put("proofFile", fileId);
		}
		this.audit.record("award", awardId, "added", null, after);
		return awardId;
	}

	/**
	 * Records an evaluation of a volunteer the scope manages.
	 * @return the evaluation's id
	 */
	@Transactional
	public long addEvaluation(UnitScope scope, VolunteerId id, NewEvaluation evaluation, AccountId by) {
		managed(scope, id);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		if (evaluation.rating() == null) {
			problems.add(InvalidProfileEntryException.Problem.of("rating", "servicerecord.profile.validation.rating"));
		}
		String evaluator = required(problems, "evaluator", evaluation.evaluator(), NAME_MAX);
		String comment = optional(problems, "comment", evaluation.comment(), TEXT_MAX);
		checkDay(problems, "evaluatedOn", evaluation.evaluatedOn());
		refuse(problems);
		long evaluationId = this.jdbc.sql("""
				insert into evaluation (volunteer_id, rating, evaluated_on, evaluator, comment, recorded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(id.value(), evaluation.rating().name(), evaluation.evaluatedOn(), evaluator, comment, by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = state(id);
		after.put("rating", evaluation.rating().name());
		after.put("evaluatedOn", evaluation.evaluatedOn().toString());
		after.put("evaluator", evaluator);
		this.audit.record("evaluation", evaluationId, "added", null, after);
		return evaluationId;
	}

	/**
	 * Records a complaint about a volunteer the scope manages; it is open until resolved.
	 * @return the complaint's id
	 */
	@Transactional
	public long addComplaint(UnitScope scope, VolunteerId id, NewComplaint complaint, AccountId by) {
		managed(scope, id);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String content = required(problems, "content", complaint.content(), TEXT_MAX);
		checkDay(problems, "receivedOn", complaint.receivedOn());
		refuse(problems);
		long complaintId = this.jdbc.sql("""
				insert into complaint (volunteer_id, received_on, content, recorded_by)
				values (?, ?, ?, ?) returning id""")
			.params(id.value(), complaint.receivedOn(), content, by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = state(id);
		after.put("receivedOn", complaint.receivedOn().toString());
		after.put("status", ComplaintStatus.OPEN.name());
		this.audit.record("complaint", complaintId, "added", null, after);
		return complaintId;
	}

	/**
	 * Resolves an open complaint about a volunteer the scope manages, once: upheld or
	 * dismissed, with the resolution the volunteer will read.
	 * @throws ProfileEntryNotFoundException when the volunteer has no such complaint
	 * @throws ProfileStateException when it was resolved already (also by someone else a
	 * moment ago)
	 */
	@Transactional
	public void resolveComplaint(UnitScope scope, VolunteerId id, long complaintId, ComplaintStatus outcome,
			String resolution, AccountId by) {
		managed(scope, id);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		if (outcome == null || !outcome.isResolved()) {
			problems
				.add(InvalidProfileEntryException.Problem.of("outcome", "servicerecord.profile.validation.outcome"));
		}
		String text = required(problems, "resolution", resolution, TEXT_MAX);
		refuse(problems);
		// the conditional update decides between two admins resolving at once: one wins
		int updated = this.jdbc
			.sql("""
					update complaint set status = ?, resolution = ?, resolved_at = now(), resolved_by = ?, version = version + 1
					where id = ? and volunteer_id = ? and status = 'OPEN' and withdrawn_at is null""")
			.params(outcome.name(), text, by.value(), complaintId, id.value())
			.update();
		if (updated == 0) {
			Boolean withdrawn = this.jdbc
				.sql("select withdrawn_at is not null from complaint where id = ? and volunteer_id = ?")
				.params(complaintId, id.value())
				.query(Boolean.class)
				.optional()
				.orElseThrow(() -> new ProfileEntryNotFoundException("complaint", complaintId));
			throw new ProfileStateException(withdrawn ? "servicerecord.profile.edit.withdrawn"
					: "servicerecord.profile.complaint.alreadyResolved");
		}
		Map<String, Object> after = state(id);
		after.put("status", outcome.name());
		after.put("resolution", masked(text));
		this.audit.record("complaint", complaintId, "resolved", Map.of("status", ComplaintStatus.OPEN.name()), after);
	}

	// --- corrections and withdrawals

	/**
	 * Corrects a training of a volunteer the scope manages, under the rules of an
	 * addition.
	 * @param version the version the admin saw: a change in between is refused
	 * @return whether anything changed (nothing is recorded when nothing did)
	 * @throws ProfileEntryNotFoundException when the volunteer has no such training
	 * @throws ProfileStateException when it was withdrawn or changed meanwhile
	 * @throws InvalidProfileEntryException when it breaks a rule
	 */
	@Transactional
	public boolean correctTraining(UnitScope scope, VolunteerId id, long trainingId, int version, NewTraining training,
			AccountId by) {
		managed(scope, id);
		Map<String, Object> stored = lockCurrent(ProfileEntryKind.TRAINING, id, trainingId, version);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String name = required(problems, "name", training.name(), NAME_MAX);
		String content = optional(problems, "content", training.content(), TEXT_MAX);
		String organiser = required(problems, "organiser", training.organiser(), NAME_MAX);
		checkHours(problems, training.hours());
		checkDay(problems, "heldOn", training.heldOn());
		refuse(problems);
		Changes changes = new Changes(stored);
		changes.plain("name", name);
		changes.text("content", content);
		changes.plain("hours", training.hours());
		changes.plain("organiser", organiser);
		changes.plain("held_on", training.heldOn());
		return changes.apply(ProfileEntryKind.TRAINING, id, trainingId, by);
	}

	/**
	 * Corrects an award of a volunteer the scope manages: its fields, and its proof,
	 * which a new upload replaces or {@code removeProof} removes (not for a government
	 * award, which keeps one). A replaced or removed proof file is deleted.
	 * @param version the version the admin saw: a change in between is refused
	 * @return whether anything changed
	 * @throws ProfileEntryNotFoundException when the volunteer has no such award
	 * @throws ProfileStateException when it was withdrawn or changed meanwhile
	 * @throws InvalidProfileEntryException when it breaks a rule
	 */
	@Transactional
	public boolean correctAward(UnitScope scope, VolunteerId id, long awardId, int version, NewAward award,
			Upload proof, boolean removeProof, AccountId by) {
		managed(scope, id);
		Map<String, Object> stored = lockCurrent(ProfileEntryKind.AWARD, id, awardId, version);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String name = required(problems, "name", award.name(), NAME_MAX);
		String body = required(problems, "awardingBody", award.awardingBody(), NAME_MAX);
		checkDay(problems, "awardedOn", award.awardedOn());
		boolean upload = proof != null && proof.content() != null && proof.content().length > 0;
		Long oldFile = (Long) stored.get("proof_file_id");
		boolean keepsProof = upload || (oldFile != null && !removeProof);
		UploadedFiles.Kind kind = upload ? checkProof(problems, proof) : null;
		if (award.government() && !keepsProof) {
			problems
				.add(InvalidProfileEntryException.Problem.of("proof", "servicerecord.profile.award.proof.required"));
		}
		refuse(problems);
		Changes changes = new Changes(stored);
		changes.plain("name", name);
		changes.plain("awarded_on", award.awardedOn());
		changes.plain("awarding_body", body);
		changes.plain("government", award.government());
		Long newFile = oldFile;
		if (upload) {
			newFile = storeProof(id, proof, kind, by);
		}
		else if (removeProof) {
			newFile = null;
		}
		changes.plain("proof_file_id", newFile);
		boolean changed = changes.apply(ProfileEntryKind.AWARD, id, awardId, by);
		if (oldFile != null && !oldFile.equals(newFile)) {
			// the file was the wrong one, perhaps someone else's: it goes, its upload
			// stays audited
			this.jdbc.sql("delete from service_file where id = ? and volunteer_id = ?")
				.params(oldFile, id.value())
				.update();
			Map<String, Object> before = state(id);
			before.put("purpose", "award-proof");
			before.put("award", awardId);
			this.audit.record("service_file", oldFile, upload ? "replaced" : "removed", before, null);
		}
		return changed;
	}

	/**
	 * Corrects an evaluation of a volunteer the scope manages.
	 * @param version the version the admin saw: a change in between is refused
	 * @return whether anything changed
	 * @throws ProfileEntryNotFoundException when the volunteer has no such evaluation
	 * @throws ProfileStateException when it was withdrawn or changed meanwhile
	 * @throws InvalidProfileEntryException when it breaks a rule
	 */
	@Transactional
	public boolean correctEvaluation(UnitScope scope, VolunteerId id, long evaluationId, int version,
			NewEvaluation evaluation, AccountId by) {
		managed(scope, id);
		Map<String, Object> stored = lockCurrent(ProfileEntryKind.EVALUATION, id, evaluationId, version);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		if (evaluation.rating() == null) {
			problems.add(InvalidProfileEntryException.Problem.of("rating", "servicerecord.profile.validation.rating"));
		}
		String evaluator = required(problems, "evaluator", evaluation.evaluator(), NAME_MAX);
		String comment = optional(problems, "comment", evaluation.comment(), TEXT_MAX);
		checkDay(problems, "evaluatedOn", evaluation.evaluatedOn());
		refuse(problems);
		Changes changes = new Changes(stored);
		changes.plain("rating", evaluation.rating().name());
		changes.plain("evaluated_on", evaluation.evaluatedOn());
		changes.plain("evaluator", evaluator);
		changes.text("comment", comment);
		return changes.apply(ProfileEntryKind.EVALUATION, id, evaluationId, by);
	}

	/**
	 * Corrects a complaint about a volunteer the scope manages: when it was received,
	 * what it says and, once resolved, the resolution's text. The outcome is not changed
	 * here: it was decided once.
	 * @param version the version the admin saw: a change in between (its resolution too)
	 * is refused
	 * @return whether anything changed
	 * @throws ProfileEntryNotFoundException when the volunteer has no such complaint
	 * @throws ProfileStateException when it was withdrawn or changed meanwhile
	 * @throws InvalidProfileEntryException when it breaks a rule
	 */
	@Transactional
	public boolean correctComplaint(UnitScope scope, VolunteerId id, long complaintId, int version,
			NewComplaint complaint, String resolution, AccountId by) {
		managed(scope, id);
		Map<String, Object> stored = lockCurrent(ProfileEntryKind.COMPLAINT, id, complaintId, version);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String content = required(problems, "content", complaint.content(), TEXT_MAX);
		checkDay(problems, "receivedOn", complaint.receivedOn());
		boolean resolved = !ComplaintStatus.OPEN.name().equals(stored.get("status"));
		String text = resolved ? required(problems, "resolution", resolution, TEXT_MAX) : null;
		refuse(problems);
		Changes changes = new Changes(stored);
		changes.plain("received_on", complaint.receivedOn());
		changes.text("content", content);
		if (resolved) {
			changes.text("resolution", text);
		}
		return changes.apply(ProfileEntryKind.COMPLAINT, id, complaintId, by);
	}

	/**
	 * Withdraws an entry of a volunteer the scope manages: it is kept, with who, when and
	 * why, shown struck through to admins and no longer to the volunteer (nor its proof).
	 * Withdrawn once, and never changed after.
	 * @param version the version the admin saw: a change in between is refused
	 * @throws ProfileEntryNotFoundException when the volunteer has no such entry
	 * @throws ProfileStateException when it was withdrawn or changed meanwhile
	 * @throws InvalidProfileEntryException without a reason (field {@code reason})
	 */
	@Transactional
	public void withdraw(UnitScope scope, VolunteerId id, ProfileEntryKind kind, long entryId, int version,
			String reason, AccountId by) {
		managed(scope, id);
		lockCurrent(kind, id, entryId, version);
		List<InvalidProfileEntryException.Problem> problems = new ArrayList<>();
		String why = required(problems, "reason", reason, REASON_MAX);
		refuse(problems);
		this.jdbc.sql("update " + kind.table() + """
				 set withdrawn_at = now(), withdrawn_by = ?, withdraw_reason = ?, version = version + 1
				where id = ? and volunteer_id = ?""").params(by.value(), why, entryId, id.value()).update();
		Map<String, Object> after = state(id);
		after.put("reason", masked(why));
		this.audit.record(kind.table(), entryId, "withdrawn", null, after);
	}

	/**
	 * The entry's row, locked until the transaction ends, when it is current and at the
	 * version the admin saw.
	 */
	private Map<String, Object> lockCurrent(ProfileEntryKind kind, VolunteerId id, long entryId, int version) {
		Map<String, Object> row = this.jdbc
			.sql("select * from " + kind.table() + " where id = ? and volunteer_id = ? for update")
			.params(entryId, id.value())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ProfileEntryNotFoundException(kind.table(), entryId));
		if (row.get("withdrawn_at") != null) {
			throw new ProfileStateException("servicerecord.profile.edit.withdrawn");
		}
		if (((Number) row.get("version")).intValue() != version) {
			throw new ProfileStateException("servicerecord.profile.edit.changedMeanwhile");
		}
		return row;
	}

	/**
	 * The changed columns of a correction, and its audit entry: names, dates, numbers as
	 * they are, free texts masked (their length only), as they may speak of people.
	 */
	private final class Changes {

		private final Map<String, Object> stored;

		private final Map<String, Object> values = new LinkedHashMap<>();

		private final Map<String, Object> before = new LinkedHashMap<>();

		private final Map<String, Object> after = new LinkedHashMap<>();

		Changes(Map<String, Object> stored) {
			this.stored = stored;
		}

		void plain(String column, Object value) {
			Object old = this.stored.get(column);
			if (!same(old, value)) {
				this.values.put(column, value);
				this.before.put(column, auditable(old));
				this.after.put(column, auditable(value));
			}
		}

		void text(String column, String value) {
			Object old = this.stored.get(column);
			if (!same(old, value)) {
				this.values.put(column, value);
				this.before.put(column, masked((String) old));
				this.after.put(column, masked(value));
			}
		}

		boolean apply(ProfileEntryKind kind, VolunteerId id, long entryId, AccountId by) {
			if (this.values.isEmpty()) {
				return false;
			}
			StringBuilder sql = new StringBuilder("update ").append(kind.table()).append(" set ");
			List<Object> params = new ArrayList<>();
			// column names come from this class, never from a request
			this.values.forEach((column, value) -> {
				sql.append(column).append(" = ?, ");
				params.add(value);
			});
			sql.append(
					"version = version + 1, corrected_at = now(), corrected_by = ? where id = ? and volunteer_id = ?");
			params.add(by.value());
			params.add(entryId);
			params.add(id.value());
			ServiceProfile.this.jdbc.sql(sql.toString()).params(params).update();
			Map<String, Object> from = state(id);
			from.putAll(this.before);
			Map<String, Object> to = state(id);
			to.putAll(this.after);
			ServiceProfile.this.audit.record(kind.table(), entryId, "corrected", from, to);
			return true;
		}

		private static boolean same(Object old, Object value) {
			if (old instanceof BigDecimal a && value instanceof BigDecimal b) {
				return a.compareTo(b) == 0;
			}
			if (old instanceof java.sql.Date date && value instanceof LocalDate day) {
				return date.toLocalDate().equals(day);
			}
			if (old instanceof Number a && value instanceof Number b && !(old instanceof BigDecimal)) {
				return a.longValue() == b.longValue();
			}
			return java.util.Objects.equals(old, value);
		}

		private static Object auditable(Object value) {
			if (value instanceof java.sql.Date date) {
				return date.toLocalDate().toString();
			}
			return (value instanceof LocalDate || value instanceof BigDecimal) ? value.toString() : value;
		}

	}

	/** A free text as the audit log keeps it: its length, never its words. */
	private static String masked(String text) {
		return (text != null) ? "(" + text.length() + " characters)" : null;
	}

	// --- proofs

	/**
	 * The proof of an award of a volunteer the scope manages; the viewing is audited.
	 * Read-only scopes (leadership) and admins of other units get none.
	 * @throws ProfileEntryNotFoundException when there is no such proof for the viewer
	 */
	@Transactional
	public ProofFile proof(UnitScope scope, VolunteerId id, long awardId) {
		VolunteerView volunteer = this.volunteers.get(scope, id);
		if (!scope.mayManage(this.units.get(ALL, volunteer.unitId()))) {
			throw new ProfileEntryNotFoundException("award proof", awardId);
		}
		ProofFile proof = proofOf(id, awardId, false);
		Map<String, Object> after = state(id);
		after.put("fileName", proof.fileName());
		this.audit.record("award", awardId, "proof-viewed", null, after);
		return proof;
	}

	/**
	 * The proof of one of the account's own awards, unless it was withdrawn.
	 * @throws ProfileEntryNotFoundException when it is no award of theirs, was withdrawn
	 * or has no proof
	 */
	@Transactional(readOnly = true)
	public ProofFile ownProof(AccountId account, long awardId) {
		VolunteerView volunteer = this.volunteers.findByAccount(account)
			.orElseThrow(() -> new ProfileEntryNotFoundException("award proof", awardId));
		return proofOf(volunteer.id(), awardId, true);
	}

	private ProofFile proofOf(VolunteerId id, long awardId, boolean current) {
		return this.jdbc
			.sql("""
					select f.file_name, f.content_type, f.content from award a join service_file f on f.id = a.proof_file_id
					where a.id = ? and a.volunteer_id = ? and f.volunteer_id = a.volunteer_id and f.erased_at is null"""
					+ (current ? " and a.withdrawn_at is null" : ""))
			.params(awardId, id.value())
			.query((rs, n) -> new ProofFile(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new ProfileEntryNotFoundException("award proof", awardId));
	}

	/** The kind of an uploaded proof, or {@code null} with the problem noted. */
	private UploadedFiles.Kind checkProof(List<InvalidProfileEntryException.Problem> problems, Upload proof) {
		if (proof.content().length > this.proofMaxBytes) {
			problems.add(InvalidProfileEntryException.Problem.of("proof", "servicerecord.profile.award.proof.tooLarge",
					this.proofMaxBytes / (1024 * 1024)));
			return null;
		}
		UploadedFiles.Kind kind = UploadedFiles.sniff(proof.content()).orElse(null);
		if (kind == null) {
			problems
				.add(InvalidProfileEntryException.Problem.of("proof", "servicerecord.profile.award.proof.notAccepted"));
		}
		return kind;
	}

	private long storeProof(VolunteerId id, Upload proof, UploadedFiles.Kind kind, AccountId by) {
		String fileName = UploadedFiles.fileName(proof.fileName(), kind, "proof");
		long fileId = this.jdbc.sql("""
				insert into service_file (volunteer_id, file_name, content_type, size_bytes, content, uploaded_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(id.value(), fileName, kind.mediaType(), proof.content().length, proof.content(), by.value())
			.query(Long.class)
			.single();
		Map<String, Object> after = state(id);
		after.put("purpose", "award-proof");
		after.put("fileName", fileName);
		after.put("contentType", kind.mediaType());
		after.put("size", proof.content().length);
		after.put("sha256", sha256(proof.content()));
		this.audit.record("service_file", fileId, "uploaded", null, after);
		return fileId;
	}

	// --- rules

	/** The volunteer when the scope manages their unit: 404 when unseen, 403 else. */
	private VolunteerView managed(UnitScope scope, VolunteerId id) {
		// Locks the volunteer's row (shared, until the change commits) before reading it:
		// an anonymisation, which locks the row for update, either waits for this change
		// and
		// then erases what it wrote, or this change waits for the anonymisation and then
		// finds the volunteer anonymised. Only the lock is taken; the row is read through
		// the Volunteers API.
		this.jdbc.sql("select 1 from volunteer where id = ? for share").param(id.value()).query(Integer.class).list();
		VolunteerView volunteer = this.volunteers.get(scope, id);
		scope.requireMayManage(this.units.get(ALL, volunteer.unitId()));
		if (volunteer.isAnonymised()) {
			throw new ProfileStateException("servicerecord.profile.state.anonymised");
		}
		return volunteer;
	}

	private static String required(List<InvalidProfileEntryException.Problem> problems, String field, String value,
			int max) {
		if (value == null || value.isBlank()) {
			problems.add(InvalidProfileEntryException.Problem.of(field, "servicerecord.profile.validation.required"));
			return null;
		}
		return optional(problems, field, value, max);
	}

	private static String optional(List<InvalidProfileEntryException.Problem> problems, String field, String value,
			int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			problems.add(
					InvalidProfileEntryException.Problem.of(field, "servicerecord.profile.validation.tooLongMax", max));
		}
		return stripped;
	}

	private static void checkHours(List<InvalidProfileEntryException.Problem> problems, BigDecimal hours) {
		if (hours == null || hours.signum() < 0 || hours.compareTo(HOURS_MAX) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			problems.add(InvalidProfileEntryException.Problem.of("hours", "servicerecord.profile.validation.hours"));
		}
	}

	private void checkDay(List<InvalidProfileEntryException.Problem> problems, String field, LocalDate day) {
		if (day == null) {
			problems.add(InvalidProfileEntryException.Problem.of(field, "servicerecord.profile.validation.required"));
		}
		else if (day.isAfter(today())) {
			problems.add(InvalidProfileEntryException.Problem.of(field, "servicerecord.profile.validation.future"));
		}
	}

	private static void refuse(List<InvalidProfileEntryException.Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidProfileEntryException(problems);
		}
	}

	private static Map<String, Object> state(VolunteerId id) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("volunteer", id.value());
		return state;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
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
