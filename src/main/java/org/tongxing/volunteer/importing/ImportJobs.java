package org.tongxing.volunteer.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.organisation.UnitScope;

/**
 * The job, error and invitation tables. Every write commits on its own (a new
 * transaction, also when called inside a row batch's transaction) so that progress is
 * visible to every node while a job runs, and survives the rollback of an all-or-nothing
 * import. Progress updates are conditional on the job still being run by this node: a job
 * another node has declared dead stops.
 */
@Component
class ImportJobs {

	private static final String COLUMNS = """
			id, unit_id, created_by, file_name, format, mode, locale, status, total_rows, processed_rows,
			imported_rows, skipped_rows, blank_rows, error_rows, invitations_sent, failure_key, failure_args,
			created_at, started_at, finished_at""";

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	ImportJobs(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	long create(long unitId, long createdBy, String fileName, SpreadsheetReader.Format format, ImportMode mode,
			String locale, String node) {
		return this.own.execute((status) -> this.jdbc.sql("""
				insert into volunteer_import_job (unit_id, created_by, file_name, format, mode, locale, status, node,
				                                  heartbeat_at)
				values (:unit, :by, :file, :format, :mode, :locale, 'QUEUED', :node, now()) returning id""")
			.param("node", node)
			.param("unit", unitId)
			.param("by", createdBy)
			.param("file", fileName)
			.param("format", format.name())
			.param("mode", mode.name())
			.param("locale", locale)
			.query(Long.class)
			.single());
	}

	Optional<ImportJob> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from volunteer_import_job where id = :id")
			.param("id", id)
			.query(ImportJobs::job)
			.optional();
	}

	/** The latest jobs of units the scope sees. */
	List<ImportJob> latest(UnitScope scope, int limit) {
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("j.unit_id");
		return this.jdbc
			.sql("select " + COLUMNS + " from volunteer_import_job j where " + visible.sql()
					+ " order by j.created_at desc, j.id desc limit :limit")
			.params(visible.parameters())
			.param("limit", limit)
			.query(ImportJobs::job)
			.list();
	}

	/** Takes a queued job for this node; false when it is not queued any more. */
	boolean start(long id, String node) {
		return this.own.execute((status) -> this.jdbc.sql("""
				update volunteer_import_job set status = 'CHECKING', started_at = now(), heartbeat_at = now()
				where id = :id and node = :node and status = 'QUEUED'""")
			.param("id", id)
			.param("node", node)
			.update()) == 1;
	}

	/**
	 * Records progress and beats the heart.
	 * @throws ImportStoppedException when the job is no longer this node's running job
	 */
	void progress(long id, String node, ImportJob.Status phase, Integer total, Counts counts) {
		int updated = this.own.execute((status) -> this.jdbc.sql("""
				update volunteer_import_job set status = :phase, total_rows = coalesce(:total, total_rows),
				       processed_rows = :processed, imported_rows = :imported, skipped_rows = :skipped,
				       blank_rows = :blank, error_rows = :errors, heartbeat_at = now()
				where id = :id and node = :node and status in ('CHECKING', 'IMPORTING')""")
			.param("id", id)
			.param("node", node)
			.param("phase", phase.name())
			.param("total", total)
			.param("processed", counts.processed)
			.param("imported", counts.imported)
			.param("skipped", counts.skipped)
			.param("blank", counts.blank)
			.param("errors", counts.errors)
			.update());
		// jobs waiting behind this one on this node are alive too
		this.own.executeWithoutResult((status) -> this.jdbc
			.sql("update volunteer_import_job set heartbeat_at = now() where node = :node and status = 'QUEUED'")
			.param("node", node)
			.update());
		if (updated != 1) {
			throw new ImportStoppedException("Import job " + id + " is not running on this node any more");
		}
	}

	void finish(long id, String node, ImportJob.Status outcome, Counts counts, String failureKey,
			List<String> failureArgs) {
		this.own.executeWithoutResult((status) -> this.jdbc
			.sql("""
					update volunteer_import_job set status = :outcome, processed_rows = :processed, imported_rows = :imported,
					       skipped_rows = :skipped, blank_rows = :blank, error_rows = :errors, failure_key = :key,
					       failure_args = :args, finished_at = now(), heartbeat_at = now()
					where id = :id and (node = :node or node is null) and status in ('QUEUED', 'CHECKING', 'IMPORTING')""")
			.param("id", id)
			.param("node", node)
			.param("outcome", outcome.name())
			.param("processed", counts.processed)
			.param("imported", counts.imported)
			.param("skipped", counts.skipped)
			.param("blank", counts.blank)
			.param("errors", counts.errors)
			.param("key", failureKey)
			.param("args", (failureArgs != null) ? failureArgs.toArray(String[]::new) : new String[0])
			.update());
	}

	/**
	 * Marks jobs failed whose node stopped beating (it died or restarted): their rows
	 * committed so far stay (each is whole); the rest was not imported.
	 * @return the ids of the jobs marked failed
	 */
	List<Long> failStale(Duration staleAfter) {
		Timestamp before = Timestamp.from(Instant.now().minus(staleAfter));
		return this.own.execute((status) -> this.jdbc.sql("""
				update volunteer_import_job set status = 'FAILED', failure_key = 'volunteerImport.failure.interrupted',
				       finished_at = now()
				where status in ('QUEUED', 'CHECKING', 'IMPORTING') and coalesce(heartbeat_at, created_at) < :before
				returning id""").param("before", before).query(Long.class).list());
	}

