package org.tongxing.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many volunteers sign up for one position at the same moment, each in their own
 * transaction on their own connection: exactly its capacity is confirmed, everyone else
 * is waitlisted, and the count of taken places matches the sign-ups that hold one.
 */
@IntegrationTest
class SignUpRaceIT {

	private static final int CAPACITY = 7;

	private static final int VOLUNTEERS = 40;

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
	JdbcClient jdbc;

	@Test
	void concurrentSignUpsNeverExceedTheCapacity() throws Exception {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "race");
		PositionId position = fixture.published(unit, "抢位测试", 5, PositionDetails.open("引导员", CAPACITY));
		List<AccountId> accounts = new ArrayList<>();
		for (int i = 0; i < VOLUNTEERS; i++) {
			accounts.add(fixture.volunteer(unit, "抢位" + i));
		}

		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<SignUpOutcome>> results = new ArrayList<>();
		for (AccountId account : accounts) {
			results.add(pool.submit(() -> {
				start.await();
				return this.signUps.signUp(account, position);
			}));
		}
		start.countDown();
		List<SignUpStatus> statuses = new ArrayList<>();
		for (Future<SignUpOutcome> result : results) {
			SignUpOutcome outcome = result.get(60, TimeUnit.SECONDS);
			assertThat(outcome.refusals()).isEmpty();
			statuses.add(outcome.status());
		}
		pool.shutdown();

		assertThat(statuses).filteredOn((status) -> status == SignUpStatus.CONFIRMED).hasSize(CAPACITY);
		assertThat(statuses).filteredOn((status) -> status == SignUpStatus.WAITLISTED).hasSize(VOLUNTEERS - CAPACITY);
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isEqualTo(CAPACITY);
		assertThat(this.jdbc.sql("select count(*) from signup where position_id = ? and status = 'CONFIRMED'")
			.param(position.value())
			.query(Integer.class)
			.single()).isEqualTo(CAPACITY);
	}

	@Test
	void aVolunteerClickingTwiceAtOnceSignsUpOnce() throws Exception {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "twice");
		PositionId position = fixture.published(unit, "重复点击", 5, PositionDetails.open("讲解员", 10));
		AccountId account = fixture.volunteer(unit, "双击");

		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<SignUpOutcome>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.signUps.signUp(account, position);
			}));
		}
		start.countDown();
		int made = 0;
		for (Future<SignUpOutcome> result : results) {
			SignUpOutcome outcome = result.get(60, TimeUnit.SECONDS);
			if (!outcome.isRefused()) {
				made++;
			}
			else {
				assertThat(outcome.refusals()).extracting(Refusal::reason).containsExactly("already-signed-up");
			}
		}
		pool.shutdown();
		assertThat(made).isEqualTo(1);
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isEqualTo(1);
	}

}
