package org.tongxing.activity.scheduling;

import java.util.List;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Several positions on every session of a series or a tour through MockMvc: typed rows
 * with their requirements and chosen templates, a row added without JavaScript with every
 * value kept, and all or none when a row is wrong.
 */
@IntegrationTest
class SeriesPositionsIT {

	static final String ZONE = "Asia/Shanghai";

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	PositionTemplates templates;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	UnitId unit;

	SignedInAccount admin;

	ActivityId activity;

	@BeforeEach
	void setUp() {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = fixture.volunteers.unit(fixture.volunteers.root(), "series-positions");
		this.admin = fixture.volunteers.adminOf(this.unit);
		this.activity = fixture.draft(this.unit, "我光盘，我光荣");
	}

	@Test
	void aMonthlySeriesGetsThreeTypedPositionsWithTheirRequirementsOnEverySession() throws Exception {
		MockHttpServletRequestBuilder request = canteenCampaign(as(post(seriesPath())));
		threePositions(request).param("action", "create");
		this.mvc.perform(request).andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));

		List<SessionView> sessions = this.activities.sessions(this.activity);
		// the second Wednesday of March to June 2027
		assertThat(sessions).extracting((session) -> session.localStart().toLocalDate().toString())
			.containsExactly("2027-03-10", "2027-04-14", "2027-05-12", "2027-06-09");
		assertThat(sessions).allSatisfy((session) -> assertThat(this.activities.positions(session.id()))
			.extracting(PositionView::name, PositionView::capacity, PositionView::approval, PositionView::minAge,
					PositionView::skills, PositionView::languages, PositionView::qualifications)
			.containsExactly(Tuple.tuple("引导员", 2, Approval.AUTOMATIC, null, Set.of(), Set.of("zh", "en"), Set.of()),
					Tuple.tuple("收银员", 1, Approval.ORGANISER, 18, Set.of("law"), Set.of(), Set.of()),
					Tuple.tuple("帮手", 3, Approval.AUTOMATIC, 14, Set.of(), Set.of(), Set.of("first-aid-certificate"))));
	}

	@Test
	void anInvalidSecondRowCreatesNothingAndComesBackBesideItsFieldsWithEveryValueKept() throws Exception {
		MockHttpServletRequestBuilder request = canteenCampaign(as(post(seriesPath())));
		request.param("positions[0].name", "引导员")
			.param("positions[0].capacity", "2")
			.param("positions[0].languages", "zh", "en")
			.param("positions[1].name", "收银员")
			.param("positions[1].capacity", "")
			.param("positions[1].approval", "ORGANISER")
			.param("positions[1].minAge", "150")
			.param("positions[1].skills", "law")
			.param("positions[2].name", "帮手")
			.param("positions[2].capacity", "三个")
			.param("action", "create");
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("seriesForm", "positions[1].capacity",
					"scheduling.invalid.required"))
			.andExpect(
					model().attributeHasFieldErrorCode("seriesForm", "positions[1].minAge", "activity.invalid.range"))
			.andExpect(model().attributeHasFieldErrorCode("seriesForm", "positions[2].capacity", "typeMismatch"))
			.andExpect(model().attributeErrorCount("seriesForm", 3))
			// the dates are still previewed, so the corrected form can be created at once
			.andExpect(model().attribute("previewCount", 4))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		// every value comes back: the rule, the valid row, the bad rows as typed
		Document page = Jsoup.parse(html);
		assertThat(page.getElementById("firstDate").val()).isEqualTo("2027-03-01");
		assertThat(page.getElementById("address").val()).isEqualTo("食堂门口");
		assertThat(value(page, "positions[0].name")).isEqualTo("引导员");
		assertThat(checked(page, "positions[0].languages")).containsExactly("zh", "en");
		assertThat(value(page, "positions[1].name")).isEqualTo("收银员");
		assertThat(value(page, "positions[1].minAge")).isEqualTo("150");
		assertThat(page.selectFirst("select[name='positions[1].approval'] option[selected]").val())
			.isEqualTo("ORGANISER");
		assertThat(checked(page, "positions[1].skills")).containsExactly("law");
		assertThat(value(page, "positions[2].name")).isEqualTo("帮手");
		// the messages stand beside the fields of the second and third rows
		assertThat(page.getElementById("positions1.capacity-errors").text()).isEqualTo("必填。");
		assertThat(page.getElementById("positions1.minAge-errors").text()).contains("0", "100");
		// a browser's number input never sends such text; the message says what to type
		assertThat(page.getElementById("positions2.capacity-errors").text()).isEqualTo("请输入整数。");
		assertThat(page.getElementById("positions0.name-errors")).isNull();
		assertThat(page.selectFirst("input[name='positions[1].minAge']").hasClass("is-invalid")).isTrue();

		MockHttpServletRequestBuilder fixed = canteenCampaign(as(post(seriesPath())));
		threePositions(fixed).param("action", "create");
		this.mvc.perform(fixed).andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));
		assertThat(this.activities.sessions(this.activity)).hasSize(4)
			.allSatisfy((session) -> assertThat(this.activities.positions(session.id())).hasSize(3));
	}

	@Test
	void addingARowWithoutJavaScriptKeepsEveryValueAndCreatesNothing() throws Exception {
		Document empty = Jsoup.parse(this.mvc.perform(as(get(seriesPath())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(empty.select("fieldset.position-row")).hasSize(1);

		MockHttpServletRequestBuilder request = canteenCampaign(as(post(seriesPath())));
		request.param("positions[0].name", "引导员")
			.param("positions[0].capacity", "2")
			.param("positions[0].languages", "en")
			.param("addPosition", "1");
		Document page = Jsoup.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().hasNoErrors())
			.andExpect(model().attribute("previewCount", 4))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(this.activities.sessions(this.activity)).isEmpty();
		assertThat(page.select("fieldset.position-row")).hasSize(2);
		assertThat(value(page, "positions[0].name")).isEqualTo("引导员");
		assertThat(value(page, "positions[0].capacity")).isEqualTo("2");
		assertThat(checked(page, "positions[0].languages")).containsExactly("en");
		assertThat(page.getElementById("address").val()).isEqualTo("食堂门口");
		// the new row is empty and has the focus
		assertThat(value(page, "positions[1].name")).isEmpty();
		assertThat(page.selectFirst("input[name='positions[1].name']").hasAttr("autofocus")).isTrue();
		assertThat(page.selectFirst("input[name='positions[0].name']").hasAttr("autofocus")).isFalse();
	}

	@Test
	void aTourOfStopsGetsATemplateAndTwoTypedPositionsOnEveryStop() throws Exception {
		long lecturer = this.templates.create(VolunteerFixture.SYSTEM, this.unit,
				new PositionDetails("讲师", "主讲领事保护", 1, Approval.ORGANISER, 22, Set.of("law"), Set.of(), Set.of()),
				null);
		String path = "/activities/" + this.activity.value() + "/sessions/stops";
		MockHttpServletRequestBuilder bad = stops(as(post(path))).param("templateIds", Long.toString(lecturer))
			.param("positions[0].name", "助教")
			.param("positions[0].capacity", "2")
			.param("positions[1].name", "")
			.param("positions[1].capacity", "5");
		Document page = Jsoup.parse(this.mvc.perform(bad)
			.andExpect(status().isOk())
			.andExpect(
					model().attributeHasFieldErrorCode("stopsForm", "positions[1].name", "activity.invalid.required"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(value(page, "positions[1].capacity")).isEqualTo("5");
		assertThat(value(page, "stops[0].title")).isEqualTo("北京大学");
		assertThat(page.select("input[name=templateIds][checked]").eachAttr("value"))
			.containsExactly(Long.toString(lecturer));
		assertThat(this.activities.sessions(this.activity)).isEmpty();

		MockHttpServletRequestBuilder good = stops(as(post(path))).param("templateIds", Long.toString(lecturer))
			.param("positions[0].name", "助教")
			.param("positions[0].capacity", "2")
			.param("positions[1].name", "摄影")
			.param("positions[1].capacity", "1")
			.param("positions[1].minAge", "16");
		this.mvc.perform(good).andExpect(redirectedUrl("/activities/" + this.activity.value() + "/sessions"));
		List<SessionView> sessions = this.activities.sessions(this.activity);
		assertThat(sessions).extracting(SessionView::title).containsExactly("北京大学", "清华大学", "外交学院");
		assertThat(sessions).allSatisfy((session) -> assertThat(this.activities.positions(session.id()))
			.extracting(PositionView::name, PositionView::capacity, PositionView::minAge, PositionView::skills)
			.containsExactly(Tuple.tuple("讲师", 1, 22, Set.of("law")), Tuple.tuple("助教", 2, null, Set.of()),
					Tuple.tuple("摄影", 1, 16, Set.of())));
	}

	private static String value(Document page, String name) {
		return page.selectFirst("input[name='" + name + "']").val();
	}

	private static List<String> checked(Document page, String name) {
		return page.select("input[name='" + name + "'][checked]").eachAttr("value");
	}

	private String seriesPath() {
		return "/activities/" + this.activity.value() + "/sessions/series";
	}

	/** The monthly canteen campaign: the second Wednesday of March to June 2027. */
	private static MockHttpServletRequestBuilder canteenCampaign(MockHttpServletRequestBuilder request) {
		return request.param("kind", "MONTHLY_WEEKDAY")
			.param("weekdays", "WEDNESDAY")
			.param("weekOfMonth", "2")
			.param("firstDate", "2027-03-01")
			.param("lastDate", "2027-06-30")
			.param("startTime", "11:30")
			.param("endTime", "13:00")
			.param("timeZone", ZONE)
			.param("address", "食堂门口");
	}

	/** Two guides speaking Chinese and English, a cashier, three helpers. */
	private static MockHttpServletRequestBuilder threePositions(MockHttpServletRequestBuilder request) {
		return request.param("positions[0].name", "引导员")
			.param("positions[0].capacity", "2")
			.param("positions[0].approval", "AUTOMATIC")
			.param("positions[0].languages", "zh", "en")
			.param("positions[1].name", "收银员")
			.param("positions[1].capacity", "1")
			.param("positions[1].approval", "ORGANISER")
			.param("positions[1].minAge", "18")
			.param("positions[1].skills", "law")
			.param("positions[2].name", "帮手")
			.param("positions[2].capacity", "3")
			.param("positions[2].minAge", "14")
			.param("positions[2].qualifications", "first-aid-certificate");
	}

	private static MockHttpServletRequestBuilder stops(MockHttpServletRequestBuilder request) {
		String[] universities = { "北京大学", "清华大学", "外交学院" };
		request.param("timeZone", ZONE);
		for (int i = 0; i < universities.length; i++) {
			request.param("stops[" + i + "].date", "2027-10-1" + i)
				.param("stops[" + i + "].startTime", "14:00")
				.param("stops[" + i + "].endTime", "16:00")
				.param("stops[" + i + "].title", universities[i]);
		}
		return request;
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(user(this.admin)).with(csrf());
	}

}