	void addErrors(long jobId, Collection<RowError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		this.own.executeWithoutResult((status) -> {
			for (RowError error : errors) {
				this.jdbc.sql("""
						insert into volunteer_import_error (job_id, row_number, column_name, message_key, message_args)
						values (:job, :row, :column, :key, :args)""")
					.param("job", jobId)
					.param("row", error.rowNumber())
					.param("column", truncate(error.column(), 100))
					.param("key", error.messageKey())
					.param("args", error.arguments().stream().map((arg) -> truncate(arg, 500)).toArray(String[]::new))
					.update();
			}
		});
	}

	/**
	 * The errors of a job in row order, one at a time (a report of 100,000 rows is not
	 * held).
	 */
	void errors(long jobId, Consumer<RowError> consumer) {
		long after = 0;
		while (true) {
			List<StoredError> page = this.jdbc.sql("""
					select id, row_number, column_name, message_key, message_args from volunteer_import_error
					where job_id = :job and id > :after order by id limit 1000""")
				.param("job", jobId)
				.param("after", after)
				.query((rs, n) -> new StoredError(rs.getLong("id"),
						new RowError(rs.getInt("row_number"), rs.getString("column_name"), rs.getString("message_key"),
								strings(rs.getArray("message_args")))))
				.list();
			if (page.isEmpty()) {
				return;
			}
			page.forEach((stored) -> consumer.accept(stored.error()));
			after = page.get(page.size() - 1).id();
		}
	}

	private record StoredError(long id, RowError error) {
	}

	/** The first errors of a job in row order, for its page. */
	List<RowError> firstErrors(long jobId, int limit) {
		return this.jdbc.sql("""
				select row_number, column_name, message_key, message_args from volunteer_import_error
				where job_id = :job order by row_number, id limit :limit""")
			.param("job", jobId)
			.param("limit", limit)
			.query((rs, n) -> new RowError(rs.getInt("row_number"), rs.getString("column_name"),
					rs.getString("message_key"), strings(rs.getArray("message_args"))))
			.list();
	}

	/**
	 * Adds the invitations of newly registered volunteers; joins the caller's transaction
	 * (the rows').
	 */
	void addInvitations(long jobId, List<Long> volunteerIds) {
		if (volunteerIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into volunteer_import_invitation (job_id, account_id)
				select :job, account_id from volunteer where id in (:volunteers)""")
			.param("job", jobId)
			.param("volunteers", volunteerIds)
			.update();
	}

	/**
	 * Invitations still to send, of the accounts whose id modulo {@code shares} is
	 * {@code share}.
	 */
	List<Long> unsentInvitations(long jobId, int limit, int share, int shares) {
		return this.jdbc.sql("""
				select account_id from volunteer_import_invitation
				where job_id = :job and sent_at is null and mod(account_id, :shares) = :share
				order by account_id limit :limit""")
			.param("job", jobId)
			.param("share", share)
			.param("shares", shares)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Marks invitations sent (or tried: a mail server's refusal is logged by the account
	 * module).
	 */
	void invitationsSent(long jobId, List<Long> accountIds) {
		this.own.executeWithoutResult((status) -> this.jdbc.sql("""
				with marked as (
					update volunteer_import_invitation set sent_at = now()
					where job_id = :job and account_id in (:accounts) and sent_at is null returning 1)
				update volunteer_import_job set invitations_sent = invitations_sent + (select count(*) from marked)
				where id = :job""").param("job", jobId).param("accounts", accountIds).update());
	}

	/**
	 * Jobs that have invitations still to send (their node died after committing rows).
	 */
	List<Long> jobsWithUnsentInvitations() {
		return this.jdbc.sql("""
				select distinct i.job_id from volunteer_import_invitation i
				join volunteer_import_job j on j.id = i.job_id
				where i.sent_at is null and j.status in ('SUCCEEDED', 'FAILED', 'REJECTED')""")
			.query(Long.class)
			.list();
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static ImportJob job(ResultSet rs, int n) throws SQLException {
		return new ImportJob(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("created_by"),
				rs.getString("file_name"), rs.getString("format"), ImportMode.valueOf(rs.getString("mode")),
				rs.getString("locale"), ImportJob.Status.valueOf(rs.getString("status")),
				(Integer) rs.getObject("total_rows"), rs.getInt("processed_rows"), rs.getInt("imported_rows"),
				rs.getInt("skipped_rows"), rs.getInt("blank_rows"), rs.getInt("error_rows"),
				rs.getInt("invitations_sent"), rs.getString("failure_key"), strings(rs.getArray("failure_args")),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One problem of one row, as stored. */
	public record RowError(int rowNumber, String column, String messageKey, List<String> arguments) {
	}

	/** The running counts of a job. */
	static final class Counts {

		int processed;

		int imported;

		int skipped;

		int blank;

		int errors;

	}

}
