package org.tongxing.activity.calendar;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpOutcome;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The personal feed and the single-session download through HTTP: a feed holds only its
 * owner's live sign-ups, in each session's zone (a mission abroad across a DST change
 * comes back at the same instant), cancelled sessions marked cancelled; regenerating
 * kills the old URL at once; a session's .ics is for those who see its activity.
 *
 * <p>
 * The feed is requested signed in as someone else than its owner: the token alone decides
 * whose feed it is. Anonymous calendar apps reach it once {@code /calendar/*} is a public
 * path (SecurityConfiguration, the lead's).
 */
@IntegrationTest
class CalendarIT {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

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
	CalendarFeeds feeds;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unit;

	AccountId me;

	SignedInAccount stranger;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "calendar");
		this.me = this.fixture.volunteer(this.unit, "晓雨");
		this.stranger = this.fixture.volunteers.principal(this.fixture.volunteer(this.unit, "路人"));
	}

	@Test
	void theFeedHoldsOnlyTheOwnersLiveSignUpsInEachSessionsZone() throws Exception {
		PositionId beijing = this.fixture.published(this.unit, "读书节义卖", 5, PositionDetails.open("收银", 3));
		// abroad, across the spring-forward of Paris and of New York
		PositionId paris = abroad("巴黎领保宣讲", PARIS, LocalDateTime.of(2027, 3, 28, 1, 30));
		PositionId newYork = abroad("纽约领保宣讲", NEW_YORK, LocalDateTime.of(2027, 3, 14, 0, 30));
		PositionId others = this.fixture.published(this.unit, "别人的活动", 6, PositionDetails.open("引导", 3));
		PositionId full = this.fixture.published(this.unit, "已满的活动", 7, PositionDetails.open("引导", 1));
		PositionId left = this.fixture.published(this.unit, "已取消报名", 8, PositionDetails.open("引导", 3));
		long mine = signUp(this.me, beijing);
		long inParis = signUp(this.me, paris);
		long inNewYork = signUp(this.me, newYork);
		signUp(this.stranger.id(), others);
		signUp(this.stranger.id(), full);
		long waiting = signUp(this.me, full);
		long cancelled = signUp(this.me, left);
		this.signUps.cancel(this.me, new org.tongxing.activity.SignUpId(cancelled));

		MockHttpServletResponse response = feed(this.feeds.tokenOf(this.me));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("private", "max-age=900");
		Calendar calendar = parse(response);
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).extracting((event) -> event.getUid().orElseThrow().getValue())
			.containsExactlyInAnyOrder(uid(mine), uid(inParis), uid(inNewYork), uid(waiting));
		VEvent inFrance = event(events, inParis);
		SessionView parisSession = this.activities.findSession(sessionOf(paris)).orElseThrow();
		assertThat(instant(inFrance.getDateTimeStart().getDate())).isEqualTo(parisSession.startsAt())
			.isEqualTo(LocalDateTime.of(2027, 3, 28, 1, 30).atZone(PARIS).toInstant());
		// 01:30 to 04:30 on the wall across the spring-forward: two hours
		assertThat(instant(inFrance.getDateTimeEnd().getDate())).isEqualTo(parisSession.endsAt())
			.isEqualTo(parisSession.startsAt().plusSeconds(2 * 3600));
		assertThat(inFrance.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
		VEvent inAmerica = event(events, inNewYork);
		assertThat(instant(inAmerica.getDateTimeStart().getDate()))
			.isEqualTo(LocalDateTime.of(2027, 3, 14, 0, 30).atZone(NEW_YORK).toInstant());
		assertThat(inAmerica.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("America/New_York");
		List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
		assertThat(zones).extracting((zone) -> zone.getTimeZoneId().getValue())
			.contains("Europe/Paris", "America/New_York", "Asia/Shanghai");
		assertThat(event(events, mine).getSummary().getValue()).isEqualTo("读书节义卖 · 收银");
		assertThat(event(events, mine).getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("北京市朝阳区 1 号");
		assertThat(event(events, mine).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
		assertThat(event(events, mine).getProperty("URL").orElseThrow().getValue())
			.endsWith("/activities/" + activityOf(beijing));
		assertThat(event(events, waiting).getSummary().getValue()).isEqualTo("[候补] 已满的活动 · 引导");
		assertThat(event(events, waiting).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("TENTATIVE");
	}

	@Test
	void aCancelledSessionStaysInTheFeedMarkedCancelled() throws Exception {
		PositionId position = this.fixture.published(this.unit, "博物馆触摸参观", 9, PositionDetails.open("引导员", 5));
		long signUp = signUp(this.me, position);
		this.activities.cancelSession(ActivityFixture.SYSTEM, sessionOf(position), "博物馆临时闭馆");

		List<VEvent> events = parse(feed(this.feeds.tokenOf(this.me))).getComponents("VEVENT");

		VEvent event = event(events, signUp);
		assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue()).startsWith("已取消：博物馆临时闭馆");
	}

	@Test
	void regeneratingKillsTheOldUrlAtOnceAndIsAudited() throws Exception {
		SignedInAccount owner = this.fixture.volunteers.principal(this.me);
		String page = this.mvc.perform(get("/me/calendar").with(user(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String old = this.feeds.tokenOf(this.me);
		assertThat(page).contains(this.feeds.url(old), "webcal://");
		assertThat(feed(old).getStatus()).isEqualTo(200);

		MockHttpServletResponse regenerated = this.mvc
			.perform(post("/me/calendar/regenerate").with(csrf()).with(user(owner)))
			.andReturn()
			.getResponse();

		assertThat(regenerated.getStatus()).isEqualTo(302);
		assertThat(regenerated.getRedirectedUrl()).isEqualTo("/me/calendar");
		String fresh = this.feeds.tokenOf(this.me);
		assertThat(fresh).isNotEqualTo(old).hasSize(43);
		assertThat(feed(old).getStatus()).isEqualTo(404);
		assertThat(feed(fresh).getStatus()).isEqualTo(200);
		List<String> audit = this.jdbc.sql("""
				select action || ' ' || coalesce(after_state::text, '') from audit_entry
				where entity_type = 'calendar-feed' and entity_id = ? order by id""")
			.param(String.valueOf(this.me.value()))
			.query(String.class)
			.list();
		assertThat(audit).hasSize(2);
		assertThat(audit.get(0)).startsWith("created");
		assertThat(audit.get(1)).startsWith("regenerated");
		assertThat(String.join(" ", audit)).doesNotContain(old, fresh);
	}

	@Test
	void unknownAndMalformedTokensFindNothing() throws Exception {
		assertThat(feed("A".repeat(43)).getStatus()).isEqualTo(404);
		assertThat(feed("short").getStatus()).isEqualTo(404);
	}

	@Test
	void anUnchangedFeedAnswersNotModified() throws Exception {
		String token = this.feeds.tokenOf(this.me);
		String etag = feed(token).getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();

		MockHttpServletResponse again = this.mvc
			.perform(get("/calendar/" + token + ".ics").with(user(this.stranger))
				.header(HttpHeaders.IF_NONE_MATCH, etag))
			.andReturn()
			.getResponse();

		assertThat(again.getStatus()).isEqualTo(304);
	}

	@Test
	void calendarAppsReadTheFeedWithoutSigningIn() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/calendar/" + this.feeds.tokenOf(this.me) + ".ics").with(anonymous()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
		assertThat(response.getContentAsString()).startsWith("BEGIN:VCALENDAR");
	}

	@Test
	void aSessionDownloadsAsAnIcsFileForThoseWhoSeeItsActivity() throws Exception {
		PositionId position = abroad("巴黎开放日", PARIS, LocalDateTime.of(2027, 3, 28, 1, 30));
		SessionId session = sessionOf(position);

		MockHttpServletResponse response = this.mvc
			.perform(get("/sessions/" + session.value() + ".ics").with(user(this.stranger)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
			.contains("filename*=UTF-8''");
		List<VEvent> events = parse(response).getComponents("VEVENT");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).getUid().orElseThrow().getValue())
			.isEqualTo("session-" + session.value() + "@tongxing");
		assertThat(instant(events.get(0).getDateTimeStart().getDate()))
			.isEqualTo(LocalDateTime.of(2027, 3, 28, 1, 30).atZone(PARIS).toInstant());
		assertThat(events.get(0).getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("Europe/Paris");
	}

	@Test
	void aSubtreeSessionIsAbsentForVolunteersOutsideTheSubtree() throws Exception {
		UnitId outside = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "elsewhere");
		SignedInAccount insider = this.fixture.volunteers.principal(this.fixture.volunteer(this.unit, "内部"));
		SignedInAccount outsider = this.fixture.volunteers.principal(this.fixture.volunteer(outside, "外部"));
		ActivityDetails subtree = new ActivityDetails("小组内部活动", "<p>内部</p>", null, this.unit, Set.of(), false, "会议室",
				null, ActivityFixture.ZONE, Visibility.SUBTREE, this.unit, null, null, null, 24);
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM, subtree, null);
		SessionId session = this.fixture.session(activity, 4, 14, 16);
		this.activities.addPosition(ActivityFixture.SYSTEM, session, PositionDetails.open("组员", 5));
		this.activities.publish(ActivityFixture.SYSTEM, activity);

		assertThat(this.mvc.perform(get("/sessions/" + session.value() + ".ics").with(user(outsider)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/sessions/" + session.value() + ".ics").with(user(insider)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/sessions/999999999.ics").with(user(insider)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	private PositionId abroad(String title, ZoneId zone, LocalDateTime start) {
		ActivityDetails details = new ActivityDetails(title, "<p>" + title + "</p>", null, this.unit, Set.of(), false,
				"使馆领事部", null, zone.getId(), Visibility.ASSOCIATION, null, null, null, null, 24);
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM, details, null);
		SessionId session = this.activities.addSession(ActivityFixture.SYSTEM, activity,
				SessionDetails.at(start, start.plusHours(3), zone.getId()));
		PositionId position = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				PositionDetails.open("讲解", 5));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		return position;
	}

	private long signUp(AccountId account, PositionId position) {
		SignUpOutcome outcome = this.signUps.signUp(account, position);
		assertThat(outcome.status()).isIn(SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED);
		return outcome.signUp().value();
	}

	private SessionId sessionOf(PositionId position) {
		return this.activities.findPosition(position).orElseThrow().session();
	}

	private long activityOf(PositionId position) {
		return this.activities.findSession(sessionOf(position)).orElseThrow().activity().value();
	}

	private MockHttpServletResponse feed(String token) throws Exception {
		return this.mvc.perform(get("/calendar/" + token + ".ics").with(user(this.stranger))).andReturn().getResponse();
	}

	private static Calendar parse(MockHttpServletResponse response) throws Exception {
		return new CalendarBuilder().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
	}

	private static VEvent event(List<VEvent> events, long signUp) {
		return events.stream()
			.filter((event) -> event.getUid().orElseThrow().getValue().equals(uid(signUp)))
			.findFirst()
			.orElseThrow();
	}

	private static String uid(long signUp) {
		return "signup-" + signUp + "@tongxing";
	}

	private static Instant instant(Temporal temporal) {
		return (temporal instanceof Instant instant) ? instant : ZonedDateTime.from(temporal).toInstant();
	}

}
