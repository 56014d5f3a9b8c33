package org.tongxing.volunteer.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.DuplicateVolunteerException;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.importing.ImportJob.Status;
import org.tongxing.volunteer.importing.ImportJobs.Counts;
import org.tongxing.volunteer.importing.ImportJobs.RowError;
import org.tongxing.volunteer.importing.ImportRows.CellProblem;
import org.tongxing.volunteer.importing.ImportRows.ParsedRow;

/**
 * Runs one import job over its stored file, in two streaming passes.
 * <ol>
 * <li><b>Check</b>: every row is read and checked by the registry's rules, against the
 * rows before it (the same ID number or email twice: the later row is an error) and
 * against the registry (an ID number registered already: skipped, not an error; an email
 * taken: an error). Errors are stored as they are found.</li>
 * <li><b>Import</b> (unless the mode is all-or-nothing and a row had an error): the rows
 * without errors are registered through {@link Volunteers#register} (the same code as the
 * registration page: account, volunteer, membership and audit entries), source
 * {@code IMPORT}, active with a number. In mode {@link ImportMode#VALID_ROWS} each batch
 * of rows is one transaction; when one fails, its rows are retried one transaction each
 * and the failing row is reported, so every row is either whole or absent. In mode
 * {@link ImportMode#ALL_OR_NOTHING} all rows are one transaction: any failure rolls back
 * every row of the file.</li>
 * </ol>
 * Invitations (to set a password) are sent after the rows that created the accounts have
 * committed, from an outbox table, so a node that dies in between leaves them for the
 * next start. Registered ID numbers are matched by their keyed hash, so importing the
 * same file again skips every row.
 */
@Service
class VolunteerImporter {

	private static final Logger log = LoggerFactory.getLogger(VolunteerImporter.class);

	private final ImportJobs jobs;

	private final Volunteers volunteers;

	private final Units units;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final ImportProperties properties;

	VolunteerImporter(ImportJobs jobs, Volunteers volunteers, Units units, Accounts accounts, JdbcClient jdbc,
			MessageSource messages, EntityManager entityManager, PlatformTransactionManager transactionManager,
			ImportProperties properties) {
		this.jobs = jobs;
		this.volunteers = volunteers;
		this.units = units;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.messages = messages;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
	}

	/**
	 * Runs the job to its end (succeeded, rejected or failed) on this thread, with the
	 * scope of the account that uploaded the file.
	 */
	void run(long jobId, Path file, UnitScope scope, String node) {
		if (!this.jobs.start(jobId, node)) {
			return;
		}
		Counts counts = new Counts();
		try {
			ImportJob job = this.jobs.find(jobId).orElseThrow();
			Run run = new Run(job, file, scope, node, counts);
			run.execute();
		}
		catch (ImportFileException ex) {
			this.jobs.finish(jobId, node, Status.FAILED, counts, ex.messageKey(), ex.arguments());
		}
		catch (RowFailedException ex) {
			log.warn("Import job {} rolled back at row {}: {}", jobId, ex.rowNumber,
					ex.getCause().getClass().getName());
			Counts none = new Counts();
			none.processed = counts.processed;
			none.blank = counts.blank;
			none.errors = counts.errors;
			this.jobs.finish(jobId, node, Status.FAILED, none, "volunteerImport.failure.rowFailed",
					List.of(String.valueOf(ex.rowNumber)));
		}
		catch (ImportStoppedException ex) {
			log.warn("Import job {} stopped: another node declared it dead", jobId);
		}
		catch (RuntimeException | IOException ex) {
			// the message may quote data of the file: only its type goes to the log
			log.error("Import job {} failed: {}", jobId, ex.getClass().getName());
			this.jobs.finish(jobId, node, Status.FAILED, counts, "volunteerImport.failure.unexpected", List.of());
		}
	}

	/** Sends the invitations of the job that wait in the outbox. */
	void sendInvitations(long jobId, Locale locale) {
		List<Long> pending;
		while (!(pending = this.jobs.unsentInvitations(jobId, 500)).isEmpty()) {
			for (Long account : pending) {
				this.accounts.invite(new AccountId(account), locale);
				this.jobs.invitationSent(jobId, account);
			}
		}
	}

