package org.tongxing.volunteer.importing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;

/**
 * Runs import jobs in the background on this node: a small pool of threads with a short
 * queue (a full queue refuses the upload as busy). Each job runs as the account that
 * uploaded it, so the audit log names them. The job row is the state: when a node dies,
 * its jobs stop beating and any node marks them failed — at start-up and whenever a job
 * page is looked at ({@link #failStale()}) — and sends the invitations their committed
 * rows still owe.
 */
@Component
@EnableConfigurationProperties(ImportProperties.class)
class ImportJobRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);

	private final ImportJobs jobs;

	private final VolunteerImporter importer;

	private final ImportProperties properties;

	private final ThreadPoolExecutor executor;

	private final String node;

	ImportJobRunner(ImportJobs jobs, VolunteerImporter importer, ImportProperties properties) {
		this.jobs = jobs;
		this.importer = importer;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 1, TimeUnit.MINUTES,
				new ArrayBlockingQueue<>(Math.max(1, properties.queue())), (runnable) -> {
					Thread thread = new Thread(runnable, "volunteer-import-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
		this.node = nodeName();
		// POI's zip-bomb guard is global to the JVM: make it at least as strict as
		// configured
		ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), properties.minInflateRatio()));
		ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), properties.maxEntrySize().toBytes()));
	}

	String node() {
		return this.node;
	}

	/** Where an upload waits for its job; a new, empty file. */
	Path newWorkFile() throws IOException {
		Path dir = this.properties.effectiveWorkDir();
		Files.createDirectories(dir);
		return Files.createTempFile(dir, "import-", ".upload");
	}

	/**
	 * Queues a created job over its file, run as {@code actor} within {@code scope}.
	 * @throws RejectedExecutionException when this node is busy (the job is failed and
	 * the file deleted)
	 */
	void submit(long jobId, Path file, SignedInAccount actor, UnitScope scope, Locale locale) {
		try {
			this.executor.execute(() -> run(jobId, file, actor, scope));
		}
		catch (RejectedExecutionException ex) {
			this.jobs.finish(jobId, this.node, ImportJob.Status.FAILED, new ImportJobs.Counts(),
					"volunteerImport.failure.busy", List.of());
			delete(file);
			throw ex;
		}
	}

	private void run(long jobId, Path file, SignedInAccount actor, UnitScope scope) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, actor.getAuthorities()));
		try {
			this.importer.run(jobId, file, scope, this.node);
		}
		catch (RuntimeException ex) {
			log.error("Import job {} ended unexpectedly: {}", jobId, ex.getClass().getName());
		}
		finally {
			SecurityContextHolder.clearContext();
			delete(file);
		}
	}

	/** Fails the jobs of dead nodes and sends what their committed rows still owe. */
	void failStale() {
		List<Long> failed = this.jobs.failStale(this.properties.staleAfter());
		if (!failed.isEmpty()) {
			log.warn("Import jobs {} stopped reporting and were marked failed", failed);
			failed.forEach(this::sendOwedInvitationsLater);
		}
	}

	/**
	 * Every minute, on one node at a time (once the application schedules jobs): fails
	 * the jobs of nodes that went quiet, also when nobody looks at them.
	 */
	@Scheduled(fixedDelayString = "${tongxing.volunteer.import.stale-check:PT1M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "volunteer-import-stale-jobs", lockAtMostFor = "PT5M")
	public void checkStale() {
		failStale();
	}

	private void sendOwedInvitationsLater(long jobId) {
		try {
			this.executor.execute(() -> sendOwedInvitations(jobId));
		}
		catch (RejectedExecutionException ex) {
			// busy: the next start of a node sends them
			log.info("Invitations of import job {} wait for the next start", jobId);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		deleteLeftovers();
		failStale();
		this.jobs.jobsWithUnsentInvitations().forEach(this::sendOwedInvitationsLater);
	}

	private void sendOwedInvitations(long jobId) {
		this.jobs.find(jobId)
			.filter(ImportJob::isFinished)
			.ifPresent((job) -> this.importer.sendInvitations(jobId, Locale.forLanguageTag(job.locale())));
	}

	/**
	 * Uploads left behind by a node that died hold personal data: deleted once no job can
	 * still be reading them.
	 */
	private void deleteLeftovers() {
		Path dir = this.properties.effectiveWorkDir();
		if (!Files.isDirectory(dir)) {
			return;
		}
		java.time.Instant before = java.time.Instant.now().minus(this.properties.staleAfter());
		try (var files = Files.list(dir)) {
			files.filter((file) -> file.getFileName().toString().startsWith("import-")).filter((file) -> {
				try {
					return Files.getLastModifiedTime(file).toInstant().isBefore(before);
				}
				catch (IOException ex) {
					return false;
				}
			}).forEach(ImportJobRunner::delete);
		}
		catch (IOException ex) {
			log.warn("Could not look for left-over import files in {}", dir);
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the import file {}", file);
		}
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "node";
		}
		String name = host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		return (name.length() > 100) ? name.substring(name.length() - 100) : name;
	}

}
