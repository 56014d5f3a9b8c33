package org.tongxing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test-only listener of test-only events, recorded in the event publication registry like
 * every {@code @ApplicationModuleListener}: it counts its attempts and its successful
 * runs (the side effect) per probe key, across every node started in this JVM, and fails
 * the first attempt when the event asks for it. Also helpers to publish a probe and to
 * read and age its publication row.
 */
@Component
public class ResubmissionProbe {

	/**
	 * The test event: {@code failFirst} makes the first attempt of the listener throw.
	 */
	public record Probed(String key, boolean failFirst) {
	}

	private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();

	@ApplicationModuleListener
	void on(Probed event) {
		int attempt = attempts.computeIfAbsent(event.key(), (key) -> new AtomicInteger()).incrementAndGet();
		if (event.failFirst() && attempt == 1) {
			throw new IllegalStateException("the first attempt of this probe fails on purpose");
		}
		successes.computeIfAbsent(event.key(), (key) -> new AtomicInteger()).incrementAndGet();
	}

	static int attempts(String key) {
		AtomicInteger count = attempts.get(key);
		return (count != null) ? count.get() : 0;
	}

	static int successes(String key) {
		AtomicInteger count = successes.get(key);
		return (count != null) ? count.get() : 0;
	}

	/** Publishes a probe in a transaction of its own; returns its key. */
	static String publish(ApplicationEventPublisher events, TransactionTemplate transactions, boolean failFirst) {
		String key = "probe-" + UUID.randomUUID();
		transactions.executeWithoutResult((status) -> events.publishEvent(new Probed(key, failFirst)));
		return key;
	}

	/** The probe's publication row, once it has the status (waits up to 20 s). */
	static Row await(JdbcClient jdbc, String key, String status) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (true) {
			Row row = row(jdbc, key);
			if (row != null && status.equals(row.status())) {
				return row;
			}
			assertThat(Instant.now()).as("the publication of %s reaches %s (now %s)", key, status, row)
				.isBefore(deadline);
			Thread.sleep(50);
		}
	}

	static Row row(JdbcClient jdbc, String key) {
		return jdbc
			.sql("""
					select id, status, coalesce(completion_attempts, 0) as attempts, completion_date is not null as completed
					from event_publication where event_type = ? and serialized_event like ?""")
			.param(Probed.class.getName())
			.param("%\"" + key + "\"%")
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
					rs.getBoolean("completed")))
			.optional()
			.orElse(null);
	}

	/**
	 * Moves the publication (and its last resubmission, if any) this far into the past.
	 */
	static void age(JdbcClient jdbc, UUID id, Duration by) {
		jdbc.sql("""
				update event_publication set publication_date = publication_date - ?::interval,
				last_resubmission_date = last_resubmission_date - ?::interval where id = ?""")
			.param(by.getSeconds() + " seconds")
			.param(by.getSeconds() + " seconds")
			.param(id)
			.update();
	}

	/**
	 * One publication row of a probe; {@code attempts} counts the first one and every
	 * resubmission.
	 */
	record Row(UUID id, String status, int attempts, boolean completed) {
	}

}