	/** One run of one job. */
	private final class Run {

		private final ImportJob job;

		private final Path file;

		private final String node;

		private final Counts counts;

		private final UnitScope scope;

		private final Locale locale;

		private final int batchSize;

		/** Rows with an error found while checking: the import pass leaves them. */
		private final BitSet failed = new BitSet();

		private ImportVocabulary vocabulary;

		private SpreadsheetReader.Format format;

		private ImportRows rows;

		private int dataRows;

		Run(ImportJob job, Path file, UnitScope scope, String node, Counts counts) {
			this.job = job;
			this.file = file;
			this.scope = scope;
			this.node = node;
			this.counts = counts;
			this.locale = Locale.forLanguageTag(job.locale());
			this.batchSize = Math.max(1, VolunteerImporter.this.properties.batchSize());
		}

		void execute() throws IOException {
			UnitView target = VolunteerImporter.this.units
				.find(this.scope, new org.tongxing.organisation.UnitId(this.job.unitId()))
				.filter(this.scope::mayManage)
				.orElseThrow(() -> new ImportFileException("volunteerImport.failure.scope"));
			List<UnitView> subtree = VolunteerImporter.this.units.list(this.scope)
				.stream()
				.filter(target::contains)
				.toList();
			this.vocabulary = new ImportVocabulary(VolunteerImporter.this.messages, skillNames(), target, subtree);
			this.format = SpreadsheetReader.Format.valueOf(this.job.format());
			check();
			if (this.job.mode() == ImportMode.ALL_OR_NOTHING && this.counts.errors > 0) {
				Counts rejected = copy(this.counts);
				rejected.skipped = 0;
				VolunteerImporter.this.jobs.finish(this.job.id(), this.node, Status.REJECTED, rejected, null, null);
				return;
			}
			importRows();
			VolunteerImporter.this.jobs.finish(this.job.id(), this.node, Status.SUCCEEDED, this.counts, null, null);
			sendInvitations(this.job.id(), this.locale);
		}

		// --- pass 1: check ---

		private void check() {
			Map<String, Integer> idNumbers = new HashMap<>();
			Map<String, Integer> emails = new HashMap<>();
			List<Candidate> batch = new ArrayList<>();
			List<RowError> errors = new ArrayList<>();
			SpreadsheetReader.read(this.file, this.format, (rowNumber, cells) -> {
				ParsedRow row = next(rowNumber, cells);
				if (row == null) {
					return;
				}
				this.counts.processed++;
				if (!row.isValid()) {
					fail(row.rowNumber(), row.problems(), errors);
				}
				else {
					String hash = VolunteerImporter.this.volunteers.idNumberHash(row.details().idType(),
							row.details().idNumber());
					Integer sameId = idNumbers.putIfAbsent(hash, row.rowNumber());
					Integer sameEmail = emails.putIfAbsent(row.email(), row.rowNumber());
					if (sameId != null) {
						fail(row.rowNumber(), List.of(new CellProblem(ImportColumn.ID_NUMBER,
								"volunteerImport.row.duplicateIdNumber", List.of(String.valueOf(sameId)))), errors);
					}
					else if (sameEmail != null) {
						fail(row.rowNumber(), List.of(new CellProblem(ImportColumn.EMAIL,
								"volunteerImport.row.duplicateEmail", List.of(String.valueOf(sameEmail)))), errors);
					}
					else {
						batch.add(new Candidate(row, hash));
					}
				}
				if (batch.size() >= this.batchSize || errors.size() >= this.batchSize) {
					checkAgainstRegistry(batch, errors);
				}
			});
			checkAgainstRegistry(batch, errors);
			if (this.rows == null) {
				throw new ImportFileException("volunteerImport.file.empty");
			}
			if (this.dataRows == 0) {
				throw new ImportFileException("volunteerImport.file.noRows");
			}
			VolunteerImporter.this.jobs.progress(this.job.id(), this.node, Status.IMPORTING, this.dataRows,
					this.counts);
		}

