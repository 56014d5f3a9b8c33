package org.tongxing.activity.browse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpOutcome;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.PlanId;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.Plans;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a volunteer finds and does on the browse pages, through MockMvc: who sees which
 * activity, the filters, places left, signing up for one or several sessions with a
 * result per position, refusal reasons, the waitlist, cancelling around the deadline and
 * answering an offered place.
 */
@IntegrationTest
class BrowseIT {

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
	Plans plans;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unit;

	/**
	 * Every activity of a test is at this street, so the place filter finds only them.
	 */
	String street;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "browse");
		this.street = "同行路" + this.fixture.volunteers.tag + "号";
	}

	@Test
	void aSubtreeActivityIsOnlyForItsSubtreeAndADraftIsNeverListed() throws Exception {
		UnitId branch = this.fixture.volunteers.unit(this.unit, "branch");
		UnitId other = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "other");
		ActivityId subtree = publish(details("子树活动", Visibility.SUBTREE, this.unit), 3, PositionDetails.open("引导员", 5));
		ActivityId everyone = publish(details("全会活动", Visibility.ASSOCIATION, null), 4, PositionDetails.open("引导员", 5));
		ActivityId draft = this.activities.create(ActivityFixture.SYSTEM, details("草稿活动", Visibility.ASSOCIATION, null),
				null);
		this.fixture.session(draft, 5, 9, 12);

		SignedInAccount inside = principal(this.fixture.volunteer(branch, "内"));
		SignedInAccount outside = principal(this.fixture.volunteer(other, "外"));
		SignedInAccount coordinator = this.fixture.volunteers.account("coord", Role.COORDINATOR);

		assertThat(titles(list(inside, ""))).containsExactly("子树活动", "全会活动");
		assertThat(titles(list(outside, ""))).containsExactly("全会活动");
		// the volunteers' list, even for those who manage drafts
		assertThat(titles(list(coordinator, ""))).containsExactly("子树活动", "全会活动");

		this.mvc.perform(get("/activities/" + subtree.value()).with(user(outside))).andExpect(status().isNotFound());
		this.mvc.perform(get("/activities/" + draft.value()).with(user(outside))).andExpect(status().isNotFound());
		this.mvc.perform(get("/activities/" + subtree.value()).with(user(inside))).andExpect(status().isOk());
		this.mvc.perform(get("/activities/" + everyone.value()).with(user(outside))).andExpect(status().isOk());
		// signing up by a crafted POST is refused the same way
		PositionId position = this.activities.positions(this.activities.sessions(subtree).get(0).id()).get(0).id();
		this.mvc
			.perform(post("/activities/" + subtree.value() + "/sign-up")
				.param("position", String.valueOf(position.value()))
				.with(user(outside))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void filtersNarrowTheListAndKeepTheirValues() throws Exception {
		CampaignId campaign = campaign();
		ActivityDetails withCampaign = details("专项活动", Visibility.ASSOCIATION, null);
		withCampaign = new ActivityDetails(withCampaign.title(), withCampaign.description(), campaign,
				withCampaign.unit(), Set.of(), false, withCampaign.address(), null, ActivityFixture.ZONE,
				Visibility.ASSOCIATION, null, "王老师", "010-1", "学生", 24);
		publish(withCampaign, 2, PositionDetails.open("讲师", 2));
		publish(details("法律咨询", Visibility.ASSOCIATION, null), 10,
				new PositionDetails("律师", null, 2, Approval.AUTOMATIC, null, Set.of("law"), Set.of(), Set.of()));
		publish(details("急救培训", Visibility.ASSOCIATION, null), 20, new PositionDetails("急救员", null, 2,
				Approval.AUTOMATIC, null, Set.of("first-aid"), Set.of("en"), Set.of()));
		UnitId otherUnit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "organiser");
		ActivityDetails online = new ActivityDetails("线上讲座", "<p>线上</p>", null, otherUnit, Set.of(), true, null,
				"https://meet.example.org/" + this.fixture.volunteers.tag, ActivityFixture.ZONE, Visibility.ASSOCIATION,
				null, null, null, null, 24);
		publish(online, 6, PositionDetails.open("主持", 1));
		// the adult volunteer of the fixture has first-aid and English, and no law
		SignedInAccount me = principal(this.fixture.volunteer(this.unit, "筛选"));

		assertThat(titles(list(me, ""))).containsExactly("专项活动", "法律咨询", "急救培训");
		assertThat(titles(list(me, "&matching=true"))).containsExactly("专项活动", "急救培训");
		assertThat(titles(list(me, "&campaign=" + campaign.value()))).containsExactly("专项活动");
		assertThat(titles(list(me, "&unit=" + this.unit.value()))).containsExactly("专项活动", "法律咨询", "急救培训");
		LocalDate today = LocalDate.now(ZoneId.of(ActivityFixture.ZONE));
		assertThat(titles(list(me, "&from=" + today.plusDays(5) + "&to=" + today.plusDays(15))))
			.containsExactly("法律咨询");

		Document online6 = page(me, "/activities?online=true&unit=" + otherUnit.value());
		assertThat(titles(online6)).containsExactly("线上讲座");
		assertThat(online6.select(".browse-place").text()).isEqualTo("线上");

		// a date that does not parse: a message beside it, the rest still filters
		Document invalid = page(me, "/activities?place=" + this.street + "&from=2026-13-45&to=" + today.plusDays(5));
		assertThat(invalid.select("#from-errors").text()).contains("有效日期");
		assertThat(invalid.select("#from").attr("value")).isEqualTo("2026-13-45");
		assertThat(invalid.select("#place").attr("value")).isEqualTo(this.street);
		assertThat(titles(invalid)).containsExactly("专项活动");
		Document backwards = page(me,
				"/activities?place=" + this.street + "&from=" + today.plusDays(5) + "&to=" + today.plusDays(1));
		assertThat(backwards.select("#to-errors").text()).contains("不能早于");
	}

	@Test
	void theListShowsTwentyCardsAndHtmxLoadsTheRest() throws Exception {
		for (int i = 0; i < ActivityListing.PAGE_SIZE + 1; i++) {
			publish(details("第" + i + "个", Visibility.ASSOCIATION, null), 2 + i, PositionDetails.open("引导员", 1));
		}
		SignedInAccount me = principal(this.fixture.volunteer(this.unit, "翻页"));

		Document first = list(me, "");
		assertThat(titles(first)).hasSize(ActivityListing.PAGE_SIZE).startsWith("第0个");
		assertThat(first.select("#browse-count").text()).isEqualTo("共 21 个活动");
		String next = first.select("#browse-more a").attr("hx-get");
		assertThat(next).contains("page=1");

		String more = this.mvc.perform(get(java.net.URI.create(next)).header("HX-Request", "true").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document rest = Jsoup.parseBodyFragment(more);
		assertThat(titles(rest)).containsExactly("第20个");
		assertThat(rest.select("#browse-more")).isEmpty();
	}

	@Test
	void cardsShowPlacesLeftOrThatTheWaitlistIsOpen() throws Exception {
		ActivityId open = publish(details("有名额", Visibility.ASSOCIATION, null), 3, PositionDetails.open("引导员", 3));
		ActivityId full = publish(details("已满", Visibility.ASSOCIATION, null), 4, PositionDetails.open("收银员", 1));
		SignedInAccount me = principal(this.fixture.volunteer(this.unit, "名额"));
		this.signUps.signUp(this.fixture.volunteer(this.unit, "先到"), firstPosition(open));
		this.signUps.signUp(this.fixture.volunteer(this.unit, "先到2"), firstPosition(full));

		Document page = list(me, "");
		assertThat(page.select("#activity-" + open.value() + " .browse-places").text()).isEqualTo("余 2 个名额");
		assertThat(page.select("#activity-" + full.value() + " .browse-places").text()).isEqualTo("已满 · 可候补");
		assertThat(page.select("#activity-" + open.value() + " .browse-unit").text()).startsWith("browse-");

		Document detail = page(me, "/activities/" + open.value());
		assertThat(detail.select(".browse-position .browse-places").text()).isEqualTo("余 2 / 3 个名额");
		assertThat(detail.select("#browse-description").html()).contains("<p>有名额</p>");
	}

	@Test
	void aVolunteerSignsUpForOnePositionThenForSeveralSessionsAtOnce() throws Exception {
		ActivityId one = publish(details("单场", Visibility.ASSOCIATION, null), 3, PositionDetails.open("引导员", 5));
		SignedInAccount me = principal(this.fixture.volunteer(this.unit, "报名"));

		Document page = signUp(me, one, firstPosition(one));
		assertThat(page.select(".browse-result").text()).contains("引导员", "报名成功，已确认。");
		assertThat(page.select(".browse-mine").text()).contains("引导员", "已确认");
		assertThat(page.select("input.browse-choice")).isEmpty();

		ActivityId tour = this.activities.create(ActivityFixture.SYSTEM, details("高校巡讲", Visibility.ASSOCIATION, null),
				null);
		SessionId first = this.fixture.session(tour, 6, 9, 12);
		SessionId second = this.fixture.session(tour, 7, 9, 12);
		PositionId firstLecturer = this.activities.addPosition(ActivityFixture.SYSTEM, first,
				PositionDetails.open("讲师", 2));
		PositionId firstHelper = this.activities.addPosition(ActivityFixture.SYSTEM, first,
				PositionDetails.open("助理", 2));
		PositionId secondLecturer = this.activities.addPosition(ActivityFixture.SYSTEM, second,
				PositionDetails.open("讲师", 2));
		this.activities.publish(ActivityFixture.SYSTEM, tour);

		Document tourPage = page(me, "/activities/" + tour.value());
		assertThat(tourPage.select("input.browse-choice")).hasSize(3);

		Document after = signUp(me, tour, firstLecturer, firstHelper, secondLecturer);
		List<String> results = after.select(".browse-result").eachText();
		assertThat(results).hasSize(3);
		assertThat(results.get(0)).contains("讲师", "报名成功，已确认。");
		assertThat(results.get(1)).contains("讲师", "报名成功，已确认。");
		assertThat(results.get(2)).contains("助理", "未能报名", "每个场次只能报名一个岗位。");
		assertThat(this.signUps.ofVolunteer(this.fixture.volunteerOf(me.id()).id())).hasSize(3);

		// nothing chosen: says so
		MvcResult none = this.mvc.perform(post("/activities/" + tour.value() + "/sign-up").with(user(me)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(follow(me, none).select("#browse-problem").text()).isEqualTo("请至少选择一个岗位。");
	}

	@Test
	void refusalsAreShownWithTheirReasons() throws Exception {
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM,
				details("有要求", Visibility.ASSOCIATION, null), null);
		SessionId session = this.fixture.session(activity, 8, 9, 12);
		PositionId old = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				new PositionDetails("长者", null, 2, Approval.AUTOMATIC, 99, Set.of(), Set.of(), Set.of()));
		PositionId lawyer = this.activities.addPosition(ActivityFixture.SYSTEM, session, new PositionDetails("律师", null,
				2, Approval.AUTOMATIC, null, Set.of(), Set.of(), Set.of("lawyer-licence")));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		// another activity at the same time, already signed up for
		PositionId clashing = publishedPosition(details("同一时间", Visibility.ASSOCIATION, null), 8,
				PositionDetails.open("引导员", 5));
		AccountId account = this.fixture.volunteer(this.unit, "被拒");
		SignedInAccount me = principal(account);
		assertThat(this.signUps.signUp(account, clashing).status()).isEqualTo(SignUpStatus.CONFIRMED);

		Document page = page(me, "/activities/" + activity.value());
		String tooOld = page.select("#position-" + old.value() + " .browse-refusals").text();
		assertThat(tooOld).contains("该岗位要求年满 99 周岁。").contains("时间冲突").contains("同一时间");
		String unqualified = page.select("#position-" + lawyer.value() + " .browse-refusals").text();
		assertThat(unqualified).contains("缺少所需资质：律师执业证");
		assertThat(page.select("input.browse-choice")).isEmpty();

		Document after = signUp(me, activity, lawyer);
		assertThat(after.select(".browse-result").text()).contains("未能报名", "缺少所需资质：律师执业证", "时间冲突");

		Document english = Jsoup
			.parse(this.mvc.perform(get("/activities/" + activity.value()).param("lang", "en").with(user(me)))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(english.select("#position-" + lawyer.value() + " .browse-requirements").text())
			.contains("Lawyer's licence");
	}

	@Test
	void aFullPositionPutsTheVolunteerOnTheWaitlistWithTheirPlace() throws Exception {
		ActivityId activity = publish(details("满员", Visibility.ASSOCIATION, null), 3, PositionDetails.open("引导员", 1));
		PositionId position = firstPosition(activity);
		this.signUps.signUp(this.fixture.volunteer(this.unit, "第一"), position);
		this.signUps.signUp(this.fixture.volunteer(this.unit, "第二"), position);
		SignedInAccount me = principal(this.fixture.volunteer(this.unit, "第三"));

		Document before = page(me, "/activities/" + activity.value());
		assertThat(before.select("label[for=choose-" + position.value() + "]").text()).contains("候补");

		Document after = signUp(me, activity, position);
		assertThat(after.select(".browse-result").text()).contains("候补名单", "排第 2 位");
		assertThat(after.select(".browse-mine").text()).contains("候补中");
	}

	@Test
	void volunteersCancelBeforeTheDeadlineButNotAfter() throws Exception {
		AccountId account = this.fixture.volunteer(this.unit, "取消");
		SignedInAccount me = principal(account);
		PositionId later = publishedPosition(details("下周", Visibility.ASSOCIATION, null), 7,
				PositionDetails.open("引导员", 2));
		ActivityDetails strict = details("明天", Visibility.ASSOCIATION, null);
		strict = new ActivityDetails(strict.title(), strict.description(), null, strict.unit(), Set.of(), false,
				strict.address(), null, ActivityFixture.ZONE, Visibility.ASSOCIATION, null, null, null, null, 48);
		PositionId tomorrow = publishedPosition(strict, 1, PositionDetails.open("收银员", 2));
		SignUpOutcome cancellable = this.signUps.signUp(account, later);
		SignUpOutcome late = this.signUps.signUp(account, tomorrow);

		Document mine = page(me, "/me/activities");
		List<String> order = mine.select(".browse-signup h3").eachText();
		assertThat(order.indexOf("明天")).isLessThan(order.indexOf("下周"));
		// past the deadline the page says whom to ask instead of offering a button that
		// fails
		assertThat(mine.select("#signup-" + late.signUp().value() + " .browse-cancel")).isEmpty();
		assertThat(mine.select("#signup-" + late.signUp().value() + " .browse-late").text()).startsWith("已过取消截止时间");
		assertThat(mine.select("#signup-" + cancellable.signUp().value() + " .browse-cancel")).hasSize(1);
		assertThat(mine.select("#signup-" + cancellable.signUp().value() + " .browse-late")).isEmpty();

		MvcResult ok = this.mvc
			.perform(post("/me/activities/" + cancellable.signUp().value() + "/cancel").with(user(me)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/me/activities"))
			.andReturn();
		Document afterOk = follow(me, ok);
		assertThat(afterOk.select("#browse-notice").text()).isEqualTo("已取消报名。");
		assertThat(afterOk.select("#signup-" + cancellable.signUp().value() + " .browse-status").text())
			.isEqualTo("已取消");

		MvcResult refused = this.mvc
			.perform(post("/me/activities/" + late.signUp().value() + "/cancel").with(user(me)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(follow(me, refused).select("#browse-problem").text()).contains("已过取消截止时间");
		assertThat(this.signUps.find(late.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.CONFIRMED);

		// someone else's sign-up is not found
		SignedInAccount stranger = principal(this.fixture.volunteer(this.unit, "旁人"));
		this.mvc.perform(post("/me/activities/" + late.signUp().value() + "/cancel").with(user(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anOfferedPlaceIsConfirmedOnItsPageAndAnExpiredOneSaysSo() throws Exception {
		ActivityId activity = publish(details("递补", Visibility.ASSOCIATION, null), 5, PositionDetails.open("引导员", 1));
		PositionId position = firstPosition(activity);
		AccountId first = this.fixture.volunteer(this.unit, "甲");
		AccountId second = this.fixture.volunteer(this.unit, "乙");
		AccountId third = this.fixture.volunteer(this.unit, "丙");
		SignUpOutcome taken = this.signUps.signUp(first, position);
		SignUpOutcome waiting = this.signUps.signUp(second, position);
		SignUpOutcome waiting3 = this.signUps.signUp(third, position);
		this.signUps.cancel(first, taken.signUp());
		String token = token(waiting);
		SignedInAccount me = principal(second);

		Document mine = page(me, "/me/activities");
		assertThat(mine.select("#signup-" + waiting.signUp().value() + " a.browse-offer").attr("href"))
			.isEqualTo("/offers/" + token);
		Document offer = page(me, "/offers/" + token);
		assertThat(offer.select("#browse-offer-position").text()).isEqualTo("引导员");
		assertThat(offer.select("#browse-offer-confirm")).hasSize(1);
		this.mvc.perform(get("/offers/" + token).with(user(principal(third)))).andExpect(status().isNotFound());

		MvcResult confirmed = this.mvc.perform(post("/offers/" + token + "/confirm").with(user(me)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/me/activities"))
			.andReturn();
		Document after = follow(me, confirmed);
		assertThat(after.select("#browse-notice").text()).isEqualTo("已确认参加。");
		assertThat(after.select("#signup-" + waiting.signUp().value() + " .browse-status").text()).isEqualTo("已确认");
		assertThat(page(me, "/offers/" + token).select("#browse-offer-over").text()).contains("已失效或已处理");

		// the next offer runs out before it is answered
		this.signUps.cancel(second, waiting.signUp());
		String next = token(waiting3);
		this.jdbc.sql("update signup set offer_expires_at = now() - interval '1 minute' where id = ?")
			.param(waiting3.signUp().value())
			.update();
		SignedInAccount late = principal(third);
		Document expired = page(late, "/offers/" + next);
		assertThat(expired.select("#browse-offer-over").text()).contains("已失效或已处理");
		assertThat(expired.select("#browse-offer-confirm")).isEmpty();
		MvcResult refused = this.mvc.perform(post("/offers/" + next + "/confirm").with(user(late)).with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(follow(late, refused).select("#browse-problem").text()).isEqualTo("该递补名额已失效或已处理。");
	}

	@Test
	void anAccountWithoutAVolunteerRecordIsToldToRegister() throws Exception {
		ActivityId activity = publish(details("看看", Visibility.ASSOCIATION, null), 3, PositionDetails.open("引导员", 1));
		SignedInAccount admin = this.fixture.volunteers.account("plain", Role.VOLUNTEER);
		Document mine = page(admin, "/me/activities");
		assertThat(mine.select("#browse-no-volunteer")).hasSize(1);
		assertThat(mine.select("a[href=/register]")).isNotEmpty();
		Document detail = page(admin, "/activities/" + activity.value());
		assertThat(detail.select("#browse-not-volunteer a[href=/register]")).hasSize(1);
		assertThat(detail.select("input.browse-choice")).isEmpty();
	}

	@Test
	void everyPageRendersInBothLanguagesWithLabelledControls() throws Exception {
		ActivityId activity = publish(details("双语", Visibility.ASSOCIATION, null), 3, PositionDetails.open("引导员", 1));
		AccountId account = this.fixture.volunteer(this.unit, "双语");
		SignUpOutcome made = this.signUps.signUp(account, firstPosition(activity));
		SignedInAccount me = principal(account);
		List<String> pages = List.of("/activities", "/activities?matching=true&from=x",
				"/activities/" + activity.value(), "/me/activities");
		for (String language : List.of("zh_CN", "en")) {
			for (String path : pages) {
				String html = this.mvc.perform(get(path).param("lang", language).with(user(me)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				Document document = Jsoup.parse(html);
				for (Element control : document.select("main input:not([type=hidden]), main select")) {
					assertThat(!document.select("label[for=" + control.id() + "]").isEmpty())
						.as("%s on %s is labelled", control.attr("name"), path)
						.isTrue();
				}
				assertThat(document.select("main h1")).as(path).isNotEmpty();
				assertThat(html).as("%s in %s", path, language).doesNotContain("??");
			}
		}
		assertThat(made.status()).isEqualTo(SignUpStatus.CONFIRMED);
		// htmx asks for the next cards only
		String more = this.mvc.perform(get("/activities").header("HX-Request", "true").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(more).doesNotContain("<main").doesNotContain("browse-filter");
	}

	// --- helpers

	private ActivityDetails details(String title, Visibility visibility, UnitId visibilityUnit) {
		return new ActivityDetails(title, "<p>" + title + "</p>", null, this.unit, Set.of(), false, this.street, null,
				ActivityFixture.ZONE, visibility, visibilityUnit, "王老师", "010-12345678", "20 位居民", 24);
	}

	private ActivityId publish(ActivityDetails details, int daysAhead, PositionDetails position) {
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM, details, null);
		SessionId session = this.fixture.session(activity, daysAhead, 9, 12);
		this.activities.addPosition(ActivityFixture.SYSTEM, session, position);
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		return activity;
	}

	private PositionId publishedPosition(ActivityDetails details, int daysAhead, PositionDetails position) {
		return firstPosition(publish(details, daysAhead, position));
	}

	private PositionId firstPosition(ActivityId activity) {
		return this.activities.positions(this.activities.sessions(activity).get(0).id()).get(0).id();
	}

	private CampaignId campaign() {
		int year = LocalDate.now().getYear();
		PlanId plan = this.plans.findPlan(year)
			.orElseGet(() -> this.plans.createPlan(ActivityFixture.SYSTEM, year, "计划", null, null));
		String tag = this.fixture.volunteers.tag;
		return this.plans.addCampaign(ActivityFixture.SYSTEM,
				this.plans.addTheme(ActivityFixture.SYSTEM, plan, PlanLevel.SOCIETY, "主题" + tag, null), "专项" + tag,
				null, CampaignTargets.none());
	}

	private SignedInAccount principal(AccountId account) {
		return this.fixture.volunteers.principal(account);
	}

	private String token(SignUpOutcome outcome) {
		return this.jdbc.sql("select offer_token from signup where id = ?")
			.param(outcome.signUp().value())
			.query(String.class)
			.single();
	}

	private Document list(SignedInAccount viewer, String query) throws Exception {
		return page(viewer, "/activities?place=" + this.street + query);
	}

	private Document page(SignedInAccount viewer, String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).with(user(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> titles(Document page) {
		return page.select(".browse-title").eachText();
	}

	private Document signUp(SignedInAccount viewer, ActivityId activity, PositionId... positions) throws Exception {
		var request = post("/activities/" + activity.value() + "/sign-up").with(user(viewer)).with(csrf());
		for (PositionId position : positions) {
			request = request.param("position", String.valueOf(position.value()));
		}
		MvcResult result = this.mvc.perform(request)
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", "/activities/" + activity.value()))
			.andReturn();
		return follow(viewer, result);
	}

	private Document follow(SignedInAccount viewer, MvcResult redirect) throws Exception {
		assertThat(redirect.getFlashMap().isEmpty()).isFalse();
		// the flash attributes wait in the (JDBC) session the response's cookie names
		return Jsoup.parse(
				this.mvc
					.perform(get(redirect.getResponse().getRedirectedUrl()).cookie(redirect.getResponse().getCookies())
						.with(user(viewer)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
	}

}
