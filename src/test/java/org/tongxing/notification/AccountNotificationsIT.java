package org.tongxing.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.notification.NotificationTestSupport.Mail;
import org.tongxing.notification.domain.Preference;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.notification.domain.QuietHours;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.RecordsOverdue;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications to accounts rather than volunteers: a unit admin with no volunteer record
 * hears of overdue service records in the app and by mail, in Chinese; an admin who is
 * also a volunteer in their own language; quiet hours hold the mail (not the in-app
 * entry) and an admin who wants no mail gets none.
 */
@IntegrationTest
class AccountNotificationsIT {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Preferences preferences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MockMvc mvc;

	VolunteerFixture people;

	NotificationTestSupport support;

	UnitId unit;

	@BeforeEach
	void setUp() {
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.support = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.people.unit(this.people.root(), "逾期通知");
	}

	@Test
	void aUnitAdminWithoutAVolunteerRecordGetsTheOverdueReminderInTheAppAndByMail() throws Exception {
		SignedInAccount admin = adminOnly("unitadmin", NotificationTestSupport.OFF, true);
		assertThat(this.volunteers.findByAccount(admin.id())).as("an account, not a volunteer").isEmpty();
		LocalDate oldest = LocalDate.now(BEIJING).minusDays(3);

		overdue(new RecordsOverdue(this.unit, 2, 1, oldest));

		String title = "服务记录待确认：" + unitName(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.support.inApp(admin.id(), "RECORDS_OVERDUE")).containsExactly(title);
		Mail mail = this.support.mailTo(email(admin.id()), (subject) -> subject.equals(title));
		assertThat(mail.body()).contains("有 2 条服务记录已超过确认期限，另有 1 条将在两个工作日内到期（最早截止 " + oldest + "）")
			.contains("查看待确认的服务记录：")
			.contains("/records?unit=" + this.unit.value());

		Document list = page("/notifications", admin);
		assertThat(list.select("#main").text()).contains(title);
		Document settings = page("/notifications/settings", admin);
		assertThat(settings.getElementById("notification-save")).isNotNull();
	}

	@Test
	void anAdminWhoIsAVolunteerReadsTheReminderInTheirOwnLanguage() {
		VolunteerView volunteer = this.support.volunteer(this.unit, "英语管理员", Locale.ENGLISH, null);
		this.units.appointAdmin(VolunteerFixture.SYSTEM, this.unit, volunteer.accountId());
		LocalDate oldest = LocalDate.now(BEIJING).plusDays(1);

		overdue(new RecordsOverdue(this.unit, 0, 3, oldest));

		String title = "Service records to confirm: " + unitName(Locale.ENGLISH);
		assertThat(this.support.inApp(volunteer.accountId(), "RECORDS_OVERDUE")).containsExactly(title);
		String address = email(volunteer.accountId());
		assertThat(this.support.mailTo(address, (subject) -> subject.equals(title)).body())
			.contains("has 3 service records due within two working days (the earliest due " + oldest + ")")
			.contains("See the records to confirm:");
	}

	@Test
	void quietHoursHoldTheMailButNotTheInAppEntryAndNoMailWhenNoneIsWanted() {
		LocalTime now = LocalTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
		SignedInAccount resting = adminOnly("resting", new QuietHours(true, now.minusHours(1), now.plusHours(2)), true);
		SignedInAccount noMail = adminOnly("nomail", NotificationTestSupport.OFF, false);

		overdue(new RecordsOverdue(this.unit, 1, 0, LocalDate.now(BEIJING).minusDays(1)));

		String title = "服务记录待确认：" + unitName(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.support.inApp(resting.id(), "RECORDS_OVERDUE")).containsExactly(title);
		assertThat(this.support.inApp(noMail.id(), "RECORDS_OVERDUE")).containsExactly(title);
		// the mail is queued in the in-app entry's transaction: it is there, held
		Instant notBefore = this.jdbc
			.sql("select not_before from notification_outbox where account_id = ? and status = 'PENDING'")
			.param(resting.id().value())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		assertThat(notBefore).isAfter(Instant.now().plus(90, ChronoUnit.MINUTES));
		assertThat(this.support.mailsTo(email(resting.id()))).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where account_id = ?")
			.param(noMail.id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	// --- helpers

	/** An account appointed admin of the unit, with no volunteer record. */
	private SignedInAccount adminOnly(String name, QuietHours quiet, boolean email) {
		SignedInAccount admin = this.people.account(name);
		this.units.appointAdmin(VolunteerFixture.SYSTEM, this.unit, admin.id());
		this.preferences.save(admin.id(), new Preference(email, quiet));
		return admin;
	}

	/** Publishes the event as the daily job does: in a transaction, heard after it. */
	private void overdue(RecordsOverdue event) {
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private String unitName(Locale locale) {
		return this.units.get(VolunteerFixture.SYSTEM, this.unit).displayName(locale);
	}

	private String email(AccountId account) {
		return this.accounts.find(account).orElseThrow().email();
	}

	private Document page(String path, SignedInAccount account) throws Exception {
		String html = this.mvc.perform(get(path).with(user(account)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return Jsoup.parse(html);
	}

}