		private void checkAgainstRegistry(List<Candidate> batch, List<RowError> errors) {
			if (!batch.isEmpty()) {
				Set<String> registered = registered(batch);
				Set<String> taken = takenEmails(batch);
				for (Candidate candidate : batch) {
					if (registered.contains(candidate.hash())) {
						this.counts.skipped++;
					}
					else if (taken.contains(candidate.row().email())) {
						fail(candidate.row().rowNumber(), List
							.of(new CellProblem(ImportColumn.EMAIL, "volunteerImport.row.emailTaken", List.of())),
								errors);
					}
				}
				batch.clear();
			}
			VolunteerImporter.this.jobs.addErrors(this.job.id(), errors);
			errors.clear();
			VolunteerImporter.this.jobs.progress(this.job.id(), this.node, Status.CHECKING, null, this.counts);
		}

		/** The parsed data row, or {@code null} for the header and blank rows. */
		private ParsedRow next(int rowNumber, List<String> cells) {
			if (ImportRows.isBlank(cells)) {
				if (this.rows != null) {
					this.counts.blank++;
				}
				return null;
			}
			if (this.rows == null) {
				this.rows = ImportRows.ofHeader(cells, this.vocabulary, VolunteerImporter.this.volunteers.today());
				return null;
			}
			this.dataRows++;
			if (this.dataRows > VolunteerImporter.this.properties.maxRows()) {
				throw new ImportFileException("volunteerImport.file.tooManyRows",
						VolunteerImporter.this.properties.maxRows());
			}
			return this.rows.parse(rowNumber, cells);
		}

		private void fail(int rowNumber, List<CellProblem> problems, List<RowError> errors) {
			this.failed.set(rowNumber);
			this.counts.errors++;
			for (CellProblem problem : problems) {
				errors
					.add(new RowError(rowNumber, (problem.column() != null) ? this.rows.header(problem.column()) : null,
							problem.messageKey(), problem.arguments()));
			}
		}

		// --- pass 2: import ---

		private void importRows() {
			Counts checked = copy(this.counts);
			this.counts.processed = 0;
			this.counts.skipped = 0;
			this.counts.blank = checked.blank;
			this.counts.errors = checked.errors;
			this.rows = null;
			this.dataRows = 0;
			if (this.job.mode() == ImportMode.ALL_OR_NOTHING) {
				VolunteerImporter.this.transactions.executeWithoutResult((status) -> importPass());
			}
			else {
				importPass();
			}
			this.counts.blank = checked.blank;
		}

		private void importPass() {
			List<Candidate> batch = new ArrayList<>();
			this.counts.blank = 0;
			SpreadsheetReader.read(this.file, this.format, (rowNumber, cells) -> {
				ParsedRow row = next(rowNumber, cells);
				if (row == null) {
					return;
				}
				if (this.failed.get(rowNumber)) {
					this.counts.processed++;
					return;
				}
				batch.add(new Candidate(row, VolunteerImporter.this.volunteers.idNumberHash(row.details().idType(),
						row.details().idNumber())));
				if (batch.size() >= this.batchSize) {
					importBatch(batch);
				}
			});
			importBatch(batch);
		}

		private void importBatch(List<Candidate> batch) {
			if (batch.isEmpty()) {
				return;
			}
			Set<String> registered = registered(batch);
			List<Candidate> fresh = new ArrayList<>();
			for (Candidate candidate : batch) {
				if (registered.contains(candidate.hash())) {
					this.counts.skipped++;
				}
				else {
					fresh.add(candidate);
				}
			}
			if (this.job.mode() == ImportMode.ALL_OR_NOTHING) {
				for (Candidate candidate : fresh) {
					try {
						register(candidate.row());
					}
					catch (RuntimeException ex) {
						throw new RowFailedException(candidate.row().rowNumber(), ex);
					}
					this.counts.imported++;
				}
				// the rows stay in the transaction, not in memory
				VolunteerImporter.this.entityManager.flush();
				VolunteerImporter.this.entityManager.clear();
			}
			else {
				try {
					VolunteerImporter.this.transactions
						.executeWithoutResult((status) -> fresh.forEach((candidate) -> register(candidate.row())));
					this.counts.imported += fresh.size();
				}
				catch (RuntimeException ex) {
					// one row broke the batch: each row on its own, to find it and keep
					// the others
					fresh.forEach(this::importAlone);
				}
			}
			this.counts.processed += batch.size();
			batch.clear();
			VolunteerImporter.this.jobs.progress(this.job.id(), this.node, Status.IMPORTING, null, this.counts);
			if (this.job.mode() == ImportMode.VALID_ROWS) {
				sendInvitations(this.job.id(), this.locale);
			}
		}

