package org.tongxing.notification;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.notification.domain.Preference;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification pages: one's own list, newest first, marking read (another account's
 * notification is 404), the unread badge, paging and the settings form.
 */
@IntegrationTest
class NotificationPagesIT {

	@Autowired
	MockMvc mvc;

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

	VolunteerFixture fixture;

	NotificationTestSupport support;

	UnitId unit;

	@BeforeEach
	void setUp() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.support = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.fixture.unit(this.fixture.root(), "pages");
	}

	@Test
	void theListShowsOnlyOnesOwnNotificationsNewestFirstAndMarksThemRead() throws Exception {
		VolunteerView mine = this.support.volunteer(this.unit, "我");
		VolunteerView other = this.support.volunteer(this.unit, "他");
		long older = insert(mine.accountId(), "较早的通知", "2026-01-01T08:00:00Z");
		long newer = insert(mine.accountId(), "较新的通知", "2026-01-02T08:00:00Z");
		long theirs = insert(other.accountId(), "别人的通知", "2026-01-02T09:00:00Z");
		SignedInAccount me = this.fixture.principal(mine.accountId());

		String page = this.mvc.perform(get("/notifications").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("别人的通知"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("较新的通知")).isPositive().isLessThan(page.indexOf("较早的通知"));
		assertThat(page).contains("id=\"notification-" + newer + "\"").contains("notification-unread");
		this.mvc.perform(get("/notifications/badge").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("notification-badge"), containsString(">2<"))));

		this.mvc.perform(post("/notifications/{id}/read", theirs).with(user(me)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(readAt(theirs)).isNull();

		this.mvc.perform(post("/notifications/{id}/read", older).with(user(me)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/notifications?page=0"));
		assertThat(readAt(older)).isNotNull();
		assertThat(readAt(newer)).isNull();

		this.mvc.perform(post("/notifications/{id}/read", newer).param("open", "true").with(user(me)).with(csrf()))
			.andExpect(redirectedUrl("/activities/1"));

		insert(mine.accountId(), "第三条", "2026-01-03T08:00:00Z");
		this.mvc.perform(post("/notifications/read-all").with(user(me)).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(this.jdbc.sql("select count(*) from notification where account_id = ? and read_at is null")
			.param(mine.accountId().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(readAt(theirs)).isNull();
		this.mvc.perform(get("/notifications/badge").with(user(me)))
			.andExpect(content().string(not(containsString("rounded-pill"))));
	}

	@Test
	void theListPagesTwentyAtATimeAndAnswersHtmxWithItsItems() throws Exception {
		VolunteerView mine = this.support.volunteer(this.unit, "多");
		for (int i = 0; i < 25; i++) {
			insert(mine.accountId(), "通知编号" + (100 + i), "2026-02-01T08:" + (10 + i) + ":00Z");
		}
		SignedInAccount me = this.fixture.principal(mine.accountId());

		this.mvc.perform(get("/notifications").param("page", "1").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("通知编号104"), containsString("通知编号100"),
					not(containsString("通知编号105")), containsString("第 2 / 2 页"))));
		this.mvc.perform(get("/notifications").header("HX-Request", "true").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("通知编号124"), not(containsString("<html")))));
	}

	@Test
	void settingsAreSavedAndAnInvalidFormKeepsItsInput() throws Exception {
		VolunteerView mine = this.support.volunteer(this.unit, "设");
		SignedInAccount me = this.fixture.principal(mine.accountId());

		this.mvc.perform(get("/notifications/settings").with(user(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"22:00\"")));

		this.mvc
			.perform(post("/notifications/settings").param("quietEnabled", "true")
				.param("quietFrom", "25:99")
				.param("quietTo", "07:30")
				.with(user(me))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"25:99\""), containsString("value=\"07:30\""),
					containsString("is-invalid"))));
		this.mvc
			.perform(post("/notifications/settings").param("quietEnabled", "true")
				.param("quietFrom", "07:30")
				.param("quietTo", "07:30")
				.with(user(me))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));

		this.mvc
			.perform(post("/notifications/settings").param("emailEnabled", "false")
				.param("quietEnabled", "true")
				.param("quietFrom", "23:00")
				.param("quietTo", "07:00")
				.with(user(me))
				.with(csrf()))
			.andExpect(redirectedUrl("/notifications/settings"));
		Preference saved = this.preferences.of(mine.accountId());
		assertThat(saved.emailEnabled()).isFalse();
		assertThat(saved.quietHours().enabled()).isTrue();
		assertThat(saved.quietHours().from()).hasToString("23:00");
		assertThat(saved.quietHours().to()).hasToString("07:00");
	}

	private long insert(AccountId account, String title, String createdAt) {
		return this.jdbc.sql("""
				insert into notification (account_id, kind, title, body, link, created_at)
				values (?, 'MESSAGE', ?, '正文', '/activities/1', ?::timestamptz) returning id""")
			.params(account.value(), title, createdAt)
			.query(Long.class)
			.single();
	}

	private Object readAt(long id) {
		return this.jdbc.sql("select read_at from notification where id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1))
			.optional()
			.orElse(null);
	}

}
