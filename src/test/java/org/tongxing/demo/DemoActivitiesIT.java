package org.tongxing.demo;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.Visibility;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Plans;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's plans and activities: the seed's plan of 2013 with its campaigns, the
 * completed first-year activities (the campus tour at 7 universities), and upcoming
 * published activities the demo volunteer has signed up for.
 */
@IntegrationTest
class DemoActivitiesIT {

	@Autowired
	DemoActivities demo;

	@Autowired
	Plans plans;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSeedsPlanOf2013HasItsLevelsAndCampaigns() {
		assertThat(this.demo.loadOnce()).isFalse();
		assertThat(this.plans.findPlan(2013)).isPresent();
		assertThat(this.plans.campaigns(2013)).extracting(CampaignView::name)
			.contains("有事儿您说话", "一路同行", "文明用餐你我他", "政策宣讲进高校", "寒冬送温暖", "捐书", "支教", "助学");
	}

	@Test
	void theCampusTourWasSevenSessionsAtSevenUniversitiesReachingThreeThousandStudents() {
		ActivityView tour = byTitle(DemoActivities.CAMPUS_TOUR).get(0);
		List<SessionView> sessions = this.activities.sessions(tour.id());

		assertThat(tour.status()).isEqualTo(ActivityStatus.COMPLETED);
		assertThat(tour.peopleServed()).isGreaterThanOrEqualTo(3000);
		assertThat(tour.campaign()).isNotNull();
		assertThat(sessions).hasSize(7);
		assertThat(sessions.stream().map(SessionView::title).distinct()).hasSize(7).contains("北京大学", "清华大学");
		assertThat(sessions.stream().map(SessionView::address).distinct()).hasSize(7);
		assertThat(sessions).allSatisfy((session) -> assertThat(session.startsAt())
			.isBetween(Instant.parse("2013-09-01T00:00:00Z"), Instant.parse("2013-11-30T23:59:59Z")));
	}

	@Test
	void upcomingPublishedActivitiesHavePlacesAtHomeAbroadOnlineAndForASubtree() {
		List<ActivityView> upcoming = this.jdbc.sql("""
				select distinct a.id from activity a join activity_session s on s.activity_id = a.id
				where a.status = 'PUBLISHED' and s.starts_at > now() and a.created_by is null
				  and a.contact_info = 'tongxing@demo.tongxing.invalid'""")
			.query((rs, n) -> this.activities.find(new ActivityId(rs.getLong(1))).orElseThrow())
			.list();

		assertThat(upcoming).hasSizeGreaterThanOrEqualTo(5);
		assertThat(upcoming).anySatisfy((activity) -> assertThat(activity.zone().getId()).isEqualTo("Europe/Paris"));
		assertThat(upcoming).anySatisfy((activity) -> assertThat(activity.online()).isTrue());
		assertThat(upcoming).anySatisfy((activity) -> assertThat(activity.visibility()).isEqualTo(Visibility.SUBTREE));
		List<PositionView> positions = upcoming.stream()
			.flatMap((activity) -> this.activities.sessions(activity.id()).stream())
			.flatMap((session) -> this.activities.positions(session.id()).stream())
			.toList();
		assertThat(positions).anySatisfy((position) -> assertThat(position.placesLeft()).isPositive());
		assertThat(positions).anySatisfy((position) -> assertThat(position.languages()).contains("en"));
		assertThat(positions)
			.anySatisfy((position) -> assertThat(position.qualifications()).contains("lawyer-licence"));
		assertThat(positions).anySatisfy((position) -> assertThat(position.minAge()).isEqualTo(18));
		assertThat(positions).anySatisfy((position) -> assertThat(position.isFull()).isTrue());
	}

	@Test
	void theDemoVolunteerHasTwoUpcomingSignUpsAndWaitsForAThird() {
		VolunteerView volunteer = this.volunteers
			.findByAccount(this.accounts.findByUsername("volunteer").orElseThrow().id())
			.orElseThrow();
		List<SignUpView> upcoming = this.signUps.ofVolunteer(volunteer.id())
			.stream()
			.filter((signUp) -> signUp.status().isLive())
			.filter((signUp) -> this.activities.findSession(signUp.session())
				.orElseThrow()
				.startsAt()
				.isAfter(Instant.now()))
			.toList();

		assertThat(upcoming).filteredOn((signUp) -> signUp.status() == SignUpStatus.CONFIRMED)
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(upcoming).filteredOn((signUp) -> signUp.status() == SignUpStatus.WAITLISTED).isNotEmpty();
	}

	private List<ActivityView> byTitle(String title) {
		return this.jdbc.sql("select id from activity where title = ? order by id")
			.param(title)
			.query((rs, n) -> this.activities.find(new ActivityId(rs.getLong(1))).orElseThrow())
			.list();
	}

}
