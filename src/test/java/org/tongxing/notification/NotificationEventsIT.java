package org.tongxing.notification;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Approval;
import org.tongxing.activity.ParticipantsMessaged;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.notification.NotificationTestSupport.Mail;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of the activity module reaches the volunteer in the app and by mail, in
 * their language, with the session's time in its own zone.
 */
@IntegrationTest
class NotificationEventsIT {

	static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	ActivityFixture fixture;

	NotificationTestSupport support;

	UnitId unit;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.support = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "notify");
	}

	@Test
	void signingUpTheWaitlistAnOfferAndItsExpiryAreToldInTheVolunteersLanguage() {
		String title = "植树-" + this.fixture.volunteers.tag;
		PositionId position = this.fixture.published(this.unit, title, 5, PositionDetails.open("引导员", 1));
		VolunteerView zh = this.support.volunteer(this.unit, "甲");
		VolunteerView en = this.support.volunteer(this.unit, "乙", Locale.ENGLISH, null);

		SignUpId first = this.signUps.signUp(zh.accountId(), position).signUp();
		SignUpId second = this.signUps.signUp(en.accountId(), position).signUp();

		assertThat(this.support.inApp(zh.accountId(), "SIGNED_UP")).containsExactly("报名成功：" + title);
		Mail confirmed = this.support.mailTo(zh.email(), (s) -> s.equals("报名成功：" + title));
		assertThat(confirmed.body()).contains("引导员").contains("北京市朝阳区 1 号").contains("09:00–12:00 (Asia/Shanghai)");
		assertThat(this.support.inApp(en.accountId(), "WAITLISTED")).containsExactly("On the waitlist: " + title);
		assertThat(this.support.mailTo(en.email(), (s) -> s.equals("On the waitlist: " + title)).body())
			.contains("is full");

		this.signUps.cancelByOrganiser(ActivityFixture.SYSTEM, first, "场地调整", null);

		assertThat(this.support.inApp(zh.accountId(), "CANCELLED")).containsExactly("报名被取消：" + title);
		assertThat(this.support.mailTo(zh.email(), (s) -> s.startsWith("报名被取消")).body()).contains("原因：场地调整");
		String token = this.jdbc.sql("select offer_token from signup where id = ?")
			.param(second.value())
			.query(String.class)
			.single();
		assertThat(this.support.inApp(en.accountId(), "OFFERED")).containsExactly("A place for you: " + title);
		Mail offer = this.support.mailTo(en.email(), (s) -> s.startsWith("A place for you"));
		assertThat(offer.body()).contains("/offers/" + token).startsWith("A place in \"" + title + "\"");
		assertThat(this.jdbc.sql("select link from notification where account_id = ? and kind = 'OFFERED'")
			.param(en.accountId().value())
			.query(String.class)
			.single()).isEqualTo("/offers/" + token);

		this.jdbc.sql("update signup set offer_expires_at = now() - interval '1 minute' where id = ?")
			.param(second.value())
			.update();
		this.signUps.expireOffers();

		assertThat(this.signUps.find(second).orElseThrow().status()).isEqualTo(SignUpStatus.EXPIRED);
		assertThat(this.support.inApp(en.accountId(), "EXPIRED")).containsExactly("Offer expired: " + title);
		assertThat(this.support.mailTo(en.email(), (s) -> s.startsWith("Offer expired")).body()).contains("in time");
	}

	@Test
	void approvalRejectionAndAddingByHandAreTold() {
		String title = "义诊-" + this.fixture.volunteers.tag;
		PositionId position = this.fixture.published(this.unit, title, 6, new PositionDetails("医生助理", null, 3,
				Approval.ORGANISER, null, java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
		VolunteerView approved = this.support.volunteer(this.unit, "丙", Locale.ENGLISH, null);
		VolunteerView rejected = this.support.volunteer(this.unit, "丁");
		VolunteerView added = this.support.volunteer(this.unit, "戊");

		SignUpId a = this.signUps.signUp(approved.accountId(), position).signUp();
		SignUpId r = this.signUps.signUp(rejected.accountId(), position).signUp();
		assertThat(this.support.inApp(approved.accountId(), "PENDING")).containsExactly("Awaiting approval: " + title);
		assertThat(this.support.mailTo(rejected.email(), (s) -> s.equals("报名待审核：" + title)).body()).contains("等待组织者审核");

		this.signUps.approve(ActivityFixture.SYSTEM, a, null);
		this.signUps.reject(ActivityFixture.SYSTEM, r, "需要医学背景", null);
		this.signUps.addByHand(ActivityFixture.SYSTEM, position, added.id(), "老队员", null);

		assertThat(this.support.inApp(approved.accountId(), "APPROVED")).containsExactly("Sign-up approved: " + title);
		assertThat(this.support.mailTo(approved.email(), (s) -> s.startsWith("Sign-up approved")).body())
			.contains("approved your sign-up");
		assertThat(this.support.inApp(rejected.accountId(), "REJECTED")).containsExactly("报名未通过：" + title);
		assertThat(this.support.mailTo(rejected.email(), (s) -> s.startsWith("报名未通过")).body()).contains("原因：需要医学背景");
		assertThat(this.support.inApp(added.accountId(), "ADDED")).containsExactly("组织者为你报名：" + title);
		assertThat(this.support.mailTo(added.email(), (s) -> s.startsWith("组织者为你报名")).body()).contains("医生助理");
	}

	@Test
	void everyParticipantHearsOfAChangedOrCancelledSessionAndOfTheOrganisersMessage() {
		String title = "敬老-" + this.fixture.volunteers.tag;
		ActivityId activity = this.fixture.draft(this.unit, title);
		SessionId session = this.fixture.session(activity, 7, 9, 12);
		PositionId position = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				PositionDetails.open("陪护", 5));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		VolunteerView zh = this.support.volunteer(this.unit, "己");
		VolunteerView en = this.support.volunteer(this.unit, "庚", Locale.ENGLISH, null);
		this.signUps.signUp(zh.accountId(), position);
		this.signUps.signUp(en.accountId(), position);

		LocalDateTime day = LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE)).truncatedTo(ChronoUnit.DAYS).plusDays(8);
		this.activities.updateSession(ActivityFixture.SYSTEM, session, new SessionDetails(null, day.withHour(14),
				day.withHour(16), ActivityFixture.ZONE, false, "海淀区养老院", null, null, null));

		String when = DAY_TIME.format(day.withHour(14)) + "–16:00 (Asia/Shanghai)";
		assertThat(this.support.inApp(zh.accountId(), "SESSION_CHANGED")).containsExactly("活动时间或地点有变：" + title);
		assertThat(this.support.mailTo(zh.email(), (s) -> s.startsWith("活动时间或地点有变")).body()).contains("新时间：" + when)
			.contains("新地点：海淀区养老院");
		assertThat(this.support.mailTo(en.email(), (s) -> s.startsWith("Time or place changed")).body())
			.contains("New time: " + when);

		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(new ParticipantsMessaged(activity,
				session, null, "集合地点-" + title, "请提前十分钟到。", List.of(zh.id(), en.id()))));
		this.activities.cancelSession(ActivityFixture.SYSTEM, session, "天气原因");

		assertThat(this.support.inApp(en.accountId(), "MESSAGE")).containsExactly("集合地点-" + title);
		assertThat(this.support.mailTo(en.email(), (s) -> s.equals("集合地点-" + title)).body()).startsWith("请提前十分钟到。")
			.contains("About \"" + title + "\"");
		assertThat(this.support.mailTo(zh.email(), (s) -> s.equals("集合地点-" + title)).body()).contains("关于“" + title);
		assertThat(this.support.inApp(zh.accountId(), "SESSION_CANCELLED")).containsExactly("场次已取消：" + title);
		assertThat(this.support.mailTo(zh.email(), (s) -> s.startsWith("场次已取消")).body()).contains("原因：天气原因");
		assertThat(this.support.mailTo(en.email(), (s) -> s.startsWith("Session cancelled")).body())
			.contains("Reason: 天气原因");
	}

	@Test
	void aSessionAbroadShowsItsLocalTimeAndAVolunteerAbroadAlsoSeesTheirOwn() {
		String title = "巴黎-" + this.fixture.volunteers.tag;
		ActivityId activity = this.fixture.draft(this.unit, title);
		LocalDateTime day = LocalDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.DAYS).plusDays(10);
		SessionId session = this.activities.addSession(ActivityFixture.SYSTEM, activity,
				SessionDetails.at(day.withHour(9), day.withHour(12), "Europe/Paris"));
		PositionId position = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				PositionDetails.open("翻译", 5));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		VolunteerView atHome = this.support.volunteer(this.unit, "辛");
		VolunteerView inParis = this.support.volunteer(this.unit, "壬", Locale.ENGLISH, "Europe/Paris");

		this.signUps.signUp(atHome.accountId(), position);
		this.signUps.signUp(inParis.accountId(), position);

		String paris = DAY_TIME.format(day.withHour(9)) + "–12:00 (Europe/Paris)";
		LocalDateTime beijingStart = day.withHour(9)
			.atZone(ZoneId.of("Europe/Paris"))
			.withZoneSameInstant(ZoneId.of(ActivityFixture.ZONE))
			.toLocalDateTime();
		String beijing = DAY_TIME.format(beijingStart) + "–"
				+ DateTimeFormatter.ofPattern("HH:mm").format(beijingStart.plusHours(3)) + " (Asia/Shanghai)";
		assertThat(this.support.mailTo(atHome.email(), (s) -> s.startsWith("报名成功")).body())
			.contains("时间：" + paris + "，即你所在时区 " + beijing);
		assertThat(this.support.mailTo(inParis.email(), (s) -> s.startsWith("Signed up")).body())
			.contains("When: " + paris)
			.doesNotContain("where you are");
	}

}
