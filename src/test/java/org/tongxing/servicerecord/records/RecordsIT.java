package org.tongxing.servicerecord.records;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.notification.NotificationTestSupport;
import org.tongxing.notification.domain.Preference;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.RecordsOverdue;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organisers and admins deciding service records: a session's records confirmed at once,
 * decided records that never change (the page and the database trigger), reasons
 * required, other units refused, the queue overdue first, a correction approved, the
 * daily reminder of overdue records and the volunteer told of a rejected declaration.
 */
@IntegrationTest
class RecordsIT {

	@Autowired
	MockMvc mvc;

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
	CheckIns checkIns;

	@Autowired
	ServiceRecords records;

	@Autowired
	OverdueReminderJob reminders;

	@Autowired
	Preferences preferences;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcClient jdbc;

	ServiceRecordFixture fixture;

	NotificationTestSupport notifications;

	UnitId unit;

	SignedInAccount admin;

	@BeforeEach
	void setUp() {
		VolunteerFixture volunteerFixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.fixture = new ServiceRecordFixture(new ActivityFixture(volunteerFixture, this.activities, this.volunteers),
				this.activities, this.signUps, this.checkIns);
		this.notifications = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = volunteerFixture.unit(volunteerFixture.root(), "记录");
		this.admin = volunteerFixture.adminOf(this.unit);
	}

	@Test
	void anOrganiserConfirmsAllOfASessionsRecordsAndTheVolunteersTotalRises() throws Exception {
		Running running = this.fixture.session(this.unit, "全部确认", Duration.ofHours(3), Duration.ofHours(2));
		AccountId first = this.fixture.attendee(running, this.unit, "甲");
		AccountId second = this.fixture.attendee(running, this.unit, "乙");
		AccountId absent = this.fixture.attendee(running, this.unit, "缺席者");
		attend(running, first);
		attend(running, second);
		VolunteerId firstId = this.fixture.volunteerId(first);
		assertThat(this.records.total(firstId)).isEqualByComparingTo(BigDecimal.ZERO);

		Document page = page("/sessions/" + running.session().value() + "/records");
		assertThat(page.select("#records-table tbody tr")).hasSize(2);
		assertThat(page.select("#records-table").text()).contains("甲", "乙", "待确认",
				this.fixture.activities.volunteerOf(first).number());
		assertThat(page.select(".records-missing-row").text()).contains("缺席者", "无考勤");
		assertThat(page.select("#records-missing a").attr("href"))
			.endsWith("/sessions/" + running.session().value() + "/attendance");
		assertThat(page.select("#records-missing").text()).doesNotContain("甲");
		assertThat(absent).isNotNull();

		this.mvc
			.perform(post("/sessions/" + running.session().value() + "/records/confirm-all").with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sessions/" + running.session().value() + "/records"));

		List<EntryView> entries = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session());
		assertThat(entries).hasSize(2)
			.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo(EntryStatus.CONFIRMED));
		BigDecimal hours = entries.stream()
			.filter((entry) -> entry.volunteer().equals(firstId))
			.findFirst()
			.orElseThrow()
			.hours();
		assertThat(hours).isPositive();
		assertThat(this.records.total(firstId)).isEqualByComparingTo(hours);
		Document after = page("/sessions/" + running.session().value() + "/records");
		assertThat(after.select(".records-status").eachText()).containsOnly("已确认");
		assertThat(after.select("#records-confirm-all")).isEmpty();

