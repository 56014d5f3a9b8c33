package org.tongxing.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.AccountId;

/**
 * Mails waiting to go out, sent by whichever node claims them.
 * <p>
 * Decision: every mail goes through this table, written in the same transaction as the
 * in-app notification. {@code not_before} is when it may go: now, or the end of the
 * recipient's quiet hours (decided when it was queued), or the next retry. A sender
 * claims due rows in a short transaction ({@code FOR UPDATE SKIP LOCKED}, PENDING →
 * SENDING) and sends outside it, so two nodes (or the job and the immediate send after
 * commit) never send the same row. A failed send goes back to PENDING with exponential
 * backoff (moved past quiet hours again) and, after {@code max-attempts}, is marked
 * FAILED. A node that dies between claiming and marking leaves a SENDING row that is
 * claimed again after {@code claimed_until}: at most a rare duplicate, never a lost mail.
 */
@Component
public class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private static final int BATCH = 20;

	private static final String CLAIM = """
			update notification_outbox set status = 'SENDING', attempts = attempts + 1,
			       claimed_until = now() + interval '5 minutes'
			where id in (
			    select id from notification_outbox
			    where ((status = 'PENDING' and not_before <= now()) or (status = 'SENDING' and claimed_until < now()))
			      %s
			    order by not_before, id limit %d
			    for update skip locked)
			returning id, account_id, recipient, subject, body, attempts""";

	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final Recipients recipients;

	private final TransactionTemplate newTransaction;

	private final TaskExecutor executor;

	private final String from;

	private final int maxAttempts;

	private final Duration firstRetry;

	Outbox(JdbcClient jdbc, JavaMailSender sender, Recipients recipients, PlatformTransactionManager transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, @Value("${tongxing.mail.from}") String from,
			@Value("${tongxing.notification.max-attempts:6}") int maxAttempts,
			@Value("${tongxing.notification.first-retry:PT1M}") Duration firstRetry) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.recipients = recipients;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.executor = executor;
		this.from = from;
		this.maxAttempts = maxAttempts;
		this.firstRetry = firstRetry;
	}

	/** Queues a mail in the caller's transaction; returns its id. */
	public long enqueue(AccountId account, String recipient, String subject, String body, Instant notBefore) {
		return this.jdbc.sql("""
				insert into notification_outbox (account_id, recipient, subject, body, not_before)
				values (?, ?, ?, ?, ?) returning id""")
			.params((account != null) ? account.value() : null, recipient, subject, body,
					notBefore.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/**
	 * Sends the queued mails once the caller's transaction commits (those already due;
	 * the job sends the rest), or now when there is no transaction. After a commit the
	 * sending runs on another thread: the committing thread still holds its connection
	 * then, and taking a second one for the claim could starve the pool when every
	 * listener thread does it at once.
	 */
	public void sendAfterCommit(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sendLater(ids);
				}
			});
		}
		else {
			send(ids);
		}
	}

	private void sendLater(List<Long> ids) {
		try {
			this.executor.execute(() -> send(ids));
		}
		catch (RuntimeException ex) {
			// busy: the job sends them
			log.info("Immediate notification send skipped: {}", ex.getClass().getSimpleName());
		}
	}

	/** Sends these mails if due and not claimed by another sender. */
	public int send(List<Long> ids) {
		try {
			String only = "and id in (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
			return sendAll(claim(only));
		}
		catch (RuntimeException ex) {
			// the job sends them later
			log.warn("Immediate notification send failed: {}", ex.getClass().getSimpleName());
			return 0;
		}
	}

	/**
	 * Sends every due mail, batch by batch; safe to run on many nodes at once.
	 * @return how many were sent
	 */
	public int sendDue() {
		int sent = 0;
		while (true) {
			List<Claimed> batch = claim("");
			if (batch.isEmpty()) {
				return sent;
			}
			sent += sendAll(batch);
		}
	}

	private List<Claimed> claim(String condition) {
		return this.newTransaction.execute((status) -> this.jdbc.sql(CLAIM.formatted(condition, BATCH))
			.query((rs, n) -> new Claimed(rs.getLong("id"),
					(rs.getObject("account_id") != null) ? new AccountId(rs.getLong("account_id")) : null,
					rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
			.list());
	}

	private int sendAll(List<Claimed> batch) {
		int sent = 0;
		for (Claimed mail : batch) {
			try {
				deliver(mail);
				this.newTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
						update notification_outbox set status = 'SENT', sent_at = now(), claimed_until = null,
						       last_error = null
						where id = ?""").param(mail.id()).update());
				sent++;
			}
			catch (RuntimeException ex) {
				failed(mail, ex);
			}
		}
		return sent;
	}

	private void deliver(Claimed mail) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(mail.recipient());
			helper.setSubject(mail.subject());
			helper.setText(mail.body());
		}
		catch (MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException("Could not prepare the mail", ex);
		}
		this.sender.send(message);
	}

	private void failed(Claimed mail, RuntimeException ex) {
		// the class only: a mail exception's message may carry the address
		String error = ex.getClass().getSimpleName();
		if (mail.attempts() >= this.maxAttempts) {
			log.warn("Notification mail {} failed for good after {} attempts: {}", mail.id(), mail.attempts(), error);
			this.newTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
					update notification_outbox set status = 'FAILED', claimed_until = null, last_error = ?
					where id = ?""").params(error, mail.id()).update());
			return;
		}
		Instant retry = Instant.now().plus(backoff(mail.attempts()));
		if (mail.account() != null) {
			retry = this.recipients.releaseAt(mail.account(), this.recipients.zoneOf(mail.account()), retry);
		}
		log.warn("Notification mail {} failed (attempt {}), retrying: {}", mail.id(), mail.attempts(), error);
		Instant notBefore = retry;
		this.newTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				update notification_outbox set status = 'PENDING', claimed_until = null, last_error = ?, not_before = ?
				where id = ?""").params(error, notBefore.atOffset(java.time.ZoneOffset.UTC), mail.id()).update());
	}

	/** 1, 2, 4, 8 ... times the first delay, at most a day. */
	Duration backoff(int attempts) {
		Duration delay = this.firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (delay.compareTo(Duration.ofDays(1)) > 0) ? Duration.ofDays(1) : delay;
	}

	private record Claimed(long id, AccountId account, String recipient, String subject, String body, int attempts) {
	}

}
