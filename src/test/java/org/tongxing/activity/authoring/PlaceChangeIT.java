package org.tongxing.activity.authoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionChanged;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUps;
import org.tongxing.notification.NotificationTestSupport;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Moving a published activity (a new address, or going online) tells everyone signed up
 * for a session still to come that takes the activity's place, in the app and by mail in
 * their language; sessions with a place of their own, sessions already over, ended
 * sign-ups, drafts and edits that keep the place tell no one. A new activity time zone
 * moves no session, so it tells no one either.
 */
@IntegrationTest
class PlaceChangeIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Preferences preferences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	ActivityFixture fixture;

	NotificationTestSupport support;

	UnitId unit;

	SignedInAccount admin;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.support = new NotificationTestSupport(this.volunteers, this.preferences, this.jdbc, this.mail);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "place");
		this.admin = this.fixture.volunteers.adminOf(this.unit);
	}

	@Test
	void aNewAddressIsToldToTheParticipantsOfComingSessionsAtTheActivitysPlaceOnly() throws Exception {
		String title = "社区义诊-" + this.fixture.volunteers.tag;
		ActivityId activity = this.fixture.draft(this.unit, title);
		SessionId inherits = this.fixture.session(activity, 5, 9, 12);
		LocalDateTime day6 = day(6);
		SessionId ownPlace = this.activities.addSession(ActivityFixture.SYSTEM, activity, new SessionDetails(null,
				day6.withHour(9), day6.withHour(12), ActivityFixture.ZONE, false, "海淀区自有场地 2 号", null, null, null));
		SessionId past = this.fixture.session(activity, -1, 9, 12);
		SessionId nobodyYet = this.fixture.session(activity, 7, 9, 12);
		PositionId atInherits = position(inherits);
		PositionId atOwnPlace = position(ownPlace);
		PositionId atPast = position(past);
		position(nobodyYet);
		this.activities.publish(ActivityFixture.SYSTEM, activity);

		VolunteerView zh = this.support.volunteer(this.unit, "甲");
		VolunteerView en = this.support.volunteer(this.unit, "乙", Locale.ENGLISH, null);
		VolunteerView withdrawn = this.support.volunteer(this.unit, "丙");
		VolunteerView elsewhere = this.support.volunteer(this.unit, "丁");
		VolunteerView before = this.support.volunteer(this.unit, "戊");
		this.signUps.signUp(zh.accountId(), atInherits);
		this.signUps.signUp(en.accountId(), atInherits);
		SignUpId gone = this.signUps.signUp(withdrawn.accountId(), atInherits).signUp();
		this.signUps.cancel(withdrawn.accountId(), gone);
		this.signUps.signUp(elsewhere.accountId(), atOwnPlace);
		this.signUps.addByHand(ActivityFixture.SYSTEM, atPast, before.id(), "补录", null);

		// the form says what saving a new place will do
		assertThat(Jsoup
			.parse(this.mvc.perform(get("/activities/" + activity + "/edit").with(user(this.admin)))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.select("#place-published-hint")
			.text()).contains("会收到通知");

		edit(activity, Map.of("address", "北京市海淀区新址 9 号"));

		// published in the edit's transaction: one change, for the one session concerned
		List<JsonNode> changes = changesOf(activity);
		assertThat(changes).hasSize(1);
		assertThat(id(changes.get(0).path("session"))).isEqualTo(inherits.value());
		assertThat(changes.get(0).path("cancelled").asBoolean()).isFalse();
		assertThat(participants(changes.get(0))).containsExactly(zh.id().value(), en.id().value());

		assertThat(this.support.inApp(zh.accountId(), "SESSION_CHANGED")).containsExactly("活动时间或地点有变：" + title);
		assertThat(this.support.mailTo(zh.email(), (s) -> s.startsWith("活动时间或地点有变")).body())
			.contains("新地点：北京市海淀区新址 9 号");
		assertThat(this.support.inApp(en.accountId(), "SESSION_CHANGED"))
			.containsExactly("Time or place changed: " + title);
		assertThat(this.support.mailTo(en.email(), (s) -> s.startsWith("Time or place changed")).body())
			.contains("New place: 北京市海淀区新址 9 号");
		for (VolunteerView untold : List.of(withdrawn, elsewhere, before)) {
			assertThat(inAppCount(untold, "SESSION_CHANGED")).as(untold.name()).isZero();
			assertThat(this.support.mailsTo(untold.email())).extracting(NotificationTestSupport.Mail::subject)
				.noneMatch((subject) -> subject.startsWith("活动时间或地点有变"));
		}
	}

	@Test
	void goingOnlineTellsButAnEditThatKeepsThePlaceOrChangesTheZoneDoesNot() throws Exception {
		String title = "线上辅导-" + this.fixture.volunteers.tag;
		ActivityId activity = this.fixture.draft(this.unit, title);
		SessionId session = this.fixture.session(activity, 4, 19, 21);
		PositionId position = position(session);

		// a draft's participants (added by hand) are not told: nothing was announced yet
		VolunteerView early = this.support.volunteer(this.unit, "己");
		this.signUps.addByHand(ActivityFixture.SYSTEM, position, early.id(), "预先安排", null);
		edit(activity, Map.of("address", "北京市西城区 3 号"));
		assertThat(changesOf(activity)).isEmpty();

		this.activities.publish(ActivityFixture.SYSTEM, activity);
		edit(activity, Map.of("address", "北京市西城区 3 号", "title", title + "（更新）", "timeZone", "Europe/Paris",
				"contactName", "赵老师"));
		assertThat(changesOf(activity)).isEmpty();
		// the session keeps its own zone, so its participants' times did not move
		assertThat(this.activities.findSession(session).orElseThrow().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));

		edit(activity, Map.of("title", title + "（更新）", "timeZone", "Europe/Paris", "online", "true", "address", "",
				"onlineUrl", "https://meeting.example.org/tutoring"));
		List<JsonNode> changes = changesOf(activity);
		assertThat(changes).hasSize(1);
		assertThat(participants(changes.get(0))).containsExactly(early.id().value());
		assertThat(this.support.inApp(early.accountId(), "SESSION_CHANGED"))
			.containsExactly("活动时间或地点有变：" + title + "（更新）");
		assertThat(this.support.mailTo(early.email(), (s) -> s.startsWith("活动时间或地点有变")).body())
			.contains("https://meeting.example.org/tutoring");
	}

	// --- helpers

	private PositionId position(SessionId session) {
		return this.activities.addPosition(ActivityFixture.SYSTEM, session, PositionDetails.open("导诊", 10));
	}

	private static LocalDateTime day(int daysAhead) {
		return LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE)).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead);
	}

	/**
	 * Posts the edit page with the activity's current values, except those overridden.
	 */
	private void edit(ActivityId id, Map<String, String> overrides) throws Exception {
		ActivityView activity = this.activities.find(id).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", activity.title());
		fields.put("description", activity.descriptionHtml());
		fields.put("unit", activity.unit().toString());
		if (activity.online()) {
			fields.put("online", "true");
		}
		fields.put("address", (activity.address() != null) ? activity.address() : "");
		fields.put("onlineUrl", (activity.onlineUrl() != null) ? activity.onlineUrl() : "");
		fields.put("timeZone", activity.zone().getId());
		fields.put("visibility", activity.visibility().name());
		fields.put("contactName", activity.contactName());
		fields.put("contactInfo", activity.contactInfo());
		fields.put("beneficiaries", activity.beneficiaries());
		fields.put("cancelDeadlineHours", Integer.toString(activity.cancelDeadlineHours()));
		fields.putAll(overrides);
		var request = post("/activities/" + id + "/edit").with(user(this.admin)).with(csrf());
		fields.forEach(request::param);
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	/**
	 * The {@link SessionChanged} events published for the activity, oldest first (the
	 * registry writes one row per listener in the publishing transaction and keeps
	 * completed ones).
	 */
	private List<JsonNode> changesOf(ActivityId activity) {
		return this.jdbc.sql("""
				select serialized_event from event_publication where event_type = ?
				group by serialized_event order by min(publication_date)""")
			.param(SessionChanged.class.getName())
			.query((rs, n) -> JSON.readTree(rs.getString(1)))
			.list()
			.stream()
			.filter((event) -> id(event.path("activity")) == activity.value())
			.toList();
	}

	private static long id(JsonNode node) {
		return node.isObject() ? node.path("value").asLong() : node.asLong();
	}

	private static List<Long> participants(JsonNode event) {
		List<Long> ids = new ArrayList<>();
		JsonNode participants = event.path("participants");
		for (int i = 0; i < participants.size(); i++) {
			ids.add(id(participants.get(i)));
		}
		return ids;
	}

	private int inAppCount(VolunteerView volunteer, String kind) {
		return this.jdbc.sql("select count(*) from notification where account_id = ? and kind = ?")
			.params(volunteer.accountId().value(), kind)
			.query(Integer.class)
			.single();
	}

}
