package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Check-in and check-out through the QR code, the typed code and cards: repeated and
 * concurrent scans make one attendance and one record; codes expire; only volunteers with
 * a place check in; a geofence needs a point inside it; a missing check-out is closed at
 * the session's end and flagged.
 */
@IntegrationTest
class CheckInsIT {

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
	CheckInTokens tokens;

	@Autowired
	JdbcClient jdbc;

	ServiceRecordFixture fixture;

	UnitId unit;

	@BeforeEach
	void setUp() {
		ActivityFixture activityFixture = new ActivityFixture(
				new VolunteerFixture(this.units, this.accounts, this.volunteers), this.activities, this.volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, this.activities, this.signUps, this.checkIns);
		this.unit = activityFixture.volunteers.unit(activityFixture.volunteers.root(), "签到");
	}

	@Test
	void scanningTheQrCodeChecksInThenOutAndRepeatsChangeNothing() {
		Running running = this.fixture.session(this.unit, "扫码签到", Duration.ofMinutes(30), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "扫码者");
		Instant now = Instant.now();
		String token = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), now).token();

		assertThat(this.checkIns.scanQr(volunteer, token, now, null, now).outcome()).isEqualTo(ScanOutcome.CHECKED_IN);
		assertThat(this.checkIns.scanQr(volunteer, token, now, null, now.plusSeconds(5)).outcome())
			.isEqualTo(ScanOutcome.ALREADY_CHECKED_IN);

		Instant later = now.plus(Duration.ofMinutes(100));
		String laterToken = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), later).token();
		ScanResult out = this.checkIns.scanQr(volunteer, laterToken, later, null, later);
		assertThat(out.outcome()).isEqualTo(ScanOutcome.CHECKED_OUT);
		assertThat(this.checkIns.scanQr(volunteer, laterToken, later, null, later.plusSeconds(3)).outcome())
			.isEqualTo(ScanOutcome.ALREADY_CHECKED_OUT);

		List<EntryView> entries = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session());
		assertThat(entries).singleElement().satisfies((entry) -> {
			// 1 h 40 min with the default buckets: 40 minutes of a started hour count
			// half an hour
			assertThat(entry.hours()).isEqualByComparingTo("1.5");
			assertThat(entry.status()).isEqualTo(EntryStatus.PENDING);
			assertThat(entry.hoursRule()).isEqualTo("servicerecord.rule.rounded");
			assertThat(entry.activityName()).isEqualTo("扫码签到");
			assertThat(entry.leadName()).isEqualTo("王老师");
			assertThat(entry.content()).isEqualTo("服务岗");
		});
	}

	@Test
	void anExpiredOrForgedCodeDoesNotCount() {
		Running running = this.fixture.session(this.unit, "过期码", Duration.ofMinutes(10), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "迟到者");
		Instant shown = Instant.now();
		CheckInTokens.Rotating code = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), shown);
		Instant twoMinutesLater = shown.plus(Duration.ofMinutes(2));

		assertThatThrownBy(() -> this.checkIns.scanQr(volunteer, code.token(), twoMinutesLater, null, twoMinutesLater))
			.isInstanceOf(ServiceRecordException.class)
			.hasMessage("servicerecord.checkin.code-expired");
		assertThatThrownBy(() -> this.checkIns.enterCode(volunteer, code.code(), null, twoMinutesLater))
			.hasMessage("servicerecord.checkin.code-wrong");
		String forged = running.session().value() + "." + code.token().split("\\.")[1] + ".AAAAAAAAAAAAAAAAAAAAAA";
		assertThatThrownBy(() -> this.checkIns.scanQr(volunteer, forged, shown, null, shown))
			.hasMessage("servicerecord.checkin.code-expired");
		// the typed code of the window is good until the end of the next one
		assertThat(this.checkIns.enterCode(volunteer, code.code(), null, code.changesAt().plusSeconds(1)).outcome())
			.isEqualTo(ScanOutcome.CHECKED_IN);
	}

	@Test
	void onlyVolunteersWithAPlaceCheckInAndOnlyWhileTheWindowIsOpen() {
		Running running = this.fixture.session(this.unit, "无报名", Duration.ofMinutes(10), Duration.ofHours(2));
		AccountId stranger = this.fixture.activities.volunteer(this.unit, "路人");
		Instant now = Instant.now();
		String token = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), now).token();
		assertThatThrownBy(() -> this.checkIns.scanQr(stranger, token, now, null, now))
			.hasMessage("servicerecord.checkin.not-signed-up");

		Running later = this.fixture.session(this.unit, "明天的活动", Duration.ofHours(-26), Duration.ofHours(2));
		AccountId early = this.fixture.attendee(later, this.unit, "早到者");
		String laterToken = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, later.session(), now).token();
		assertThatThrownBy(() -> this.checkIns.scanQr(early, laterToken, now, null, now))
			.hasMessage("servicerecord.checkin.too-early");
	}

	@Test
	void aGeofenceNeedsAPointInsideItAndKeepsOnlyTheCheckInPoint() {
		Running running = this.fixture.session(this.unit, "围栏", Duration.ofMinutes(10), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "围栏内");
		GeoPoint ministry = new GeoPoint(39.9219, 116.4436);
		this.checkIns.setGeofence(ServiceRecordFixture.SYSTEM, running.session(), new Geofence(ministry, 200), null);
		Instant now = Instant.now();
		String token = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), now).token();

		assertThatThrownBy(() -> this.checkIns.scanQr(volunteer, token, now, null, now))
			.hasMessage("servicerecord.checkin.location-needed");
		GeoPoint tiananmen = new GeoPoint(39.9087, 116.3975);
		assertThatThrownBy(() -> this.checkIns.scanQr(volunteer, token, now, tiananmen, now)).isInstanceOfSatisfying(
				ServiceRecordException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("servicerecord.checkin.outside"));
		GeoPoint nearby = new GeoPoint(39.9225, 116.4440);
		assertThat(this.checkIns.scanQr(volunteer, token, now, nearby, now).attendance().hasPoint()).isTrue();
	}

	@Test
	void concurrentAndRepeatedScansMakeOneAttendanceAndOneRecord() throws Exception {
		Running running = this.fixture.session(this.unit, "并发签到", Duration.ofMinutes(5), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "手抖的志愿者");
		Instant now = Instant.now();
		CheckInTokens.Rotating code = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), now);

		List<ScanOutcome> checkIns = race(20, () -> this.checkIns.scanQr(volunteer, code.token(), now, null, now));
		assertThat(checkIns).containsOnlyOnce(ScanOutcome.CHECKED_IN)
			.containsOnly(ScanOutcome.CHECKED_IN, ScanOutcome.ALREADY_CHECKED_IN);

		Instant later = now.plus(Duration.ofMinutes(90));
		CheckInTokens.Rotating laterCode = this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(),
				later);
		List<ScanOutcome> checkOuts = race(20, () -> this.checkIns.enterCode(volunteer, laterCode.code(), null, later));
		assertThat(checkOuts).containsOnlyOnce(ScanOutcome.CHECKED_OUT)
			.containsOnly(ScanOutcome.CHECKED_OUT, ScanOutcome.ALREADY_CHECKED_OUT);

		assertThat(count("attendance", running)).isEqualTo(1);
		assertThat(count("service_entry", running)).isEqualTo(1);
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0).hours())
			.isEqualByComparingTo("1.5");
	}

	@Test
	void aMissingCheckOutIsClosedAtTheSessionsEndAndFlagged() {
		Running running = this.fixture.session(this.unit, "忘签退", Duration.ofHours(5), Duration.ofHours(2));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "忘签退者");
		this.checkIns.toggle(running.session(), this.fixture.volunteerId(volunteer), CheckInMethod.CARD, null, null,
				running.startsAt().plusSeconds(60));

		assertThat(this.checkIns.closeMissing(Instant.now())).isGreaterThanOrEqualTo(1);

		AttendanceView attendance = this.checkIns.find(this.fixture.volunteerId(volunteer), running.session())
			.orElseThrow();
		assertThat(attendance.checkedOutAt()).isEqualTo(running.endsAt());
		assertThat(attendance.checkOutMethod()).isEqualTo(CheckInMethod.AUTO);
		assertThat(attendance.needsReview()).isTrue();
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())).singleElement()
			.satisfies((entry) -> assertThat(entry.hours()).isEqualByComparingTo(BigDecimal.valueOf(2)));

		this.checkIns.correctTimes(ServiceRecordFixture.SYSTEM, attendance.id(), running.startsAt(),
				running.startsAt().plus(Duration.ofMinutes(50)),
				this.fixture.activities.volunteers.adminOf(this.unit).id());
		assertThat(this.checkIns.find(attendance.id()).needsReview()).isFalse();
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0).hours())
			.isEqualByComparingTo("1");
	}

	private int count(String table, Running running) {
		return this.jdbc.sql("select count(*) from " + table + " where session_id = ?")
			.param(running.session().value())
			.query(Integer.class)
			.single();
	}

	private static List<ScanOutcome> race(int threads, java.util.concurrent.Callable<ScanResult> scan)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ScanResult>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return scan.call();
				}));
			}
			start.countDown();
			List<ScanOutcome> outcomes = new ArrayList<>();
			for (Future<ScanResult> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS).outcome());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