		private void importAlone(Candidate candidate) {
			ParsedRow row = candidate.row();
			List<CellProblem> problems = new ArrayList<>();
			try {
				VolunteerImporter.this.transactions.executeWithoutResult((status) -> register(row));
				this.counts.imported++;
				return;
			}
			catch (DuplicateVolunteerException ex) {
				if ("idNumber".equals(ex.field())) {
					// registered by someone else since the check
					this.counts.skipped++;
					return;
				}
				problems.add(new CellProblem(ImportColumn.EMAIL, "volunteerImport.row.emailTaken", List.of()));
			}
			catch (InvalidVolunteerException ex) {
				for (FieldProblem problem : ex.problems()) {
					problems.add(new CellProblem(ImportColumn.ofField(problem.field()).orElse(null),
							problem.messageKey(), problem.arguments().stream().map(String::valueOf).toList()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Import job {}: row {} could not be saved: {}", this.job.id(), row.rowNumber(),
						ex.getClass().getName());
				problems.add(new CellProblem(null, "volunteerImport.row.saveFailed", List.of()));
			}
			List<RowError> errors = new ArrayList<>();
			fail(row.rowNumber(), problems, errors);
			VolunteerImporter.this.jobs.addErrors(this.job.id(), errors);
		}

		/**
		 * Registers the row's volunteer and queues their invitation, in the caller's
		 * transaction.
		 */
		private void register(ParsedRow row) {
			VolunteerId id = VolunteerImporter.this.volunteers.register(new NewVolunteer(row.details(),
					Consents.current(true, true), NewVolunteer.IMPORT, null, null, this.locale));
			VolunteerImporter.this.jobs.addInvitation(this.job.id(), id.value());
		}

		private Set<String> registered(List<Candidate> batch) {
			return new HashSet<>(VolunteerImporter.this.jdbc
				.sql("select id_number_hash from volunteer where id_number_hash in (:hashes)")
				.param("hashes", batch.stream().map(Candidate::hash).toList())
				.query(String.class)
				.list());
		}

		private Set<String> takenEmails(List<Candidate> batch) {
			return new HashSet<>(VolunteerImporter.this.jdbc
				.sql("select lower(email) from volunteer where lower(email) in (:emails)")
				.param("emails", batch.stream().map((candidate) -> candidate.row().email()).toList())
				.query(String.class)
				.list());
		}

		private Map<String, List<String>> skillNames() {
			Map<String, List<String>> names = new LinkedHashMap<>();
			VolunteerImporter.this.jdbc.sql("select code, name, name_en from skill where active order by id")
				.query((rs, n) -> names.put(rs.getString("code"),
						java.util.stream.Stream.of(rs.getString("name"), rs.getString("name_en"))
							.filter(java.util.Objects::nonNull)
							.toList()))
				.list();
			return names;
		}

	}

	private static Counts copy(Counts counts) {
		Counts copy = new Counts();
		copy.processed = counts.processed;
		copy.imported = counts.imported;
		copy.skipped = counts.skipped;
		copy.blank = counts.blank;
		copy.errors = counts.errors;
		return copy;
	}

	private record Candidate(ParsedRow row, String hash) {
	}

	/**
	 * A row of an all-or-nothing import could not be saved: the whole import rolls back.
	 */
	private static final class RowFailedException extends RuntimeException {

		private final int rowNumber;

		RowFailedException(int rowNumber, Throwable cause) {
			super("Row " + rowNumber + " could not be saved", cause);
			this.rowNumber = rowNumber;
		}

	}

}
