package org.tongxing.servicerecord.card;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckInMethod;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.HoursPolicies;
import org.tongxing.servicerecord.HoursPolicy;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk attendance: the organiser marks selected volunteers as attended and each gets a
 * pending entry with the activity's policy's hours; an attendance closed at the session's
 * end is flagged, and setting its times clears the flag and remakes the entry, but only
 * while the entry is pending.
 */
@IntegrationTest
class AttendanceIT {

	static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ServiceRecords records;

	@Autowired
	HoursPolicies policies;

	@Autowired
	CheckInTokens tokens;

	CardTestSupport support;

	@BeforeEach
	void setUp() {
		this.support = new CardTestSupport(this.units, this.accounts, this.volunteers, this.activities, this.signUps,
				this.checkIns, "出勤");
	}

	@Test
	void markingThreeVolunteersMakesThreePendingEntriesWithThePolicysHours() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "批量出勤", Duration.ofHours(3),
				Duration.ofHours(2));
		// at least 60 % of the session, the rest of a started hour rounded to halves
		this.policies.setPolicy(ServiceRecordFixture.SYSTEM, running.activity(), HoursPolicy.of(60, "15:0,45:0.5,60:1"),
				this.support.organiser.id());
		List<VolunteerId> marked = List.of(volunteer(running, "出勤一"), volunteer(running, "出勤二"),
				volunteer(running, "出勤三"));
		VolunteerId absent = volunteer(running, "缺勤者");

		Document sheet = page(running);
		assertThat(sheet.select("#attendance-table tbody tr")).hasSize(4);
		assertThat(sheet.select("input[name=volunteers][form=attendance-mark]")).hasSize(4);
		// the defaults are the session's start and end in its zone
		assertThat(sheet.select("#from").val()).isEqualTo(INPUT.format(running.startsAt().atZone(BEIJING)));
		assertThat(sheet.select("#to").val()).isEqualTo(INPUT.format(running.endsAt().atZone(BEIJING)));

		LocalDateTime from = LocalDateTime.ofInstant(running.startsAt(), BEIJING);
		var request = post(ScanIT.attendance(running)).param("from", INPUT.format(from))
			.param("to", INPUT.format(from.plusMinutes(90)))
			.with(user(this.support.organiser))
			.with(csrf());
		for (VolunteerId volunteer : marked) {
			request.param("volunteers", String.valueOf(volunteer.value()));
		}
		this.mvc.perform(request).andExpect(status().isFound()).andExpect(redirectedUrl(ScanIT.attendance(running)));

		List<EntryView> entries = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session());
		assertThat(entries).hasSize(3).allSatisfy((entry) -> {
			assertThat(entry.status()).isEqualTo(EntryStatus.PENDING);
			// 90 of 120 minutes: an hour and a half
			assertThat(entry.hours()).isEqualByComparingTo("1.5");
		});
		assertThat(entries).extracting(EntryView::volunteer).containsExactlyInAnyOrderElementsOf(marked);
		for (VolunteerId volunteer : marked) {
			AttendanceView attendance = this.checkIns.find(volunteer, running.session()).orElseThrow();
			assertThat(attendance.checkInMethod()).isEqualTo(CheckInMethod.ROSTER);
			assertThat(attendance.checkedInAt()).isEqualTo(running.startsAt());
		}
		assertThat(this.checkIns.find(absent, running.session())).isEmpty();

		Document after = page(running);
		assertThat(after.select("#attendance-" + marked.get(0).value()).text()).contains("待确认", "1.5");
		// only the one without an attendance can still be marked
		assertThat(after.select("input[name=volunteers]")).hasSize(1);
		assertThat(after.select("#attendance-" + absent.value()).text()).contains("未签到");
	}

	@Test
	void markingNobodyOrBackwardsTimesIsRefusedWithTheValuesKept() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "出勤校验", Duration.ofHours(3),
				Duration.ofHours(2));
		VolunteerId volunteer = volunteer(running, "校验者");
		LocalDateTime from = LocalDateTime.ofInstant(running.startsAt(), BEIJING);

		String nobody = this.mvc
			.perform(post(ScanIT.attendance(running)).param("from", INPUT.format(from))
				.param("to", INPUT.format(from.plusHours(1)))
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(nobody).select("#attendance-select-error").text()).isEqualTo("请至少选择一位志愿者");

		String backwards = this.mvc
			.perform(post(ScanIT.attendance(running)).param("volunteers", String.valueOf(volunteer.value()))
				.param("from", INPUT.format(from.plusHours(1)))
				.param("to", INPUT.format(from))
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(backwards);
		assertThat(page.select("#to").hasClass("is-invalid")).isTrue();
		assertThat(page.select("#from").val()).isEqualTo(INPUT.format(from.plusHours(1)));
		assertThat(page.select("#mark-" + volunteer.value()).hasAttr("checked")).isTrue();
		assertThat(this.checkIns.find(volunteer, running.session())).isEmpty();
	}

	@Test
	void settingTheTimesOfAnAutoClosedAttendanceClearsItsFlagWhileTheEntryIsPending() throws Exception {
		// ended three hours ago: the check-out window has closed
		Running running = this.support.fixture.session(this.support.unit, "自动签退", Duration.ofHours(5),
				Duration.ofHours(2));
		AccountId account = this.support.fixture.attendee(running, this.support.unit, "忘了签退");
		VolunteerId volunteer = this.support.fixture.volunteerId(account);
		String card = this.tokens.card(this.support.fixture.activities.volunteerOf(account).number());
		this.checkIns.scanCard(ServiceRecordFixture.SYSTEM, running.session(), card, this.support.organiser.id(),
				running.startsAt().plusSeconds(60));
		this.checkIns.closeMissing(Instant.now());
		AttendanceView closed = this.checkIns.find(volunteer, running.session()).orElseThrow();
		assertThat(closed.needsReview()).isTrue();

		Document sheet = page(running);
		assertThat(sheet.select("#attendance-review").text()).contains("1");
		assertThat(sheet.select("#attendance-" + volunteer.value() + " .attendance-needs-review").text())
			.isEqualTo("待核对");
		assertThat(sheet.select("#attendance-" + volunteer.value() + " details.attendance-times").hasAttr("open"))
			.isTrue();

		String times = ScanIT.attendance(running) + "/" + closed.id() + "/times";
		LocalDateTime start = LocalDateTime.ofInstant(running.startsAt(), BEIJING);
		// out before in: refused beside the form, nothing changes
		String refused = this.mvc
			.perform(post(times).param("checkedIn", INPUT.format(start.plusHours(1)))
				.param("checkedOut", INPUT.format(start))
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(refused).select("#attendance-" + volunteer.value() + " .attendance-times-errors").text())
			.isEqualTo("签退时间不能早于签到时间");
		assertThat(this.checkIns.find(closed.id()).needsReview()).isTrue();

		this.mvc
			.perform(post(times).param("checkedIn", INPUT.format(start))
				.param("checkedOut", INPUT.format(start.plusMinutes(50)))
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(ScanIT.attendance(running)));

		AttendanceView corrected = this.checkIns.find(closed.id());
		assertThat(corrected.needsReview()).isFalse();
		assertThat(corrected.checkedOutAt()).isEqualTo(running.startsAt().plus(Duration.ofMinutes(50)));
		EntryView entry = this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session()).get(0);
		assertThat(entry.hours()).isEqualByComparingTo("1");
		assertThat(page(running).select("#attendance-" + volunteer.value() + " .attendance-needs-review")).isEmpty();

		// once confirmed, the times stay: a correction of the entry is the way
		this.records.confirm(ServiceRecordFixture.SYSTEM, entry.id(), this.support.organiser.id());
		String decided = this.mvc
			.perform(post(times).param("checkedIn", INPUT.format(start))
				.param("checkedOut", INPUT.format(start.plusMinutes(100)))
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(decided).select("#attendance-problem").text()).contains("申请更正");
		assertThat(this.checkIns.find(closed.id()).checkedOutAt()).isEqualTo(corrected.checkedOutAt());
		assertThat(Jsoup.parse(decided).select("#attendance-" + volunteer.value() + " details")).isEmpty();
	}

	@Test
	void anAttendanceOfAnotherSessionIsNotFoundHere() throws Exception {
		Running mine = this.support.fixture.session(this.support.unit, "本场", Duration.ofHours(3), Duration.ofHours(2));
		Running other = this.support.fixture.session(this.support.unit, "别场", Duration.ofHours(3), Duration.ofHours(2));
		AccountId account = this.support.fixture.attendee(other, this.support.unit, "别场的人");
		AttendanceView attendance = this.support.fixture.attend(other, account, other.startsAt(), other.endsAt());

		this.mvc
			.perform(post(ScanIT.attendance(mine) + "/" + attendance.id() + "/times")
				.param("checkedIn", "2026-01-01T09:00")
				.param("checkedOut", "2026-01-01T10:00")
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(ScanIT.attendance(mine) + "/99999999/times").param("checkedIn", "2026-01-01T09:00")
				.param("checkedOut", "2026-01-01T10:00")
				.with(user(this.support.organiser))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.checkIns.find(attendance.id()).checkedOutAt()).isEqualTo(other.endsAt());
	}

	private VolunteerId volunteer(Running running, String name) {
		return this.support.fixture.volunteerId(this.support.fixture.attendee(running, this.support.unit, name));
	}

	private Document page(Running running) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(ScanIT.attendance(running)).with(user(this.support.organiser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
