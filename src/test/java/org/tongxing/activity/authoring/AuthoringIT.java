package org.tongxing.activity.authoring;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.DuplicatePlanException;
import org.tongxing.planning.PlanId;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.ThemeId;
import org.tongxing.planning.Plans;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Organisers create, edit and run activities through the pages: every problem is shown
 * beside its field in Chinese with the entered values kept, descriptions never bring
 * scripts back, other subtrees' activities do not exist (404), and the status buttons do
 * what the rules allow and say why when they do not.
 */
@IntegrationTest
class AuthoringIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Plans plans;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unitA;

	UnitId unitB;

	SignedInAccount adminA;

	SignedInAccount adminB;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		VolunteerFixture v = this.fixture.volunteers;
		this.unitA = v.unit(v.root(), "authA");
		this.unitB = v.unit(v.root(), "authB");
		this.adminA = v.adminOf(this.unitA);
		this.adminB = v.adminOf(this.unitB);
	}

	// --- create and edit

	@Test
	void aFormWithProblemsComesBackWithEveryValueAndChineseMessages() throws Exception {
		String html = this.mvc
			.perform(post("/activities/new").with(user(this.adminA))
				.with(csrf())
				.param("title", " ")
				.param("description", "<p>图书义卖</p>")
				.param("unit", this.unitA.toString())
				.param("address", "")
				.param("timeZone", "Mars/Olympus")
				.param("visibility", "ASSOCIATION")
				.param("contactName", "李老师")
				.param("contactInfo", "010-66661234")
				.param("beneficiaries", "20 位盲人朋友")
				.param("cancelDeadlineHours", "48"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.select("#activity-form-errors").text()).contains("请修改标出的内容");
		assertThat(page.select("#title-errors").text()).isEqualTo("必填。");
		assertThat(page.select("#address-errors").text()).isEqualTo("必填。");
		assertThat(page.select("#timeZone-errors").text()).isEqualTo("时区无效（例如 Asia/Shanghai）。");
		assertThat(page.select("#timeZone").val()).isEqualTo("Mars/Olympus");
		assertThat(page.select("#contactName").val()).isEqualTo("李老师");
		assertThat(page.select("#contactInfo").val()).isEqualTo("010-66661234");
		assertThat(page.select("#beneficiaries").val()).isEqualTo("20 位盲人朋友");
		assertThat(page.select("#cancelDeadlineHours").val()).isEqualTo("48");
		assertThat(page.select("#unit option[selected]").val()).isEqualTo(this.unitA.toString());
		assertThat(page.select("#description").text()).contains("图书义卖");
		assertThat(page.select("input[name=visibility][checked]").val()).isEqualTo("ASSOCIATION");

		// a deadline that is not a number is a message too, not an error page
		String typed = this.mvc
			.perform(valid(post("/activities/new"), "书市", Map.of("cancelDeadlineHours", "soon")).with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(typed).select("#cancelDeadlineHours-errors").text()).isEqualTo("请输入 0 到 720 之间的整数。");
	}

	@Test
	void anOrganiserCreatesAndEditsAnActivity() throws Exception {
		String title = "读书节图书义卖 " + this.fixture.volunteers.tag;
		MvcResult created = this.mvc.perform(valid(post("/activities/new"), title).with(user(this.adminA)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "authoring.notice.created"))
			.andReturn();
		ActivityId id = idFrom(created);
		ActivityView activity = this.activities.find(id).orElseThrow();
		assertThat(activity.title()).isEqualTo(title);
		assertThat(activity.status()).isEqualTo(ActivityStatus.DRAFT);
		assertThat(activity.unit()).isEqualTo(this.unitA);
		assertThat(activity.coOrganisers()).containsExactly(this.unitB);
		assertThat(activity.beneficiaries()).isEqualTo("20 位盲人朋友");

		String form = page(this.adminA, get("/activities/" + id + "/edit"));
		assertThat(Jsoup.parse(form).select("#title").val()).isEqualTo(title);

		// an invalid web address is refused with the form kept
		String refused = this.mvc
			.perform(valid(post("/activities/" + id + "/edit"), title + " 改").with(user(this.adminA))
				.with(csrf())
				.param("online", "true")
				.param("onlineUrl", "ftp://example.org/room"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document refusedPage = Jsoup.parse(refused);
		assertThat(refusedPage.select("#onlineUrl-errors").text()).isEqualTo("请输入以 http:// 或 https:// 开头的网址。");
		assertThat(refusedPage.select("#onlineUrl").val()).isEqualTo("ftp://example.org/room");
		assertThat(refusedPage.select("#title").val()).isEqualTo(title + " 改");
		assertThat(this.activities.find(id).orElseThrow().title()).isEqualTo(title);

		this.mvc
			.perform(valid(post("/activities/" + id + "/edit"), title + " 改").with(user(this.adminA))
				.with(csrf())
				.param("online", "true")
				.param("onlineUrl", "https://meeting.example.org/room"))
			.andExpect(status().is3xxRedirection());
		ActivityView edited = this.activities.find(id).orElseThrow();
		assertThat(edited.title()).isEqualTo(title + " 改");
		assertThat(edited.online()).isTrue();
		assertThat(edited.onlineUrl()).isEqualTo("https://meeting.example.org/room");

		assertThat(page(this.adminA, get("/activities/manage").param("q", this.fixture.volunteers.tag)))
			.contains(title + " 改");
	}

	@Test
	void scriptsAndEventHandlersInADescriptionNeverComeBack() throws Exception {
		String evil = "<p>欢迎<script>alert('x1')</script><img src=x onerror=\"alert('x2')\"></p>"
				+ "<b>加粗</b><a href=\"javascript:alert('x3')\">链接</a>";
		// also when the form comes back with a problem
		String refused = this.mvc
			.perform(valid(post("/activities/new"), "", Map.of("description", evil)).with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).doesNotContain("alert(").doesNotContain("onerror").contains("加粗");

		MvcResult created = this.mvc
			.perform(valid(post("/activities/new"), "净化 " + this.fixture.volunteers.tag, Map.of("description", evil))
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		ActivityId id = idFrom(created);
		assertThat(this.activities.find(id).orElseThrow().descriptionHtml()).doesNotContain("script")
			.doesNotContain("onerror")
			.doesNotContain("javascript")
			.contains("<b>加粗</b>");
		for (String path : new String[] { "/activities/" + id + "/manage", "/activities/" + id + "/edit" }) {
			String html = page(this.adminA, get(path));
			assertThat(html).as(path).doesNotContain("alert(").doesNotContain("onerror").contains("加粗");
		}
		assertThat(Jsoup.parse(page(this.adminA, get("/activities/" + id + "/manage")))
			.select("#activity-description b")
			.text()).isEqualTo("加粗");
	}

	@Test
	void aProposalPrefillsTheFormAndTheActivityKeepsIt() throws Exception {
		String plain = page(this.adminA,
				get("/activities/new").param("campaign", "not-a-number").param("proposal", "-1"));
		assertThat(Jsoup.parse(plain).select("#title").val()).isEmpty();
		// an admin of a single unit has it chosen already, and the association's zone
		assertThat(Jsoup.parse(plain).select("#unit option[selected]").val()).isEqualTo(this.unitA.toString());
		assertThat(Jsoup.parse(plain).select("#timeZone").val()).isEqualTo("Asia/Shanghai");

		CampaignView campaign = campaign();
		long proposal = this.jdbc.sql("""
				insert into campaign_proposal (campaign_id, unit_id, title, summary, status)
				values (?, ?, ?, ?, 'APPROVED') returning id""")
			.params(campaign.id().value(), this.unitA.value(), "暑期托管班讲座", "<b>三场</b>讲座")
			.query(Long.class)
			.single();
		Document form = Jsoup
			.parse(page(this.adminA, get("/activities/new").param("proposal", String.valueOf(proposal))));
		assertThat(form.select("#title").val()).isEqualTo("暑期托管班讲座");
		assertThat(form.select("#campaign option[selected]").val()).isEqualTo(campaign.id().toString());
		assertThat(form.select("#proposal").val()).isEqualTo(String.valueOf(proposal));
		// the summary is text: its angle brackets are shown, not obeyed
		assertThat(form.select("#description").text()).contains("&lt;b&gt;三场");

		MvcResult created = this.mvc
			.perform(valid(post("/activities/new"), "暑期托管班讲座").with(user(this.adminA))
				.with(csrf())
				.param("proposal", String.valueOf(proposal))
				.param("campaign", campaign.id().toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		ActivityView activity = this.activities.find(idFrom(created)).orElseThrow();
		assertThat(activity.proposalId()).isEqualTo(proposal);
		assertThat(activity.campaign()).isEqualTo(campaign.id());
		// another subtree's admin cannot use it
		assertThat(Jsoup.parse(page(this.adminB, get("/activities/new").param("proposal", String.valueOf(proposal))))
			.select("#title")
			.val()).isEmpty();
	}

	// --- scope

	@Test
	void anotherSubtreesActivityDoesNotExistForAnAdmin() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "甲单位的活动 " + this.fixture.volunteers.tag);
		for (String path : new String[] { "/activities/" + id + "/manage", "/activities/" + id + "/edit" }) {
			this.mvc.perform(get(path).with(user(this.adminB))).andExpect(status().isNotFound());
		}
		for (String path : new String[] { "/publish", "/cancel", "/archive", "/complete", "/edit" }) {
			this.mvc.perform(valid(post("/activities/" + id + path), "x").with(user(this.adminB)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(page(this.adminB, get("/activities/manage").param("q", this.fixture.volunteers.tag)))
			.doesNotContain("甲单位的活动");
		// nor can B create one for A's unit
		String refused = this.mvc.perform(valid(post("/activities/new"), "冒名").with(user(this.adminB)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refused).select("#unit-errors").text()).isEqualTo("单位不存在或您无权管理。");
		assertThat(this.activities.find(id).orElseThrow().status()).isEqualTo(ActivityStatus.DRAFT);
	}

	@Test
	void leadershipSeesTheListButManagesNothingAndVolunteersAreDeniedPolitely() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "领导可见 " + this.fixture.volunteers.tag);
		SignedInAccount leader = this.fixture.volunteers.account("leader", Role.LEADERSHIP);
		String list = page(leader, get("/activities/manage").param("q", this.fixture.volunteers.tag));
		assertThat(list).contains("领导可见");
		assertThat(Jsoup.parse(list).select("#activity-new")).isEmpty();
		this.mvc.perform(get("/activities/" + id + "/manage").with(user(leader))).andExpect(status().isForbidden());
		this.mvc.perform(post("/activities/" + id + "/publish").with(user(leader)).with(csrf()))
			.andExpect(status().isForbidden());

		SignedInAccount volunteer = this.fixture.volunteers.account("plain", Role.VOLUNTEER);
		for (String path : new String[] { "/activities/manage", "/activities/new" }) {
			String denied = this.mvc.perform(get(path).with(user(volunteer)))
				.andExpect(status().isForbidden())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(Jsoup.parse(denied).select("#authoring-denied").text()).contains("单位管理员");
		}
	}

	@Test
	void theListFiltersByStatusUnitCampaignAndTextWithinTheScope() throws Exception {
		String tag = this.fixture.volunteers.tag;
		UnitId below = this.fixture.volunteers.unit(this.unitA, "authA1");
		this.fixture.draft(this.unitA, "草稿甲 " + tag);
		this.fixture.published(below, "已发布乙 " + tag, 5, org.tongxing.activity.PositionDetails.open("引导员", 3));
		SignedInAccount coordinator = this.fixture.volunteers.account("coord", Role.COORDINATOR);
		assertThat(titles(this.adminA, get("/activities/manage").param("q", tag)))
			.containsExactlyInAnyOrder("已发布乙 " + tag, "草稿甲 " + tag);
		assertThat(titles(this.adminA, get("/activities/manage").param("q", tag).param("status", "PUBLISHED")))
			.containsExactly("已发布乙 " + tag);
		assertThat(titles(this.adminA, get("/activities/manage").param("q", tag).param("unit", below.toString())))
			.containsExactly("已发布乙 " + tag);
		assertThat(titles(coordinator, get("/activities/manage").param("q", tag).param("unit", this.unitB.toString())))
			.isEmpty();
		assertThat(titles(coordinator, get("/activities/manage").param("q", "草稿甲 " + tag)))
			.containsExactly("草稿甲 " + tag);
		// the next session is shown in its own zone
		Document list = Jsoup.parse(page(this.adminA, get("/activities/manage").param("q", "已发布乙 " + tag)));
		assertThat(list.select("#activity-table tbody td:nth-child(4)").text()).endsWith("09:00");
		// nonsense in the address is ignored, not an error
		this.mvc
			.perform(get("/activities/manage").param("status", "NOPE")
				.param("unit", "x")
				.param("campaign", "y")
				.param("page", "-4")
				.with(user(this.adminA)))
			.andExpect(status().isOk());
		// a unit outside the scope filters everything out
		assertThat(titles(this.adminB, get("/activities/manage").param("q", tag).param("unit", this.unitA.toString())))
			.isEmpty();
	}

	// --- status

	@Test
	void statusButtonsFollowTheRulesAndSayWhyWhenRefused() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "状态 " + this.fixture.volunteers.tag);
		String base = "/activities/" + id;
		assertThat(Jsoup.parse(page(this.adminA, get(base + "/manage"))).select("#activity-publish")).isNotEmpty();

		this.mvc.perform(post(base + "/publish").with(user(this.adminA)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "请先添加至少一个场次再发布。"));
		this.mvc.perform(post(base + "/archive").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("problem", "只有已完成或已取消的活动可以归档（当前状态：草稿）。"));

		this.fixture.session(id, 3, 9, 12);
		this.mvc.perform(post(base + "/publish").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.published"));
		assertThat(this.activities.find(id).orElseThrow().status()).isEqualTo(ActivityStatus.PUBLISHED);
		Document published = Jsoup.parse(page(this.adminA, get(base + "/manage")));
		assertThat(published.select("#activity-status").text()).isEqualTo("已发布");
		assertThat(published.select("#activity-publish")).isEmpty();
		assertThat(published.select("#activity-complete")).isNotEmpty();
		assertThat(published.select("#activity-sessions-summary").text()).contains("共 1 个场次");
		assertThat(published.select("a[href$=/roster]")).hasSize(1);

		this.mvc.perform(post(base + "/cancel").param("reason", " ").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("problem", "原因：必填。"));
		this.mvc.perform(post(base + "/cancel").param("reason", "暴雨预警").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.cancelled"));
		ActivityView cancelled = this.activities.find(id).orElseThrow();
		assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
		assertThat(cancelled.statusReason()).isEqualTo("暴雨预警");
		assertThat(this.activities.sessions(id)).allMatch((session) -> session.cancelled());

		this.mvc.perform(post(base + "/archive").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.archived"));
		Document archived = Jsoup.parse(page(this.adminA, get(base + "/manage")));
		assertThat(archived.select("#activity-status").text()).isEqualTo("已归档");
		assertThat(archived.select("form button[type=submit][id^=activity-]")).isEmpty();
		assertThat(archived.select("#activity-edit")).isEmpty();
	}

	@Test
	void completingAsksForThePeopleServed() throws Exception {
		ActivityId id = this.fixture.draft(this.unitA, "完成 " + this.fixture.volunteers.tag);
		this.activities.addSession(ActivityFixture.SYSTEM, id, SessionDetails.at(tomorrow(9), tomorrow(11), null));
		this.activities.publish(ActivityFixture.SYSTEM, id);
		String base = "/activities/" + id;
		this.mvc.perform(post(base + "/complete").param("peopleServed", "很多").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("problem", "请输入整数。"));
		this.mvc.perform(post(base + "/complete").param("peopleServed", "-3").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("problem", "服务人数：服务人数不能为负数。"));
		this.mvc.perform(post(base + "/complete").param("peopleServed", "20").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("notice", "authoring.notice.completed"));
		ActivityView completed = this.activities.find(id).orElseThrow();
		assertThat(completed.status()).isEqualTo(ActivityStatus.COMPLETED);
		assertThat(completed.peopleServed()).isEqualTo(20);
		this.mvc.perform(post(base + "/publish").with(user(this.adminA)).with(csrf()))
			.andExpect(flash().attribute("problem", "只有草稿可以执行此操作（当前状态：已完成）。"));
	}

	// --- helpers

	private MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String title) {
		return valid(request, title, Map.of());
	}

	/** A request with every field valid, except those overridden. */
	private MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String title,
			Map<String, String> overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("description", "<p>为云南小学购买课本</p>");
		fields.put("unit", this.unitA.toString());
		fields.put("coOrganisers", this.unitB.toString());
		fields.put("address", "北京市朝阳区图书馆");
		fields.put("timeZone", "Asia/Shanghai");
		fields.put("visibility", "ASSOCIATION");
		fields.put("contactName", "李老师");
		fields.put("contactInfo", "010-66661234");
		fields.put("beneficiaries", "20 位盲人朋友");
		fields.put("cancelDeadlineHours", "24");
		fields.putAll(overrides);
		fields.forEach(request::param);
		return request;
	}

	private String page(SignedInAccount viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A campaign of a plan of a year nobody else uses. */
	private CampaignView campaign() {
		for (int attempt = 0; attempt < 50; attempt++) {
			int year = 2030 + ThreadLocalRandom.current().nextInt(70);
			if (this.plans.findPlan(year).isPresent()) {
				continue;
			}
			try {
				PlanId plan = this.plans.createPlan(ActivityFixture.SYSTEM, year, year + " 年计划", null, null);
				ThemeId theme = this.plans.addTheme(ActivityFixture.SYSTEM, plan, PlanLevel.INTERNAL, "友爱互助", null);
				CampaignId id = this.plans.addCampaign(ActivityFixture.SYSTEM, theme, "一路同行", null,
						CampaignTargets.none());
				return this.plans.findCampaign(id).orElseThrow();
			}
			catch (DuplicatePlanException ex) {
				// another test took the year meanwhile
			}
		}
		throw new IllegalStateException("No free year for a plan");
	}

	private java.util.List<String> titles(SignedInAccount viewer, MockHttpServletRequestBuilder request)
			throws Exception {
		return Jsoup.parse(page(viewer, request)).select("#activity-table tbody tr td:first-child a").eachText();
	}

	static ActivityId idFrom(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/activities/\\d+/manage");
		return new ActivityId(Long.parseLong(location.replaceAll("\\D", "")));
	}

	private static LocalDateTime tomorrow(int hour) {
		return LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE))
			.truncatedTo(ChronoUnit.DAYS)
			.plusDays(1)
			.withHour(hour);
	}

}
