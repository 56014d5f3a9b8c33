package org.tongxing.planning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.planning.PlanningFixture.SYSTEM;

@IntegrationTest
class PlanPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Plans plans;

	@Autowired
	Activities activities;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	PlanningFixture fixture;

	VolunteerFixture people;

	ActivityFixture activityFixture;

	SignedInAccount coordinator;

	SignedInAccount volunteer;

	@BeforeEach
	void setUp() {
		this.fixture = new PlanningFixture(this.plans);
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.activityFixture = new ActivityFixture(this.people, this.activities, this.volunteers);
		this.coordinator = this.people.account("coord", Role.COORDINATOR);
		this.volunteer = this.people.account("vol", Role.VOLUNTEER);
	}

	@Test
	void thePlanPageShowsTargetsAgainstActualsCountedFromActivities() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		UnitId unit = this.people.unit(this.people.root(), "page");
		published(unit, sample.talk(), "读书节义卖");
		published(unit, sample.talk(), "博物馆参观");
		published(unit, sample.tour(), "高校宣讲");
		// a draft does not count
		this.activities.create(SYSTEM, inCampaign(unit, sample.talk(), "草稿"), null);

		this.mvc.perform(get("/plans/" + sample.year()).with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部内")))
			.andExpect(content().string(containsString("社会")))
			.andExpect(content().string(containsString("友爱互助")))
			.andExpect(content().string(containsString("有事儿您说话")))
			.andExpect(content().string(containsString("2 / 20")))
			.andExpect(content().string(containsString("0 / 150.5")))
			.andExpect(content().string(containsString("planning-w-10")))
			.andExpect(content().string(containsString("未设目标")))
			// volunteers neither edit nor propose
			.andExpect(content().string(not(containsString("/plans/" + sample.year() + "/edit"))))
			.andExpect(content().string(not(containsString("/propose"))));
		this.mvc.perform(get("/plans").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(sample.year() + " 年度计划")))
			.andExpect(content().string(not(containsString("plan-form"))));
	}

	@Test
	void aCoordinatorCreatesAPlanAndAnotherForTheSameYearIsRefusedOnTheForm() throws Exception {
		int year = this.fixture.freeYear();
		this.mvc
			.perform(post("/plans").param("year", String.valueOf(year))
				.param("title", "新计划")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + year + "/edit"));
		// the year is a year, not a number with a thousands separator
		this.mvc.perform(get("/plans/" + year + "/edit").with(user(this.coordinator)))
			.andExpect(content().string(containsString(year + " 年度计划：编辑")))
			.andExpect(content().string(containsString("把 " + year + " 年度计划复制到新的一年")));
		this.mvc
			.perform(post("/plans").param("year", String.valueOf(year))
				.param("title", "重复的计划")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(year + " 年已有年度计划。")))
			.andExpect(content().string(containsString("重复的计划")));
		this.mvc
			.perform(
					post("/plans").param("year", "2101").param("title", "太远").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("年份须在 2000 到 2100 之间。")));
		this.mvc
			.perform(post("/plans").param("year", String.valueOf(this.fixture.freeYear()))
				.param("title", "不许")
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void invalidTargetsAreRefusedBesideTheFieldWithTheInputKept() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		String url = "/plans/" + sample.year() + "/themes/" + sample.internal() + "/campaigns/new";
		this.mvc
			.perform(post(url).param("name", "文明用餐你我他")
				.param("targetActivities", "-3")
				.param("targetParticipations", "2.5")
				.param("targetHours", "abc")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入数字。")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("value=\"文明用餐你我他\"")));
		this.mvc
			.perform(post(url).param("name", "文明用餐你我他")
				.param("targetActivities", "-3")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能为负数。")))
			.andExpect(content().string(containsString("value=\"-3\"")));
		this.mvc
			.perform(post(url).param("name", "文明用餐你我他")
				.param("targetParticipations", "2.5")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入整数。")));
		assertThat(this.plans.campaigns(sample.year())).extracting(CampaignView::name).doesNotContain("文明用餐你我他");

		this.mvc
			.perform(post(url).param("name", "文明用餐你我他")
				.param("targetActivities", "12")
				.param("targetMoneyRaised", "5000.50")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + sample.year() + "/edit"));
		CampaignView added = this.plans.campaigns(sample.year())
			.stream()
			.filter((c) -> c.name().equals("文明用餐你我他"))
			.findFirst()
			.orElseThrow();
		assertThat(added.targets().get(Measure.ACTIVITIES)).isEqualByComparingTo("12");
		assertThat(added.targets().get(Measure.MONEY_RAISED)).isEqualByComparingTo("5000.5");
	}

	@Test
	void copyingOnThePageRefusesATakenYearClearly() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		int taken = this.fixture.freeYear();
		this.plans.createPlan(SYSTEM, taken, "已有", null, null);
		this.mvc
			.perform(post("/plans/" + sample.year() + "/copy").param("targetYear", String.valueOf(taken))
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(taken + " 年已有年度计划，未复制任何内容。")));
		int free = this.fixture.freeYear();
		this.mvc
			.perform(post("/plans/" + sample.year() + "/copy").param("targetYear", String.valueOf(free))
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/plans/" + free + "/edit"));
		this.mvc.perform(get("/plans/" + free).with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有事儿您说话")))
			.andExpect(content().string(containsString("0 / 20")));
	}

	@Test
	void unknownPlansAndPartsOfOtherYearsAreNotFound() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		this.mvc.perform(get("/plans/2101").with(user(this.volunteer))).andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/abc").with(user(this.volunteer))).andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/plans/" + (sample.year() == 2100 ? 2099 : sample.year() + 1) + "/campaigns/" + sample.talk()
					+ "/edit")
				.with(user(this.coordinator)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/" + sample.year() + "/campaigns/999999999/edit").with(user(this.coordinator)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/" + sample.year() + "/edit").with(user(this.volunteer)))
			.andExpect(status().isForbidden());
	}

	private ActivityId published(UnitId unit, CampaignId campaign, String title) {
		ActivityId activity = this.activities.create(SYSTEM, inCampaign(unit, campaign, title), null);
		SessionId session = this.activityFixture.session(activity, 5, 9, 12);
		this.activities.addPosition(SYSTEM, session, PositionDetails.open("引导员", 3));
		this.activities.publish(SYSTEM, activity);
		return activity;
	}

	private static ActivityDetails inCampaign(UnitId unit, CampaignId campaign, String title) {
		ActivityDetails d = ActivityFixture.details(unit, title);
		return new ActivityDetails(d.title(), d.description(), campaign, d.unit(), d.coOrganisers(), d.online(),
				d.address(), d.onlineUrl(), d.timeZone(), d.visibility(), d.visibilityUnit(), d.contactName(),
				d.contactInfo(), d.beneficiaries(), d.cancelDeadlineHours());
	}

}
