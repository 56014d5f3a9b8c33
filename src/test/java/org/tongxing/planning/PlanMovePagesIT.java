package org.tongxing.planning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.planning.PlanningFixture.SYSTEM;

/**
 * Moving themes and campaigns on the plan's edit page: a plain form post (no JavaScript)
 * redirects back to the moved row; htmx gets the levels alone; only coordinators may
 * move, and only parts of the plan in the URL.
 */
@IntegrationTest
class PlanMovePagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Plans plans;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	PlanningFixture fixture;

	VolunteerFixture people;

	SignedInAccount coordinator;

	@BeforeEach
	void setUp() {
		this.fixture = new PlanningFixture(this.plans);
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.coordinator = this.people.account("coord", Role.COORDINATOR);
	}

	@Test
	void theEditPageOffersLabelledMovesAndAPlainPostMovesAndReturnsToTheRow() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		String edit = "/plans/" + sample.year() + "/edit";

		this.mvc.perform(get(edit).with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-label=\"上移“一路同行”\"")))
			.andExpect(content().string(containsString("aria-label=\"下移“有事儿您说话”\"")))
			.andExpect(content()
				.string(containsString("action=\"/plans/" + sample.year() + "/themes/" + road.value() + "/move\"")));

		this.mvc
			.perform(post("/plans/" + sample.year() + "/themes/" + road.value() + "/move").param("move", "UP")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl(edit + "#edit-theme-" + road.value()))
			.andExpect(flash().attribute("movedKey", "planning.moved.UP"));
		assertThat(this.plans.themes(sample.year())).extracting(ThemeView::name)
			.containsExactly("一路同行", "友爱互助", "外交为民");

		this.mvc
			.perform(post("/plans/" + sample.year() + "/themes/" + road.value() + "/move").param("move", "UP")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(flash().attribute("movedKey", "planning.notMoved.UP"));
	}

	@Test
	void htmxGetsTheLevelsWithWhatMoved() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		CampaignId walk = this.plans.addCampaign(SYSTEM, sample.internal(), "健步走", null, CampaignTargets.none());

		this.mvc
			.perform(post("/plans/" + sample.year() + "/campaigns/" + walk.value() + "/move").param("move", "UP")
				.header("HX-Request", "true")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-levels\"")))
			.andExpect(content().string(containsString("“健步走”已上移一位。")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("copy-form"))));
		assertThat(this.plans.campaigns(sample.year())).extracting(CampaignView::name)
			.containsExactly("健步走", "有事儿您说话", "走进高校");
	}

	@Test
	void unitAdminsAndVolunteersMayNotMoveAndOtherYearsAreNotFound() throws Exception {
		PlanningFixture.Sample sample = this.fixture.sample();
		ThemeId road = this.plans.addTheme(SYSTEM, sample.plan(), PlanLevel.INTERNAL, "一路同行", null);
		SignedInAccount volunteer = this.people.account("vol", Role.VOLUNTEER);
		SignedInAccount unitAdmin = this.people.adminOf(this.people.unit(this.people.root(), "move"));
		String themeMove = "/plans/" + sample.year() + "/themes/" + road.value() + "/move";
		String campaignMove = "/plans/" + sample.year() + "/campaigns/" + sample.talk().value() + "/move";

		for (SignedInAccount who : new SignedInAccount[] { volunteer, unitAdmin }) {
			this.mvc.perform(post(themeMove).param("move", "UP").with(user(who)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(campaignMove).param("move", "DOWN").with(user(who)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/plans/" + sample.year()).with(user(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/move"))));
		}
		int otherYear = (sample.year() == 2100) ? 2099 : sample.year() + 1;
		this.mvc
			.perform(post("/plans/" + otherYear + "/themes/" + road.value() + "/move").param("move", "UP")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/plans/" + sample.year() + "/campaigns/999999999/move").param("move", "UP")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(themeMove).param("move", "SIDEWAYS").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post(themeMove).with(user(this.coordinator)).with(csrf())).andExpect(status().isBadRequest());
		assertThat(this.plans.themes(sample.year())).extracting(ThemeView::name)
			.containsExactly("友爱互助", "一路同行", "外交为民");
	}

}
