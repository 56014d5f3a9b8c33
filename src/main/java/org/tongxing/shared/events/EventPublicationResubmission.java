package org.tongxing.shared.events;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the event publications (Spring Modulith's registry, table
 * {@code event_publication}) whose listener did not complete, on one node of the cluster
 * at a time (ShedLock), and forgets completed ones after a while.
 * <p>
 * A publication is resubmitted when
 * <ul>
 * <li>its listener failed ({@code FAILED}) and it was published at least
 * {@code tongxing.events.resubmit-after} ago; each further attempt waits twice as long
 * after the previous one (5, 10, 20 minutes ... at most a day, or the configured age if
 * longer);</li>
 * <li>or it is still {@code PUBLISHED}, {@code PROCESSING} or {@code RESUBMITTED}
 * {@code tongxing.events.stale-after} after it was published or last resubmitted: the
 * node that ran it died. This age must exceed the longest listener run, including its
 * wait in the task executor's queue, or a listener still running on a live node would run
 * a second time.</li>
 * </ul>
 * Modulith claims each publication before resubmitting it (status {@code RESUBMITTED},
 * set only when it is not already), so even two overlapping runs resubmit it once. A
 * listener that committed its work on a node that died before the completion was written
 * runs again: listeners are at-least-once, as they are in Modulith.
 */
@Component
public class EventPublicationResubmission {

	/** The ShedLock name of {@link #resubmit()}. */
	public static final String LOCK = "event-publication-resubmission";

	private static final Logger log = LoggerFactory.getLogger(EventPublicationResubmission.class);

	private static final Duration LONGEST_WAIT = Duration.ofDays(1);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final JdbcClient jdbc;

	private final Duration resubmitAfter;

	private final Duration staleAfter;

	private final Duration keepCompleted;

	EventPublicationResubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			JdbcClient jdbc, @Value("${tongxing.events.resubmit-after:PT5M}") Duration resubmitAfter,
			@Value("${tongxing.events.stale-after:PT15M}") Duration staleAfter,
			@Value("${tongxing.events.keep-completed:P30D}") Duration keepCompleted) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.jdbc = jdbc;
		this.resubmitAfter = resubmitAfter;
		this.staleAfter = staleAfter;
		this.keepCompleted = keepCompleted;
	}

	/**
	 * Resubmits the publications that are due (see the class comment) and deletes the
	 * completed ones older than {@code tongxing.events.keep-completed}. Runs on one node
	 * at a time; listeners run asynchronously, so a run only hands them over.
	 */
	@Scheduled(fixedDelayString = "${tongxing.events.resubmit-interval:PT1M}",
			initialDelayString = "${tongxing.events.resubmit-interval:PT1M}")
	@SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
	public void resubmit() {
		Instant now = Instant.now();
		releaseStaleResubmissions(now);
		this.incomplete.resubmitIncompletePublications((publication) -> isDue(publication, now));
		this.completed.deletePublicationsOlderThan(this.keepCompleted);
	}

	/**
	 * Modulith claims a publication only when it is not {@code RESUBMITTED} already: one
	 * whose resubmission was lost with its node is set back to {@code FAILED} here, to be
	 * claimed in this run. (Modulith's own staleness monitor would judge it by its
	 * publication date, not by its resubmission, and its repository is not part of its
	 * API: this is the one statement on its table outside Modulith.)
	 */
	private void releaseStaleResubmissions(Instant now) {
		List<UUID> stuck = this.jdbc.sql("""
				update event_publication set status = 'FAILED'
				where status = 'RESUBMITTED' and completion_date is null and last_resubmission_date < ?
				returning id""").param(Timestamp.from(now.minus(this.staleAfter))).query(UUID.class).list();
		if (!stuck.isEmpty()) {
			log.warn("Resubmissions of event publications {} never completed; retrying them", stuck);
		}
	}

	boolean isDue(EventPublication publication, Instant now) {
		Status status = publication.getStatus();
		if (status == Status.FAILED) {
			// Modulith counts the first attempt too
			int resubmissions = Math.max(publication.getCompletionAttempts() - 1, 0);
			return !lastRun(publication).isAfter(now.minus(waitAfterFailure(resubmissions)));
		}
		if (status == Status.COMPLETED || publication.isCompleted()) {
			return false;
		}
		// PUBLISHED, PROCESSING, RESUBMITTED (or none, in rows of an older schema)
		return isStale(publication, now);
	}

	private boolean isStale(EventPublication publication, Instant now) {
		return lastRun(publication).isBefore(now.minus(this.staleAfter));
	}

	/** The wait before the next attempt: doubles with every resubmission so far. */
	Duration waitAfterFailure(int resubmissions) {
		Duration wait = this.resubmitAfter.multipliedBy(1L << Math.min(resubmissions, 16));
		Duration longest = (this.resubmitAfter.compareTo(LONGEST_WAIT) > 0) ? this.resubmitAfter : LONGEST_WAIT;
		return (wait.compareTo(longest) > 0) ? longest : wait;
	}

	/** When the publication last started: published, or resubmitted since. */
	private static Instant lastRun(EventPublication publication) {
		Instant resubmitted = publication.getLastResubmissionDate();
		Instant published = publication.getPublicationDate();
		return (resubmitted != null && resubmitted.isAfter(published)) ? resubmitted : published;
	}

}
