package org.tongxing;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxing.ResubmissionProbe.Row;
import org.tongxing.shared.events.EventPublicationResubmission;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event publications whose listener did not complete are retried by
 * {@link EventPublicationResubmission} — a failed one once it is
 * {@code tongxing.events.resubmit-after} (5 minutes) old, one left unfinished by a dead
 * node once it is {@code tongxing.events.stale-after} (15 minutes) old — and the
 * listener's work is done once. Publications are aged by moving their dates into the
 * past. (Two nodes: {@link TwoNodesIT}.)
 */
@IntegrationTest
class EventResubmissionIT {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationResubmission job;

	@Test
	void aFailedPublicationIsResubmittedOnceOldEnoughAndItsListenerSucceedsOnce() throws Exception {
		String key = ResubmissionProbe.publish(this.events, this.transactions, true);
		Row failed = ResubmissionProbe.await(this.jdbc, key, "FAILED");
		assertThat(ResubmissionProbe.attempts(key)).isEqualTo(1);

		// younger than resubmit-after: left alone (a resubmission is claimed at once,
		// before the listener runs)
		this.job.resubmit();
		assertThat(ResubmissionProbe.row(this.jdbc, key)).isEqualTo(failed);

		ResubmissionProbe.age(this.jdbc, failed.id(), Duration.ofMinutes(6));
		this.job.resubmit();
		Row completed = ResubmissionProbe.await(this.jdbc, key, "COMPLETED");
		assertThat(completed.completed()).isTrue();
		assertThat(completed.attempts()).isEqualTo(2);
		assertThat(ResubmissionProbe.attempts(key)).isEqualTo(2);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);

		this.job.resubmit();
		assertThat(ResubmissionProbe.row(this.jdbc, key)).isEqualTo(completed);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);
	}

	@Test
	void aFailedPublicationRetriedInVainWaitsLongerBeforeTheNextAttempt() throws Exception {
		String key = ResubmissionProbe.publish(this.events, this.transactions, true);
		Row failed = ResubmissionProbe.await(this.jdbc, key, "FAILED");
		// as if it had been resubmitted twice (three attempts), the last time 15 minutes
		// ago: the next attempt waits 4 × 5 minutes
		this.jdbc.sql("""
				update event_publication set completion_attempts = 3, publication_date = now() - interval '1 hour',
				last_resubmission_date = now() - interval '15 minutes' where id = ?""").param(failed.id()).update();
		Row waiting = ResubmissionProbe.row(this.jdbc, key);
		this.job.resubmit();
		assertThat(ResubmissionProbe.row(this.jdbc, key)).isEqualTo(waiting);

		ResubmissionProbe.age(this.jdbc, failed.id(), Duration.ofMinutes(6));
		this.job.resubmit();
		Row completed = ResubmissionProbe.await(this.jdbc, key, "COMPLETED");
		assertThat(completed.attempts()).isEqualTo(4);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);
	}

	@Test
	void aPublicationLeftUnfinishedIsRetriedOnlyOnceItIsStale() throws Exception {
		// a completed probe gives the row to copy: its listener id and event
		String done = ResubmissionProbe.publish(this.events, this.transactions, false);
		Row template = ResubmissionProbe.await(this.jdbc, done, "COMPLETED");
		String key = "probe-" + UUID.randomUUID();
		UUID id = UUID.randomUUID();
		// as a node that died while its listener ran leaves it
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				completion_attempts)
				select ?, listener_id, event_type, replace(serialized_event, ?, ?), now() - interval '10 minutes',
				'PROCESSING', 1 from event_publication where id = ?""")
			.param(id)
			.param(done)
			.param(key)
			.param(template.id())
			.update();
		Row processing = ResubmissionProbe.row(this.jdbc, key);

		// older than resubmit-after but not stale: it may still be running on a live node
		this.job.resubmit();
		assertThat(ResubmissionProbe.row(this.jdbc, key)).isEqualTo(processing);
		assertThat(ResubmissionProbe.attempts(key)).isZero();

		ResubmissionProbe.age(this.jdbc, id, Duration.ofMinutes(10));
		this.job.resubmit();
		Row completed = ResubmissionProbe.await(this.jdbc, key, "COMPLETED");
		assertThat(completed.attempts()).isEqualTo(2);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);
	}

	@Test
	void aResubmissionLostWithItsNodeIsRetriedOnceItIsStale() throws Exception {
		String key = ResubmissionProbe.publish(this.events, this.transactions, true);
		Row failed = ResubmissionProbe.await(this.jdbc, key, "FAILED");
		// claimed for resubmission 10 minutes ago by a node that died before the listener
		// ran
		this.jdbc.sql("""
				update event_publication set status = 'RESUBMITTED', completion_attempts = 2,
				publication_date = now() - interval '1 hour', last_resubmission_date = now() - interval '10 minutes'
				where id = ?""").param(failed.id()).update();
		Row resubmitted = ResubmissionProbe.row(this.jdbc, key);
		this.job.resubmit();
		assertThat(ResubmissionProbe.row(this.jdbc, key)).isEqualTo(resubmitted);

		ResubmissionProbe.age(this.jdbc, failed.id(), Duration.ofMinutes(10));
		this.job.resubmit();
		Row completed = ResubmissionProbe.await(this.jdbc, key, "COMPLETED");
		assertThat(completed.attempts()).isEqualTo(3);
		assertThat(ResubmissionProbe.attempts(key)).isEqualTo(2);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);
	}

}
