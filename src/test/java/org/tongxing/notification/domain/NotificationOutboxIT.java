package org.tongxing.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUps;
import org.tongxing.notification.NotificationTestSupport;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox: quiet hours hold a mail until the job finds it due; reminders go once per
 * sign-up; two senders at once send each mail once.
 */
@IntegrationTest
class NotificationOutboxIT {

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Preferences preferences;

	@Autowired
	Outbox outbox;

	@Autowired
	NotificationJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Recipients recipients;

	@Autowired
	PlatformTransactionManager transactions;

	ActivityFixture fixture;

	NotificationTestSupport support;

	UnitId unit;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.support = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "outbox");
	}

	@Test
	void aMailInTheVolunteersQuietHoursIsHeldAndSentByTheJobOnceTheyEnd() throws Exception {
		PositionId position = this.fixture.published(this.unit, "静默-" + this.fixture.volunteers.tag, 5,
				PositionDetails.open("引导员", 3));
		VolunteerView volunteer = this.support.volunteer(this.unit, "癸", Locale.ENGLISH, "Europe/Paris");
		// quiet hours around now in Paris (the volunteer's zone), whatever the hour of
		// the run
		LocalTime paris = LocalTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.MINUTES);
		this.preferences.save(volunteer.accountId(),
				new Preference(true, new QuietHours(true, paris.minusHours(1), paris.plusHours(1))));

		this.signUps.signUp(volunteer.accountId(), position);

		assertThat(this.support.inApp(volunteer.accountId(), "SIGNED_UP")).hasSize(1);
		Instant notBefore = this.jdbc.sql("select not_before from notification_outbox where recipient = ?")
			.param(volunteer.email())
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(notBefore).isAfter(Instant.now().plus(50, ChronoUnit.MINUTES))
			.isBefore(Instant.now().plus(61, ChronoUnit.MINUTES));
		this.jobs.sendOutbox();
		Thread.sleep(1000);
		assertThat(this.support.mailsTo(volunteer.email())).isEmpty();

		this.jdbc.sql("update notification_outbox set not_before = now() - interval '1 second' where recipient = ?")
			.param(volunteer.email())
			.update();
		this.jobs.sendOutbox();

		assertThat(this.support.mailsTo(volunteer.email())).singleElement()
			.satisfies((m) -> assertThat(m.subject()).startsWith("Signed up"));
		assertThat(status(volunteer.email())).isEqualTo("SENT");
	}

	@Test
	void aReminderGoesOnceEvenWhenTheJobRunsTwice() throws Exception {
		String title = "提醒-" + this.fixture.volunteers.tag;
		ActivityId activity = this.fixture.draft(this.unit, title);
		LocalDateTime start = LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE))
			.truncatedTo(ChronoUnit.MINUTES)
			.plusHours(3);
		SessionId session = this.activities.addSession(ActivityFixture.SYSTEM, activity,
				SessionDetails.at(start, start.plusHours(2), ActivityFixture.ZONE));
		PositionId position = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				PositionDetails.open("志愿者", 5));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		VolunteerView volunteer = this.support.volunteer(this.unit, "子");
		this.signUps.signUp(volunteer.accountId(), position);

		this.jobs.remind();
		this.jobs.remind();

		assertThat(this.support.inApp(volunteer.accountId(), "REMINDER")).containsExactly("活动提醒：" + title);
		assertThat(this.support.mailTo(volunteer.email(), (s) -> s.startsWith("活动提醒")).body()).contains(title);
		Thread.sleep(1000);
		assertThat(this.support.mailsTo(volunteer.email())).filteredOn((m) -> m.subject().startsWith("活动提醒"))
			.hasSize(1);
	}

	@Test
	void twoSendersAtOnceSendEachMailOnce() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			recipients.add(VolunteerFixture.email("race"));
		}
		// held first, so that only the racing senders find them due
		this.transaction.executeWithoutResult((status) -> recipients
			.forEach((to) -> this.outbox.enqueue(null, to, "竞争", "正文", Instant.now().plus(1, ChronoUnit.HOURS))));
		this.jdbc.sql("update notification_outbox set not_before = now() where recipient in (:to)")
			.param("to", recipients)
			.update();

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					this.jobs.sendOutbox();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		for (String to : recipients) {
			assertThat(status(to)).isEqualTo("SENT");
			assertThat(this.support.mailsTo(to)).as("mails to one recipient").hasSize(1);
		}
	}

	@Test
	void aFailedSendIsRetriedLaterAndMarkedFailedAfterTheLastAttempt() {
		JavaMailSender failing = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage message) {
				throw new MailSendException("refused");
			}

			@Override
			public void send(MimeMessage... messages) {
				throw new MailSendException("refused");
			}
		};
		Outbox flaky = new Outbox(this.jdbc, failing, this.recipients, this.transactions, Runnable::run,
				"from@test.invalid", 2, Duration.ofMinutes(1));
		String to = VolunteerFixture.email("flaky");
		long id = this.transaction
			.execute((status) -> flaky.enqueue(null, to, "失败", "正文", Instant.now().plus(1, ChronoUnit.HOURS)));
		this.jdbc.sql("update notification_outbox set not_before = now() where id = ?").param(id).update();

		assertThat(flaky.send(List.of(id))).isZero();
		assertThat(status(to)).isEqualTo("PENDING");
		Instant retry = this.jdbc.sql("select not_before from notification_outbox where id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(retry).isAfter(Instant.now().plusSeconds(30));
		assertThat(this.jdbc.sql("select last_error from notification_outbox where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("MailSendException").doesNotContain(to);

		this.jdbc.sql("update notification_outbox set not_before = now() where id = ?").param(id).update();
		flaky.send(List.of(id));

		assertThat(status(to)).isEqualTo("FAILED");
		this.jdbc.sql("update notification_outbox set not_before = now() where id = ?").param(id).update();
		assertThat(flaky.send(List.of(id))).isZero();
		assertThat(status(to)).isEqualTo("FAILED");
	}

	@Test
	void theBackoffDoublesAndStopsAtADay() {
		assertThat(this.outbox.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.outbox.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.outbox.backoff(30)).isEqualTo(Duration.ofDays(1));
	}

	private String status(String recipient) {
		return this.jdbc.sql("select status from notification_outbox where recipient = ?")
			.param(recipient)
			.query(String.class)
			.single();
	}

}
