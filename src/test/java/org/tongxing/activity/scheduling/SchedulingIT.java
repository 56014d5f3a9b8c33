package org.tongxing.activity.scheduling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisers' scheduling pages through MockMvc: one-off sessions with validation,
 * editing a published session, a tour of stops, a recurring series with exceptions, a
 * template stamped onto sessions, bulk shifts all or none, and scope.
 */
@IntegrationTest
class SchedulingIT {

	static final String ZONE = "Asia/Shanghai";

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	PositionTemplates templates;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unit;

	SignedInAccount admin;

	ActivityId activity;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "scheduling");
		this.admin = this.fixture.volunteers.adminOf(this.unit);
		this.activity = this.fixture.draft(this.unit, "排班测试");
	}

	@Test
	void aOneOffSessionWithItsEndBeforeItsStartIsRefusedBesideTheFieldAndKeepsTheInput() throws Exception {
		String path = "/activities/" + this.activity.value() + "/sessions/new";
		this.mvc
			.perform(as(post(path)).param("title", "第一场")
				.param("start", "2027-06-01T14:00")
				.param("end", "2027-06-01T09:00")
				.param("timeZone", ZONE))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("sessionForm", "end", "activity.invalid.end-before-start"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("结束时间应晚于开始时间")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"第一场\"")));
		this.mvc
			.perform(as(post(path)).param("start", "2027-06-01T99:00").param("end", "").param("timeZone", "Mars/Base"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("sessionForm", "start"));
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		this.mvc
			.perform(as(post(path)).param("title", "第一场")
				.param("start", "2027-06-01T09:00")
				.param("end", "2027-06-01T12:00")
				.param("timeZone", "Europe/Paris")
				.param("address", "巴黎中国文化中心"))
			.andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));
		SessionView session = this.activities.sessions(this.activity).get(0);
		assertThat(session.localStart().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-06-01T09:00"));
		assertThat(session.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(session.address()).isEqualTo("巴黎中国文化中心");
		this.mvc.perform(as(get("/activities/" + this.activity.value() + "/sessions")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Europe/Paris")));
	}

	@Test
	void editingAPublishedSessionMovesItAndIsAudited() throws Exception {
		PositionId position = this.fixture.published(this.unit, "已发布", 10, PositionDetails.open("引导员", 5));
		PositionView positionView = this.activities.findPosition(position).orElseThrow();
		SessionView before = this.activities.findSession(positionView.session()).orElseThrow();
		this.signUps.signUp(this.fixture.volunteer(this.unit, "甲"), position);
		LocalDateTime newStart = before.localStart().toLocalDateTime().plusDays(1).withHour(14);

		this.mvc
			.perform(as(post("/activities/" + before.activity().value() + "/sessions/" + before.id().value() + "/edit"))
				.param("start", newStart.toString())
				.param("end", newStart.plusHours(2).toString())
				.param("timeZone", ZONE))
			.andExpect(redirectedUrl("/activities/" + before.activity().value() + "/sessions"));

		SessionView after = this.activities.findSession(before.id()).orElseThrow();
		assertThat(after.localStart().toLocalDateTime()).isEqualTo(newStart);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_entry where entity_type = 'activity-session' and entity_id = ?
				and action = 'updated' and actor_id = ?""")
			.params(before.id().toString(), this.admin.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void capacityBelowThePlacesTakenIsRefusedBesideTheFieldAndEveryPageRenders() throws Exception {
		PositionId position = this.fixture.published(this.unit, "名额", 12, PositionDetails.open("讲师", 2));
		PositionView view = this.activities.findPosition(position).orElseThrow();
		SessionView session = this.activities.findSession(view.session()).orElseThrow();
		this.signUps.signUp(this.fixture.volunteer(this.unit, "乙"), position);
		String base = "/activities/" + session.activity().value() + "/sessions/" + session.id().value();

		this.mvc
			.perform(as(post(base + "/positions/" + position.value() + "/edit")).param("name", "讲师")
				.param("capacity", "0")
				.param("approval", "AUTOMATIC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("positionForm", "capacity",
					"activity.invalid.capacity-below-taken"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("名额不能少于已占用的 1 个")));
		this.mvc
			.perform(as(post(base + "/positions/" + position.value() + "/edit")).param("name", "讲师")
				.param("capacity", "abc"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("positionForm", "capacity"));
		assertThat(this.activities.findPosition(position).orElseThrow().capacity()).isEqualTo(2);

		this.mvc.perform(as(post(base + "/cancel")).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("cancelSessionForm"));
		String activityBase = "/activities/" + session.activity().value();
		for (String path : List.of(activityBase + "/sessions", activityBase + "/sessions/new", base + "/edit",
				base + "/cancel", base + "/positions/new", base + "/positions/" + position.value() + "/edit",
				activityBase + "/sessions/stops", activityBase + "/sessions/series", activityBase + "/shifts",
				"/position-templates", "/position-templates/new")) {
			this.mvc.perform(as(get(path))).andExpect(status().isOk());
		}
		this.mvc.perform(as(post(base + "/cancel")).param("reason", "暴雨预警"))
			.andExpect(redirectedUrl(activityBase + "/sessions"));
		assertThat(this.activities.findSession(session.id()).orElseThrow().statusReason()).isEqualTo("暴雨预警");
		this.mvc.perform(as(get(activityBase + "/sessions")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("暴雨预警")));
	}

	@Test
	void sevenStopsEachWithItsOwnPlaceAreCreatedTogetherOrNotAtAll() throws Exception {
		String path = "/activities/" + this.activity.value() + "/sessions/stops";
		String[] universities = { "北京大学", "清华大学", "中国人民大学", "北京外国语大学", "外交学院", "北京师范大学", "中国传媒大学" };
		MockHttpServletRequestBuilder bad = as(post(path)).param("timeZone", ZONE);
		MockHttpServletRequestBuilder good = as(post(path)).param("timeZone", ZONE);
		for (int i = 0; i < universities.length; i++) {
			String date = LocalDate.parse("2027-04-05").plusDays(i).toString();
			for (MockHttpServletRequestBuilder request : List.of(bad, good)) {
				request.param("stops[" + i + "].date", date)
					.param("stops[" + i + "].startTime", "14:00")
					.param("stops[" + i + "].title", universities[i])
					.param("stops[" + i + "].address", universities[i] + "礼堂");
			}
			// the fourth stop of the bad form ends before it starts
			bad.param("stops[" + i + "].endTime", (i == 3) ? "13:00" : "16:00");
			good.param("stops[" + i + "].endTime", "16:00");
		}
		this.mvc.perform(bad)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("stopsForm", "stops[3].endTime",
					"activity.invalid.end-before-start"));
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		this.mvc.perform(good).andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));
		List<SessionView> sessions = this.activities.sessions(this.activity);
		assertThat(sessions).extracting(SessionView::title).containsExactly(universities);
		assertThat(sessions).extracting(SessionView::address)
			.containsExactly("北京大学礼堂", "清华大学礼堂", "中国人民大学礼堂", "北京外国语大学礼堂", "外交学院礼堂", "北京师范大学礼堂", "中国传媒大学礼堂");
	}

	@Test
	void aWeeklySeriesSkipsItsExceptionsAndPutsThePositionsOnEverySession() throws Exception {
		long template = this.templates.create(VolunteerFixture.SYSTEM, this.unit,
				new PositionDetails("讲师", "授课", 2, Approval.ORGANISER, 18, Set.of(), Set.of("en"), Set.of()), null);
		String path = "/activities/" + this.activity.value() + "/sessions/series";
		MockHttpServletRequestBuilder preview = as(post(path));
		seriesForm(preview, template).param("action", "preview");
		this.mvc.perform(preview)
			.andExpect(status().isOk())
			.andExpect(model().attribute("previewCount", 7))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("2027-03-06")));
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		MockHttpServletRequestBuilder create = as(post(path));
		seriesForm(create, template).param("action", "create");
		this.mvc.perform(create).andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));

		List<SessionView> sessions = this.activities.sessions(this.activity);
		// Saturdays and Wednesdays of March 2027 from the 6th to the 27th, less the 10th
		// and the 20th
		assertThat(sessions).extracting((session) -> session.localStart().toLocalDate().toString())
			.containsExactly("2027-03-03", "2027-03-06", "2027-03-13", "2027-03-17", "2027-03-24", "2027-03-27",
					"2027-03-31");
		assertThat(sessions).allSatisfy((session) -> {
			assertThat(session.localStart().toLocalTime()).hasToString("09:00");
			assertThat(session.localEnd().toLocalTime()).hasToString("11:30");
			assertThat(this.activities.positions(session.id()))
				.extracting(PositionView::name, PositionView::capacity, PositionView::approval)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("讲师", 2, Approval.ORGANISER),
						org.assertj.core.groups.Tuple.tuple("引导员", 4, Approval.AUTOMATIC));
		});
		assertThat(sessions).extracting(SessionView::seriesId)
			.doesNotContainNull()
			.containsOnly(sessions.get(0).seriesId());
		assertThat(this.jdbc.sql("select cardinality(exception_dates) from activity_series where id = ?")
			.param(sessions.get(0).seriesId())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aSeriesWithAnImpossibleRuleIsRefusedWithMessagesAndKeepsTheInput() throws Exception {
		this.mvc
			.perform(as(post("/activities/" + this.activity.value() + "/sessions/series")).param("kind", "WEEKLY")
				.param("firstDate", "2027-03-03")
				.param("lastDate", "2027-02-01")
				.param("startTime", "9点")
				.param("timeZone", ZONE)
				.param("exceptions", "not-a-date")
				.param("action", "create"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("seriesForm", "startTime"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"not-a-date\"")));
		assertThat(this.activities.sessions(this.activity)).isEmpty();
	}

	@Test
	void aTemplateStampedOnThreeSessionsGivesEachThePosition() throws Exception {
		SessionId first = this.fixture.session(this.activity, 20, 9, 12);
		SessionId second = this.fixture.session(this.activity, 21, 9, 12);
		SessionId third = this.fixture.session(this.activity, 22, 9, 12);
		SessionId untouched = this.fixture.session(this.activity, 23, 9, 12);
		this.mvc
			.perform(as(post("/position-templates/new")).param("unitId", this.unit.value() + "")
				.param("name", "收银员")
				.param("capacity", "3")
				.param("approval", "AUTOMATIC")
				.param("minAge", "16")
				.param("languages", "zh"))
			.andExpect(redirectedUrl("/position-templates"));
		PositionTemplateView template = this.templates.list(VolunteerFixture.SYSTEM)
			.stream()
			.filter((t) -> t.unit().equals(this.unit))
			.findFirst()
			.orElseThrow();

		this.mvc
			.perform(as(post("/activities/" + this.activity.value() + "/sessions/stamp"))
				.param("template", template.id() + "")
				.param("session", first.value() + "", second.value() + "", third.value() + ""))
			.andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));

		for (SessionId session : List.of(first, second, third)) {
			assertThat(this.activities.positions(session))
				.extracting(PositionView::name, PositionView::capacity, PositionView::minAge, PositionView::languages)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("收银员", 3, 16, Set.of("zh")));
		}
		assertThat(this.activities.positions(untouched)).isEmpty();
		this.mvc.perform(as(get("/activities/" + this.activity.value() + "/sessions")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("收银员")));
	}

	@Test
	void twoHundredShiftsAreCreatedInOneStepWithTheTemplatesPosition() throws Exception {
		long template = this.templates.create(VolunteerFixture.SYSTEM, this.unit, PositionDetails.open("引导员", 10),
				null);
		String path = "/activities/" + this.activity.value() + "/shifts";
		// 40 days of 5 shifts
		this.mvc
			.perform(as(post(path)).param("from", "2027-07-01")
				.param("to", "2027-08-09")
				.param("shifts", "08:00-10:00, 10:00-12:00, 12:00-14:00, 14:00-16:00, 16:00-18:00")
				.param("timeZone", ZONE)
				.param("templateId", template + "")
				.param("action", "preview"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("previewCount", 200));
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		this.mvc
			.perform(as(post(path)).param("from", "2027-07-01")
				.param("to", "2027-08-09")
				.param("shifts", "08:00-10:00, 10:00-12:00, 12:00-14:00, 14:00-16:00, 16:00-18:00")
				.param("timeZone", ZONE)
				.param("templateId", template + "")
				.param("action", "create"))
			.andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));
		List<SessionView> sessions = this.activities.sessions(this.activity);
		assertThat(sessions).hasSize(200);
		assertThat(this.jdbc.sql("""
				select count(*) from session_position p join activity_session s on s.id = p.session_id
				where s.activity_id = ? and p.name = '引导员'""")
			.param(this.activity.value())
			.query(Integer.class)
			.single()).isEqualTo(200);
	}

	@Test
	void shiftsAreAllOrNoneAndCappedWithAClearMessage() throws Exception {
		// a template saved before a skill left the catalogue: its position is refused on
		// the last step
		long broken = this.jdbc.sql("""
				insert into position_template (unit_id, name, capacity, required_skills)
				values (?, '旧岗位', 2, '{no-such-skill}') returning id""")
			.param(this.unit.value())
			.query(Long.class)
			.single();
		String path = "/activities/" + this.activity.value() + "/shifts";
		this.mvc
			.perform(as(post(path)).param("from", "2027-07-01")
				.param("to", "2027-08-09")
				.param("shifts", "08:00-10:00, 10:00-12:00, 12:00-14:00, 14:00-16:00, 16:00-18:00")
				.param("timeZone", ZONE)
				.param("templateId", broken + "")
				.param("action", "create"))
			.andExpect(status().isOk());
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		// 1,001 shifts: over the limit
		this.mvc
			.perform(as(post(path)).param("from", "2027-01-01")
				.param("to", "2027-12-31")
				.param("shifts", "08:00-12:00, 12:00-16:00, 16:00-20:00")
				.param("timeZone", ZONE)
				.param("action", "create"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("shiftsForm", "to", "scheduling.invalid.too-many"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("超过上限 1,000 个")));
		this.mvc
			.perform(as(post(path)).param("from", "2027-01-01")
				.param("to", "2027-01-02")
				.param("shifts", "早上八点")
				.param("timeZone", ZONE))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("shiftsForm", "shifts", "scheduling.invalid.shifts"));
		assertThat(this.activities.sessions(this.activity)).isEmpty();
	}

	@Test
	void anAdminOfAnotherSubtreeFindsNeitherTheSessionsNorTheTemplates() throws Exception {
		UnitId other = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "other");
		SignedInAccount stranger = this.fixture.volunteers.adminOf(other);
		long template = this.templates.create(VolunteerFixture.SYSTEM, this.unit, PositionDetails.open("讲师", 1), null);
		String base = "/activities/" + this.activity.value();
		for (String path : List.of(base + "/sessions", base + "/sessions/new", base + "/sessions/series",
				base + "/sessions/stops", base + "/shifts", "/position-templates/" + template + "/edit")) {
			this.mvc.perform(get(path).with(user(stranger))).andExpect(status().isNotFound());
		}
		this.mvc
			.perform(post(base + "/sessions/new").with(user(stranger))
				.with(csrf())
				.param("start", "2027-06-01T09:00")
				.param("end", "2027-06-01T12:00"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/position-templates").with(user(stranger)))
			.andExpect(status().isOk())
			.andExpect(model().attribute("templates", List.of()));
		assertThat(this.activities.sessions(this.activity)).isEmpty();
	}

	private static MockHttpServletRequestBuilder seriesForm(MockHttpServletRequestBuilder request, long template) {
		return request.param("kind", "WEEKLY")
			.param("weekdays", "WEDNESDAY", "SATURDAY")
			.param("weekOfMonth", "1")
			.param("firstDate", "2027-03-03")
			.param("lastDate", "2027-03-31")
			.param("startTime", "09:00")
			.param("endTime", "11:30")
			.param("timeZone", ZONE)
			.param("exceptions", "2027-03-10, 2027-03-20")
			.param("templateIds", Long.toString(template))
			.param("positions[0].name", "引导员")
			.param("positions[0].capacity", "4")
			.param("positions[0].approval", "AUTOMATIC");
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user(this.admin)).with(csrf());
	}

}
