package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Star levels follow confirmed hours, thresholds 100/300/600/1000/1500 h by default; a
 * new level is recorded once, also when two confirmations cross the threshold together.
 */
@IntegrationTest
class StarLevelsIT {

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
	StarLevels stars;

	@Autowired
	JdbcClient jdbc;

	ServiceRecordFixture fixture;

	UnitId unit;

	AccountId admin;

	@BeforeEach
	void setUp() {
		ActivityFixture activityFixture = new ActivityFixture(
				new VolunteerFixture(this.units, this.accounts, this.volunteers), this.activities, this.volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, this.activities, this.signUps, this.checkIns);
		this.unit = activityFixture.volunteers.unit(activityFixture.volunteers.root(), "星级");
		this.admin = activityFixture.volunteers.adminOf(this.unit).id();
	}

	@Test
	void theDefaultThresholdsAreTheNationalOnes() {
		assertThat(this.stars.thresholds()).extracting(BigDecimal::intValue).containsExactly(100, 300, 600, 1000, 1500);
		assertThat(this.stars.levelFor(new BigDecimal("99.99"))).isZero();
		assertThat(this.stars.levelFor(new BigDecimal("100"))).isEqualTo(1);
		assertThat(this.stars.levelFor(new BigDecimal("1499"))).isEqualTo(4);
		assertThat(this.stars.levelFor(new BigDecimal("5000"))).isEqualTo(5);
		assertThat(this.stars.nextThreshold(new BigDecimal("120"))).contains(new BigDecimal("300"));
		assertThat(this.stars.nextThreshold(new BigDecimal("1500"))).isEmpty();
	}

	@Test
	void twoConfirmationsCrossingTheThresholdTogetherReachTheLevelOnce() throws Exception {
		AccountId volunteer = this.fixture.activities.volunteer(this.unit, "双星");
		VolunteerId id = this.fixture.volunteerId(volunteer);
		List<Long> entries = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Running running = this.fixture.session(this.unit, "长期服务" + i, Duration.ofHours(5), Duration.ofHours(3));
			this.fixture.place(running, volunteer);
			this.fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
			long entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0).id();
			this.records.adjust(ServiceRecordFixture.SYSTEM, entry, new BigDecimal("60"), "补录长期驻点服务", this.admin);
			entries.add(entry);
		}

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (long entry : entries) {
				done.add(pool.submit(() -> {
					start.await();
					this.records.confirm(ServiceRecordFixture.SYSTEM, entry, this.admin);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.records.total(id)).isEqualByComparingTo("120");
		assertThat(this.jdbc.sql("select level from star_level where volunteer_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
