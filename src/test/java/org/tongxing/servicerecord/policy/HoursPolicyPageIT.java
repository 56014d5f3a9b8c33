package org.tongxing.servicerecord.policy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.HoursPolicies;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organiser sets the activity's hours policy and a position's fixed hours on the page;
 * the next check-out follows them, and bad input comes back with a message and the typed
 * value.
 */
@IntegrationTest
class HoursPolicyPageIT {

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
	HoursPolicies policies;

	ServiceRecordFixture fixture;

	UnitId unit;

	SignedInAccount organiser;

	@BeforeEach
	void setUp() {
		ActivityFixture activityFixture = new ActivityFixture(
				new VolunteerFixture(this.units, this.accounts, this.volunteers), this.activities, this.volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, this.activities, this.signUps, this.checkIns);
		this.unit = activityFixture.volunteers.unit(activityFixture.volunteers.root(), "时长规则");
		this.organiser = activityFixture.volunteers.adminOf(this.unit);
	}

	@Test
	void theOrganisersPolicyMakesTheHoursOfTheNextCheckOut() throws Exception {
		Running running = this.fixture.session(this.unit, "讲解", Duration.ofHours(4), Duration.ofHours(3));
		String page = "/activities/" + running.activity().value() + "/hours";
		this.mvc.perform(get(page).with(user(this.organiser)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("15:0,45:0.5,60:1")));

		this.mvc
			.perform(post(page).with(user(this.organiser))
				.with(csrf())
				.param("useDefault", "false")
				.param("minSharePercent", "60")
				.param("buckets", "30:0,60:1"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.policies.policyFor(running.activity()).bucketsText()).isEqualTo("30:0,60:1");

		AccountId short1 = this.fixture.attendee(running, this.unit, "短时");
		this.fixture.attend(running, short1, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(100)));
		AccountId long1 = this.fixture.attendee(running, this.unit, "长时");
		this.fixture.attend(running, long1, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(150)));
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()))
			.extracting(EntryView::hoursRule, (entry) -> entry.hours().stripTrailingZeros().toPlainString())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("servicerecord.rule.below-share", "0"),
					org.assertj.core.groups.Tuple.tuple("servicerecord.rule.rounded", "3"));

		this.mvc
			.perform(post(page + "/positions/" + running.position().value()).with(user(this.organiser))
				.with(csrf())
				.param("hours", "2.5"))
			.andExpect(status().is3xxRedirection());
		AccountId fixed = this.fixture.attendee(running, this.unit, "固定");
		this.fixture.attend(running, fixed, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(170)));
		assertThat(this.records.history(this.fixture.volunteerId(fixed)).get(0).hours()).isEqualByComparingTo("2.5");
	}

	@Test
	void badBucketsComeBackWithAMessageAndWhatWasTyped() throws Exception {
		Running running = this.fixture.session(this.unit, "错档位", Duration.ofHours(-30), Duration.ofHours(3));
		String page = "/activities/" + running.activity().value() + "/hours";
		this.mvc
			.perform(post(page).with(user(this.organiser))
				.with(csrf())
				.param("useDefault", "false")
				.param("minSharePercent", "50")
				.param("buckets", "45:0.5,15:0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("档位格式不对")))
			.andExpect(content().string(containsString("value=\"45:0.5,15:0\"")));
		assertThat(this.policies.ownPolicy(running.activity())).isEmpty();
		this.mvc
			.perform(post(page + "/positions/" + running.position().value()).with(user(this.organiser))
				.with(csrf())
				.param("hours", "四小时"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.policies.fixedHours(running.position())).isEmpty();
	}

	@Test
	void anotherUnitsAdminMayNotSetIt() throws Exception {
		Running running = this.fixture.session(this.unit, "别人的", Duration.ofHours(-30), Duration.ofHours(3));
		UnitId other = this.fixture.activities.volunteers.unit(this.fixture.activities.volunteers.root(), "别处");
		SignedInAccount stranger = this.fixture.activities.volunteers.adminOf(other);
		this.mvc
			.perform(post("/activities/" + running.activity().value() + "/hours").with(user(stranger))
				.with(csrf())
				.param("useDefault", "false")
				.param("minSharePercent", "0")
				.param("buckets", ""))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
		assertThat(this.policies.ownPolicy(running.activity())).isEmpty();
	}

}