		// a confirmed session record is what the volunteer expects: no message for it
		for (EntryView entry : entries) {
			awaitListenersOf(entry);
		}
		assertThat(this.jdbc.sql("select count(*) from notification where account_id = ? and kind like 'RECORD_%'")
			.param(first.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aConfirmedRecordCannotBeAdjustedNotEvenInTheDatabase() throws Exception {
		Running running = this.fixture.session(this.unit, "不可更改", Duration.ofHours(3), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "丙");
		attend(running, volunteer);
		EntryView entry = only(running);
		String base = "/sessions/" + running.session().value() + "/records/" + entry.id();
		this.mvc.perform(post(base + "/confirm").with(user(this.admin)).with(csrf())).andExpect(status().isFound());

		String html = this.mvc
			.perform(post(base + "/adjust").param("hours", "9").param("note", "多算").with(user(this.admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(Jsoup.parse(html).select("#records-problem").text()).contains("已经确认或驳回");
		EntryView unchanged = this.records.get(entry.id());
		assertThat(unchanged.hours()).isEqualByComparingTo(entry.hours());
		assertThat(unchanged.status()).isEqualTo(EntryStatus.CONFIRMED);
		assertThatThrownBy(
				() -> this.jdbc.sql("update service_entry set hours = 9 where id = ?").param(entry.id()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("never changes");
		assertThat(this.records.get(entry.id()).hours()).isEqualByComparingTo(entry.hours());
	}

	@Test
	void rejectingNeedsAReasonAndTheFormsKeepWhatWasTyped() throws Exception {
		Running running = this.fixture.session(this.unit, "驳回原因", Duration.ofHours(3), Duration.ofHours(2));
		attend(running, this.fixture.attendee(running, this.unit, "丁"));
		EntryView entry = only(running);
		String base = "/sessions/" + running.session().value() + "/records/" + entry.id();

		Document blank = Jsoup
			.parse(this.mvc.perform(post(base + "/reject").param("reason", "  ").with(user(this.admin)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(blank.select("#reject-reason-" + entry.id() + "-errors").text()).isEqualTo("请填写原因。");
		assertThat(blank.select("#entry-" + entry.id() + " details[open]")).hasSize(1);

		String tooLong = "很".repeat(RejectForm.REASON_MAX + 1);
		Document kept = Jsoup
			.parse(this.mvc.perform(post(base + "/reject").param("reason", tooLong).with(user(this.admin)).with(csrf()))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(kept.select("#reject-reason-" + entry.id()).val()).isEqualTo(tooLong);

		Document adjust = Jsoup.parse(this.mvc
			.perform(post(base + "/adjust").param("hours", "2.5").param("note", "").with(user(this.admin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(adjust.select("#adjust-hours-" + entry.id()).val()).isEqualTo("2.5");
		assertThat(adjust.select("#adjust-note-" + entry.id() + "-errors").text()).isEqualTo("请填写调整原因。");
		assertThat(this.records.get(entry.id()).status()).isEqualTo(EntryStatus.PENDING);

		this.mvc.perform(
				post(base + "/adjust").param("hours", "1.5").param("note", "提前离场").with(user(this.admin)).with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.records.get(entry.id()).hours()).isEqualByComparingTo("1.5");
		this.mvc.perform(post(base + "/reject").param("reason", "未按要求服务").with(user(this.admin)).with(csrf()))
			.andExpect(status().isFound());
		EntryView rejected = this.records.get(entry.id());
		assertThat(rejected.status()).isEqualTo(EntryStatus.REJECTED);
		assertThat(rejected.decisionNote()).isEqualTo("未按要求服务");
	}

	@Test
	void anAdminOfAnotherUnitIsRefused() throws Exception {
		Running running = this.fixture.session(this.unit, "别人的记录", Duration.ofHours(3), Duration.ofHours(2));
		attend(running, this.fixture.attendee(running, this.unit, "戊"));
		EntryView entry = only(running);
		UnitId elsewhere = this.fixture.activities.volunteers.unit(this.fixture.activities.volunteers.root(), "别处");
		SignedInAccount stranger = this.fixture.activities.volunteers.adminOf(elsewhere);

		this.mvc.perform(get("/records/" + entry.id()).with(user(stranger))).andExpect(status().isForbidden());
		this.mvc.perform(post("/records/" + entry.id() + "/confirm").with(user(stranger)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/sessions/" + running.session().value() + "/records/" + entry.id() + "/confirm")
				.with(user(stranger))
				.with(csrf()))
			.andExpect(status().isForbidden());
		// the session itself is not even visible to them
		this.mvc.perform(get("/sessions/" + running.session().value() + "/records").with(user(stranger)))
			.andExpect(status().isNotFound());
		assertThat(this.records.get(entry.id()).status()).isEqualTo(EntryStatus.PENDING);
		String queue = this.mvc.perform(get("/records").with(user(stranger)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(queue).select("#queue-" + entry.id())).isEmpty();
	}

	@Test
	void theQueueListsOverdueRecordsFirstWithTheWorkingDaysLate() throws Exception {
		Running recent = this.fixture.session(this.unit, "最近的活动", Duration.ofHours(3), Duration.ofHours(2));
		attend(recent, this.fixture.attendee(recent, this.unit, "己"));
		Running old = this.fixture.session(this.unit, "三周前的活动", Duration.ofDays(21), Duration.ofHours(2));
		attend(old, this.fixture.attendee(old, this.unit, "庚"));
		EntryView late = only(old);
		EntryView fresh = only(recent);
		assertThat(late.dueOn()).isBefore(LocalDate.now(ZoneId.of("Asia/Shanghai")));

		Document page = page("/records?unit=" + this.unit.value());
		List<String> ids = page.select(".records-queue-row").eachAttr("id");
		assertThat(ids).containsExactly("queue-" + late.id(), "queue-" + fresh.id());
		assertThat(page.select("#queue-" + late.id() + " .records-late").text()).matches("逾期 [1-9]\\d* 个工作日");
		assertThat(page.select("#queue-" + fresh.id() + " .records-late")).isEmpty();
		assertThat(page.select("#queue-" + late.id() + " a").attr("href")).endsWith("/records/" + late.id());
		assertThat(page.select("#records-summary").text()).isEqualTo("共 2 条待确认，其中 1 条已逾期");

		Document declared = page("/records?unit=" + this.unit.value() + "&kind=SELF_DECLARED");
		assertThat(declared.select(".records-queue-row")).isEmpty();

		Document entry = page("/records/" + late.id());
		assertThat(entry.select("#entry-due").text()).startsWith("已逾期");
		assertThat(entry.select("#entry-fields").text()).contains("三周前的活动", "王老师", "服务岗");
		assertThat(entry.select("#entry-confirm")).hasSize(1);
	}

	@Test
	void anApprovedCorrectionChangesTheStandingHoursAndBothEntriesStayInTheHistory() throws Exception {
		Running running = this.fixture.session(this.unit, "更正", Duration.ofHours(3), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "辛");
		attend(running, volunteer);
		EntryView original = only(running);
		this.records.confirm(ServiceRecordFixture.SYSTEM, original.id(), this.admin.id());
		BigDecimal corrected = original.hours().add(BigDecimal.ONE);
		long correction = this.records.requestCorrection(volunteer, original.id(), corrected, null, "签退时手机没电");

		Document before = page("/records/" + correction);
		assertThat(before.select("#entry-original").text()).contains("更正");
		assertThat(before.select("#entry-standing").text())
			.isEqualTo(plain(original.hours()) + " 小时 → " + plain(corrected) + " 小时");
		assertThat(before.select("#entry-reason").text()).isEqualTo("签退时手机没电");

		this.mvc.perform(post("/records/" + correction + "/confirm").with(user(this.admin)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/records/" + correction));

		assertThat(this.records.standing(original.id())).isEqualByComparingTo(corrected);
		assertThat(this.records.total(this.fixture.volunteerId(volunteer))).isEqualByComparingTo(corrected);
		assertThat(this.records.get(original.id()).hours()).isEqualByComparingTo(original.hours());
		Document after = page("/records/" + original.id());
		assertThat(after.select(".entry-history-row").eachAttr("id")).containsExactly("history-" + original.id(),
				"history-" + correction);
		assertThat(after.select("#history-" + correction).text()).contains("已确认");
	}

	@Test
	void theDailyReminderTellsTheUnitsAdminsInTheAppAndByMail() throws Exception {
		this.preferences.save(this.admin.id(), new Preference(true, NotificationTestSupport.OFF));
		Running old = this.fixture.session(this.unit, "逾期提醒", Duration.ofDays(21), Duration.ofHours(2));
		attend(old, this.fixture.attendee(old, this.unit, "壬"));
		EntryView late = only(old);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		List<RecordsOverdue> published = this.reminders.remind(today);

		assertThat(published).contains(new RecordsOverdue(this.unit, 1, 0, late.dueOn()));
		String unitName = this.units.get(ServiceRecordFixture.SYSTEM, this.unit).name();
		assertThat(this.notifications.inApp(this.admin.id(), "RECORDS_OVERDUE")).containsExactly("服务记录待确认：" + unitName);
		String email = this.accounts.find(this.admin.id()).orElseThrow().email();
		NotificationTestSupport.Mail mail = this.notifications.mailTo(email, (s) -> s.contains(unitName));
		assertThat(mail.body()).contains("1 条服务记录已超过确认期限").contains("/records?unit=" + this.unit.value());
	}

	@Test
	void aRejectedDeclarationIsToldToTheVolunteer() throws Exception {
		VolunteerView volunteer = this.notifications.volunteer(this.unit, "癸", Locale.ENGLISH, null);
		long declared = this.records.declare(volunteer.accountId(), new Declaration("社区图书整理",
				LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3), "东城区", "社区居委会", new BigDecimal("3"), "整理图书"),
				null);
		assertThat(this.records.get(declared).kind()).isEqualTo(EntryKind.SELF_DECLARED);

		this.mvc
			.perform(post("/records/" + declared + "/reject").param("reason", "No proof of the service")
				.with(user(this.admin))
				.with(csrf()))
			.andExpect(status().isFound());

		assertThat(this.notifications.inApp(volunteer.accountId(), "RECORD_REJECTED"))
			.containsExactly("Service record not accepted: 社区图书整理");
		assertThat(this.notifications.mailTo(volunteer.email(), (s) -> s.contains("社区图书整理")).body())
			.contains("Reason: No proof of the service")
			.contains("/me/hours");
	}

	@Test
	void evidenceIsADownloadForAdminsWhoDecideOnly() throws Exception {
		VolunteerView volunteer = this.notifications.volunteer(this.unit, "子");
		long file = this.jdbc.sql("""
				insert into service_file (volunteer_id, file_name, content_type, size_bytes, content)
				values (?, '证明.html', 'text/html', 20, ?) returning id""")
			.params(volunteer.id().value(), "<script>x</script>".getBytes())
			.query(Long.class)
			.single();
		long declared = this.records.declare(volunteer.accountId(), new Declaration("义务讲解",
				LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), "博物馆", "博物馆", new BigDecimal("2"), ""), file);

		assertThat(page("/records/" + declared).select("#entry-evidence").attr("href"))
			.endsWith("/records/files/" + file);
		this.mvc.perform(get("/records/files/" + file).with(user(this.admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Type", "application/octet-stream"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
		SignedInAccount stranger = this.fixture.activities.volunteers
			.adminOf(this.fixture.activities.volunteers.unit(this.fixture.activities.volunteers.root(), "旁人"));
		this.mvc.perform(get("/records/files/" + file).with(user(stranger))).andExpect(status().isForbidden());
	}

	// --- helpers

	/**
	 * Waits until the notification listener has handled the entry's decision (the
	 * registry keeps completed publications).
	 */
	private void awaitListenersOf(EntryView entry) throws InterruptedException {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
		while (this.jdbc.sql("""
				select count(*) from event_publication where completion_date is not null
				and listener_id like '%ServiceRecordNotifications%' and serialized_event like ?""")
			.param("%\"entryId\":" + entry.id() + ",%")
			.query(Integer.class)
			.single() == 0) {
			assertThat(java.time.Instant.now()).as("the listener handled the decision in time").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private void attend(Running running, AccountId account) {
		this.fixture.attend(running, account, running.startsAt().plus(Duration.ofMinutes(5)),
				running.startsAt().plus(Duration.ofMinutes(115)));
	}

	private EntryView only(Running running) {
		List<EntryView> entries = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session());
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static String plain(BigDecimal hours) {
		return hours.stripTrailingZeros().toPlainString();
	}

}
