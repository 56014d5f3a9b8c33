package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger: confirmed entries never change (the database refuses it too), a correction
 * is a new entry referring to the original that the recording unit approves, totals are
 * sums of confirmed entries, the deadline counts working days, and star levels follow the
 * hours.
 */
@IntegrationTest
class LedgerIT {

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
	WorkingCalendar calendar;

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
		this.unit = activityFixture.volunteers.unit(activityFixture.volunteers.root(), "台账");
		this.admin = activityFixture.volunteers.adminOf(this.unit).id();
	}

	@Test
	void aCorrectionIsANewEntryAndTheTotalIsTheSumOfConfirmedEntries() {
		Running running = this.fixture.session(this.unit, "更正", Duration.ofHours(4), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "要更正的人");
		VolunteerId id = this.fixture.volunteerId(volunteer);
		this.fixture.attend(running, volunteer, running.startsAt(), running.startsAt().plus(Duration.ofMinutes(70)));
		EntryView original = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		assertThat(this.records.total(id)).isEqualByComparingTo("0");

		this.records.confirm(ServiceRecordFixture.SYSTEM, original.id(), this.admin);
		assertThat(this.records.total(id)).isEqualByComparingTo("1");

		long correction = this.records.requestCorrection(volunteer, original.id(), new BigDecimal("3"), null,
				"我实际从开始服务到结束，签退时手机没电了");
		assertThatThrownBy(
				() -> this.records.requestCorrection(volunteer, original.id(), new BigDecimal("2.5"), null, "再申请一次"))
			.hasMessage("servicerecord.state.correction-open");
		// pending corrections do not count
		assertThat(this.records.total(id)).isEqualByComparingTo("1");

		this.records.confirm(ServiceRecordFixture.SYSTEM, correction, this.admin);
		assertThat(this.records.total(id)).isEqualByComparingTo("3");
		assertThat(this.records.standing(original.id())).isEqualByComparingTo("3");
		assertThat(this.records.get(original.id()).hours()).as("the original is unchanged").isEqualByComparingTo("1");

		// a second correction down to 2 h adds -1
		long down = this.records.requestCorrection(volunteer, original.id(), new BigDecimal("2"), "讲解员", "时间记多了");
		assertThat(this.records.get(down).hours()).isEqualByComparingTo("-1");
		this.records.confirm(ServiceRecordFixture.SYSTEM, down, this.admin);
		assertThat(this.records.total(id)).isEqualByComparingTo("2");
		List<EntryView> history = this.records.history(id);
		assertThat(history).extracting(EntryView::kind)
			.containsExactlyInAnyOrder(EntryKind.SESSION, EntryKind.CORRECTION, EntryKind.CORRECTION);
		assertThat(history).filteredOn((entry) -> entry.kind() == EntryKind.CORRECTION)
			.allMatch((entry) -> entry.correctsId().equals(original.id()));
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteADecidedEntry() {
		Running running = this.fixture.session(this.unit, "不可改", Duration.ofHours(4), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "不可改者");
		this.fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), this.admin);

		assertThatThrownBy(
				() -> this.jdbc.sql("update service_entry set hours = 99 where id = ?").param(entry.id()).update())
			.hasMessageContaining("never changes");
		assertThatThrownBy(() -> this.jdbc.sql("delete from service_entry where id = ?").param(entry.id()).update())
			.hasMessageContaining("never deleted");
		assertThatThrownBy(
				() -> this.records.adjust(ServiceRecordFixture.SYSTEM, entry.id(), BigDecimal.TEN, "改一下", this.admin))
			.hasMessage("servicerecord.state.already-decided");
		assertThat(this.records.get(entry.id()).hours()).isEqualByComparingTo("3");
	}

	@Test
	void theTimesOfADecidedRecordNoLongerChange() {
		Running running = this.fixture.session(this.unit, "确认后", Duration.ofHours(2), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "确认后签退");
		AttendanceView attendance = this.fixture.attend(running, volunteer, running.startsAt(),
				running.startsAt().plus(Duration.ofHours(1)));
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), this.admin);

		assertThatThrownBy(() -> this.checkIns.correctTimes(ServiceRecordFixture.SYSTEM, attendance.id(),
				running.startsAt(), running.endsAt(), this.admin))
			.hasMessage("servicerecord.state.already-decided");
		assertThat(this.records.get(entry.id()).hours()).isEqualByComparingTo("1");
	}

	@Test
	void onlyManagersOfTheRecordingUnitDecideAndARejectionNeedsAReason() {
		Running running = this.fixture.session(this.unit, "权限", Duration.ofHours(4), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "权限者");
		this.fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		UnitId other = this.fixture.activities.volunteers.unit(this.fixture.activities.volunteers.root(), "别的单位");
		var otherScope = this.units.scopeOf(this.fixture.activities.volunteers.adminOf(other));

		assertThatThrownBy(() -> this.records.confirm(otherScope, entry.id(), this.admin))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.records.reject(ServiceRecordFixture.SYSTEM, entry.id(), " ", this.admin))
			.hasMessage("servicerecord.invalid.reason-needed");
		var ownScope = this.units.scopeOf(this.fixture.activities.volunteers.adminOf(this.unit));
		this.records.reject(ownScope, entry.id(), "未到岗", this.admin);
		assertThat(this.records.get(entry.id()).status()).isEqualTo(EntryStatus.REJECTED);
	}

	@Test
	void declaredHoursArePendingUntilTheUnitConfirmsThem() {
		AccountId volunteer = this.fixture.activities.volunteer(this.unit, "申报者");
		VolunteerId id = this.fixture.volunteerId(volunteer);
		LocalDate yesterday = LocalDate.now(java.time.ZoneId.of(ActivityFixture.ZONE)).minusDays(1);
		long entry = this.records.declare(volunteer,
				new Declaration("社区敬老院探访", yesterday, "朝阳区敬老院", "朝阳区志愿者协会", new BigDecimal("2.5"), "陪老人聊天"), null);
		assertThat(this.records.get(entry).kind()).isEqualTo(EntryKind.SELF_DECLARED);
		assertThat(this.records.get(entry).recordingUnit()).isEqualTo(this.unit);
		assertThat(this.records.total(id)).isEqualByComparingTo("0");
		this.records.confirm(this.units.scopeOf(this.fixture.activities.volunteers.adminOf(this.unit)), entry,
				this.admin);
		assertThat(this.records.total(id)).isEqualByComparingTo("2.5");
		assertThatThrownBy(() -> this.records.declare(volunteer,
				new Declaration("未来", yesterday.plusDays(3), null, null, BigDecimal.ONE, null), null))
			.hasMessage("servicerecord.invalid.date-in-future");
	}

	@Test
	void theDeadlineIsTenWorkingDaysOnTheStoredCalendar() {
		assertThat(this.calendar.dueOn(LocalDate.of(2026, 9, 24))).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(this.calendar.dueOn(LocalDate.of(2026, 11, 2))).isEqualTo(LocalDate.of(2026, 11, 16));
		Running running = this.fixture.session(this.unit, "期限", Duration.ofHours(4), Duration.ofHours(3));
		AccountId volunteer = this.fixture.attendee(running, this.unit, "期限者");
		this.fixture.attend(running, volunteer, running.startsAt(), running.endsAt());
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		LocalDate ended = running.endsAt().atZone(java.time.ZoneId.of(ActivityFixture.ZONE)).toLocalDate();
		assertThat(entry.dueOn()).isEqualTo(this.calendar.dueOn(ended));
	}

}
