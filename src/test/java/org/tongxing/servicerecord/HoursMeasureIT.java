package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.Measure;
import org.tongxing.planning.Plans;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirmed hours count toward their activity's campaign on the plan page (pending ones
 * do not), through the planning module's measure SPI.
 */
@IntegrationTest
class HoursMeasureIT {

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
	Plans plans;

	@Test
	void confirmedHoursCountTowardTheCampaign() {
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ServiceRecordFixture fixture = new ServiceRecordFixture(
				new ActivityFixture(people, this.activities, this.volunteers), this.activities, this.signUps,
				this.checkIns);
		UnitId unit = people.unit(people.root(), "专项时长");
		CampaignId campaign = this.plans.allCampaigns().get(0).id();
		BigDecimal before = hours(campaign);

		ActivityDetails plain = ActivityFixture.details(unit, "专项活动");
		ActivityId activity = this.activities.create(ServiceRecordFixture.SYSTEM,
				new ActivityDetails(plain.title(), plain.description(), campaign, unit, Set.of(), false,
						plain.address(), null, ActivityFixture.ZONE, plain.visibility(), null, plain.contactName(),
						plain.contactInfo(), null, 24),
				null);
		LocalDateTime start = LocalDateTime.now(ZoneId.of(ActivityFixture.ZONE))
			.truncatedTo(ChronoUnit.MINUTES)
			.minusHours(4);
		SessionId session = this.activities.addSession(ServiceRecordFixture.SYSTEM, activity,
				SessionDetails.at(start, start.plusHours(3), ActivityFixture.ZONE));
		PositionId position = this.activities.addPosition(ServiceRecordFixture.SYSTEM, session,
				PositionDetails.open("宣传员", 5));
		this.activities.publish(ServiceRecordFixture.SYSTEM, activity);
		Running running = new Running(activity, session, position,
				start.atZone(ZoneId.of(ActivityFixture.ZONE)).toInstant(),
				start.plusHours(3).atZone(ZoneId.of(ActivityFixture.ZONE)).toInstant());
		AccountId volunteer = fixture.attendee(running, unit, "专项志愿者");
		fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
		assertThat(hours(campaign)).as("pending hours do not count").isEqualByComparingTo(before);

		long entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, session).get(0).id();
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry, people.adminOf(unit).id());
		assertThat(hours(campaign)).isEqualByComparingTo(before.add(BigDecimal.valueOf(3)));
	}

	private BigDecimal hours(CampaignId campaign) {
		Map<Measure, BigDecimal> actuals = this.plans
			.actuals(this.plans.allCampaigns().stream().filter((view) -> view.id().equals(campaign)).toList())
			.getOrDefault(campaign, Map.of());
		return actuals.getOrDefault(Measure.HOURS, BigDecimal.ZERO);
	}

}
