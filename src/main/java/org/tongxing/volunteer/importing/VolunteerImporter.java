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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.jobs.finish(jobId, node, Status.FAILED, counts, "volunteerImport.failure.unexpected", List.of());
		}
		catch (RuntimeException | IOException ex) {
			// the message may quote data of the file: only its type goes to the log
			log.error("Import job {} failed: {}", jobId, ex.getClass().getName());
			this.jobs.finish(jobId, node, Status.FAILED, counts, "volunteerImport.failure.unexpected", List.of());
		}
	}

	/** Sends the invitations of the job that wait in the outbox. */
	void sendInvitations(long jobId, Locale locale) {
		int count = Math.max(1, this.properties.workers());
		ExecutorService pool = pool("volunteer-import-" + jobId + "-mail", count);
		try {
			InvitationSenders senders = new InvitationSenders(jobId, locale, count);
			senders.start(pool);
			senders.finish();
			senders.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static ExecutorService pool(String name, int threads) {
		return Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends the invitations of a job from its outbox while its rows are imported (the
	 * outbox holds only committed rows), until told that the import is over and the
	 * outbox is empty: several senders at once (an invitation is a database write and an
	 * SMTP session), each with its share of the accounts.
	 */
	private final class InvitationSenders {

		private final List<InvitationSender> senders = new ArrayList<>();

		private final List<Future<?>> running = new ArrayList<>();

		InvitationSenders(long jobId, Locale locale, int count) {
			for (int share = 0; share < count; share++) {
				this.senders.add(new InvitationSender(jobId, locale, share, count));
			}
		}

		void start(ExecutorService pool) {
			this.senders.forEach((sender) -> this.running.add(pool.submit(sender)));
		}

		void finish() {
			this.senders.forEach(InvitationSender::finish);
		}

		void await() throws InterruptedException {
			for (Future<?> sender : this.running) {
				try {
					sender.get();
				}
				catch (ExecutionException ex) {
					log.warn("An invitation sender stopped: {}", ex.getCause().getClass().getName());
				}
			}
		}

	}

	private final class InvitationSender implements Runnable {

		private final long jobId;

		private final Locale locale;

		private final int share;

		private final int shares;

		private volatile boolean finished;

		InvitationSender(long jobId, Locale locale, int share, int shares) {
			this.jobId = jobId;
			this.locale = locale;
			this.share = share;
			this.shares = shares;
		}

		void finish() {
			this.finished = true;
		}

		@Override
		public void run() {
			while (true) {
				boolean last = this.finished;
				List<Long> pending = VolunteerImporter.this.jobs.unsentInvitations(this.jobId, 100, this.share,
						this.shares);
				if (pending.isEmpty()) {
					if (last) {
						return;
					}
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					continue;
				}
				for (Long account : pending) {
					VolunteerImporter.this.accounts.invite(new AccountId(account), this.locale);
				}
				VolunteerImporter.this.jobs.invitationsSent(this.jobId, pending);
			}
		}

	}

	/**
	 * Runs batches on a pool, at most {@code size} at once; the first failure stops the
	 * rest.
	 */
	private static final class Workers {

		private final ExecutorService pool;

		private final int size;

		private final Semaphore permits;

		private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

		private final SecurityContext context = SecurityContextHolder.getContext();

		Workers(ExecutorService pool, int size) {
			this.pool = pool;
			this.size = size;
			this.permits = new Semaphore(size);
		}

		void submit(Runnable batch) {
			acquire(1);
			rethrow();
			this.pool.execute(() -> {
				SecurityContextHolder.setContext(this.context);
				try {
					if (this.failure.get() == null) {
						batch.run();
					}
				}
				catch (RuntimeException ex) {
					this.failure.compareAndSet(null, ex);
				}
				finally {
					SecurityContextHolder.clearContext();
					this.permits.release();
				}
			});
		}

		void awaitAll() {
			acquire(this.size);
			this.permits.release(this.size);
			rethrow();
		}

		private void acquire(int count) {
			try {
				this.permits.acquire(count);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ImportStoppedException("Interrupted");
			}
		}

		private void rethrow() {
			RuntimeException ex = this.failure.get();
			if (ex != null) {
				throw ex;
			}
		}

	}

	private enum Outcome {

		IMPORTED, SKIPPED, FAILED

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

		void execute() throws IOException, InterruptedException {
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
			Counts importing = copy(this.counts);
			importing.processed = 0;
			importing.skipped = 0;
			VolunteerImporter.this.jobs.progress(this.job.id(), this.node, Status.IMPORTING, this.dataRows, importing);
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
					synchronized (this.counts) {
						this.counts.blank++;
					}
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

		private void importRows() throws InterruptedException {
			Counts checked = copy(this.counts);
			this.counts.processed = 0;
			this.counts.skipped = 0;
			// blank rows are counted again while reading again
			this.counts.blank = 0;
			this.rows = null;
			this.dataRows = 0;
			if (this.job.mode() == ImportMode.ALL_OR_NOTHING) {
				VolunteerImporter.this.transactions.executeWithoutResult((status) -> importPass(null));
				sendInvitations(this.job.id(), this.locale);
			}
			else {
				int workers = Math.max(1, VolunteerImporter.this.properties.workers());
				ExecutorService pool = pool("volunteer-import-" + this.job.id() + "-worker", 2 * workers);
				InvitationSenders senders = new InvitationSenders(this.job.id(), this.locale, workers);
				try {
					senders.start(pool);
					try {
						importPass(new Workers(pool, workers));
					}
					finally {
						// what committed is owed its invitation, whatever happens next
						senders.finish();
					}
					senders.await();
				}
				finally {
					pool.shutdownNow();
				}
			}
			this.counts.blank = checked.blank;
		}

		/**
		 * Reads the file again; the rows without errors go to {@code workers} in batches
		 * (or run here).
		 */
		private void importPass(Workers workers) {
			List<Candidate> batch = new ArrayList<>();
			SpreadsheetReader.read(this.file, this.format, (rowNumber, cells) -> {
				ParsedRow row = next(rowNumber, cells);
				if (row == null) {
					return;
				}
				if (this.failed.get(rowNumber)) {
					synchronized (this.counts) {
						this.counts.processed++;
					}
					return;
				}
				batch.add(new Candidate(row, VolunteerImporter.this.volunteers.idNumberHash(row.details().idType(),
						row.details().idNumber())));
				if (batch.size() >= this.batchSize) {
					dispatch(List.copyOf(batch), workers);
					batch.clear();
				}
			});
			dispatch(List.copyOf(batch), workers);
			if (workers != null) {
				workers.awaitAll();
			}
		}

		private void dispatch(List<Candidate> batch, Workers workers) {
			if (batch.isEmpty()) {
				return;
			}
			if (workers == null) {
				importBatch(batch);
			}
			else {
				workers.submit(() -> importBatch(batch));
			}
		}

		private void importBatch(List<Candidate> batch) {
			Set<String> registered = registered(batch);
			List<Candidate> fresh = new ArrayList<>();
			int skipped = 0;
			for (Candidate candidate : batch) {
				if (registered.contains(candidate.hash())) {
					skipped++;
				}
				else {
					fresh.add(candidate);
				}
			}
			int imported = 0;
			if (this.job.mode() == ImportMode.ALL_OR_NOTHING) {
				for (Candidate candidate : fresh) {
					try {
						register(List.of(candidate.row()));
					}
					catch (RuntimeException ex) {
						throw new RowFailedException(candidate.row().rowNumber(), ex);
					}
					imported++;
				}
				// the rows stay in the transaction, not in memory
				VolunteerImporter.this.entityManager.flush();
				VolunteerImporter.this.entityManager.clear();
			}
			else if (!fresh.isEmpty()) {
				try {
					VolunteerImporter.this.transactions
						.executeWithoutResult((status) -> register(fresh.stream().map(Candidate::row).toList()));
					imported = fresh.size();
				}
				catch (RuntimeException ex) {
					// one row broke the batch: each row on its own, to find it and keep
					// the others
					for (Candidate candidate : fresh) {
						Outcome outcome = importAlone(candidate.row());
						imported += (outcome == Outcome.IMPORTED) ? 1 : 0;
						skipped += (outcome == Outcome.SKIPPED) ? 1 : 0;
					}
				}
			}
			synchronized (this.counts) {
				this.counts.imported += imported;
				this.counts.skipped += skipped;
				this.counts.processed += batch.size();
				VolunteerImporter.this.jobs.progress(this.job.id(), this.node, Status.IMPORTING, null, this.counts);
			}
		}

		private Outcome importAlone(ParsedRow row) {
			List<CellProblem> problems = new ArrayList<>();
			try {
				VolunteerImporter.this.transactions.executeWithoutResult((status) -> {
					VolunteerId id = VolunteerImporter.this.volunteers.register(new NewVolunteer(row.details(),
							Consents.current(true, true), NewVolunteer.IMPORT, null, null, this.locale));
					VolunteerImporter.this.jobs.addInvitations(this.job.id(), List.of(id.value()));
				});
				return Outcome.IMPORTED;
			}
			catch (DuplicateVolunteerException ex) {
				if ("idNumber".equals(ex.field())) {
					// registered by someone else since the check
					return Outcome.SKIPPED;
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
			for (CellProblem problem : problems) {
				errors.add(new RowError(row.rowNumber(),
						(problem.column() != null) ? this.rows.header(problem.column()) : null, problem.messageKey(),
						problem.arguments()));
			}
			VolunteerImporter.this.jobs.addErrors(this.job.id(), errors);
			synchronized (this.counts) {
				this.counts.errors++;
			}
			return Outcome.FAILED;
		}

		/**
		 * Registers the rows' volunteers and queues their invitations, in the caller's
		 * transaction.
		 */
		private void register(List<ParsedRow> rows) {
			List<NewVolunteer> requests = rows.stream()
				.map((row) -> new NewVolunteer(row.details(), Consents.current(true, true), NewVolunteer.IMPORT, null,
						null, this.locale))
				.toList();
			List<VolunteerId> ids = VolunteerImporter.this.volunteers.registerImported(requests);
			VolunteerImporter.this.jobs.addInvitations(this.job.id(), ids.stream().map(VolunteerId::value).toList());
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
