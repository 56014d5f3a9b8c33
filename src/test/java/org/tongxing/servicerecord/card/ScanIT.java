package org.tongxing.servicerecord.card;

import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckInMethod;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.ScanOutcome;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organiser's card scanner: a card checks its holder in, a repeat changes nothing, a
 * scan after the repeat window checks out (and makes the pending entry); forged cards and
 * bare volunteer numbers are refused with the message; only the activity's organisers
 * scan.
 */
@IntegrationTest
class ScanIT {

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
	CheckInTokens tokens;

	CardTestSupport support;

	@BeforeEach
	void setUp() {
		this.support = new CardTestSupport(this.units, this.accounts, this.volunteers, this.activities, this.signUps,
				this.checkIns, "扫证");
	}

	@Test
	void thePageHasTheCameraTheManualFieldAndTheScriptsFromThisServer() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "扫证页面", Duration.ofMinutes(10),
				Duration.ofHours(2));

		String html = this.mvc.perform(get(scan(running)).with(user(this.support.organiser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).contains("扫证页面");
		assertThat(page.select("video#scan-video")).hasSize(1);
		assertThat(page.select("#scan-camera-unavailable").hasAttr("hidden")).isTrue();
		assertThat(page.select("#scan-form").attr("hx-post")).isEqualTo(scan(running));
		assertThat(page.select("#scan-form input[name=card]")).hasSize(1);
		assertThat(page.select("script[src]").eachAttr("src")).contains("/vendor/jsqr/jsQR.js", "/js/card-scanner.js")
			.allSatisfy((src) -> assertThat(src).startsWith("/"));
		assertThat(page.select("script:not([src])")).isEmpty();
		this.mvc.perform(get("/vendor/jsqr/jsQR.js")).andExpect(status().isOk());
	}

	@Test
	void aCardChecksInAndARepeatChangesNothing() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "扫证签到", Duration.ofMinutes(10),
				Duration.ofHours(2));
		AccountId account = this.support.fixture.attendee(running, this.support.unit, "刷证者");
		VolunteerView volunteer = this.support.fixture.activities.volunteerOf(account);
		String card = this.tokens.card(volunteer.number());

		Document first = fragment(scanCard(running, card, this.support.organiser).andExpect(status().isOk()));
		assertThat(first.select("#scan-outcome").attr("data-outcome")).isEqualTo("CHECKED_IN");
		assertThat(first.select("#scan-outcome-message").text()).isEqualTo("签到成功");
		assertThat(first.select("#scan-outcome-who").text()).contains("刷证者", volunteer.number());
		// the line for the page's log comes along, out of band
		assertThat(first.select("ol[hx-swap-oob] li").text()).contains("签到成功", "刷证者");
		assertThat(first.html()).doesNotContain(volunteer.phoneMasked()).doesNotContain(volunteer.idNumberMasked());

		Document again = fragment(scanCard(running, card, this.support.organiser).andExpect(status().isOk()));
		assertThat(again.select("#scan-outcome").attr("data-outcome")).isEqualTo("ALREADY_CHECKED_IN");
		assertThat(again.select("#scan-outcome-message").text()).isEqualTo("已经签到过了，无需重复签到");

		AttendanceView attendance = this.checkIns.find(this.support.fixture.volunteerId(account), running.session())
			.orElseThrow();
		assertThat(attendance.isOpen()).isTrue();
		assertThat(attendance.checkInMethod()).isEqualTo(CheckInMethod.CARD);
	}

	@Test
	void aCardScannedAfterTheRepeatWindowChecksOutAndMakesThePendingEntry() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "扫证签退", Duration.ofHours(2),
				Duration.ofHours(3));
		AccountId account = this.support.fixture.attendee(running, this.support.unit, "签退者");
		VolunteerView volunteer = this.support.fixture.activities.volunteerOf(account);
		String card = this.tokens.card(volunteer.number());
		// checked in by card an hour ago: long past the repeat window
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
		assertThat(this.checkIns
			.scanCard(ServiceRecordFixture.SYSTEM, running.session(), card, this.support.organiser.id(), hourAgo)
			.outcome()).isEqualTo(ScanOutcome.CHECKED_IN);

		Document out = fragment(scanCard(running, card, this.support.organiser).andExpect(status().isOk()));
		assertThat(out.select("#scan-outcome").attr("data-outcome")).isEqualTo("CHECKED_OUT");
		assertThat(out.select("#scan-outcome-message").text()).isEqualTo("签退成功");

		Document after = fragment(scanCard(running, card, this.support.organiser).andExpect(status().isOk()));
		assertThat(after.select("#scan-outcome").attr("data-outcome")).isEqualTo("ALREADY_CHECKED_OUT");

		AttendanceView attendance = this.checkIns.find(this.support.fixture.volunteerId(account), running.session())
			.orElseThrow();
		assertThat(attendance.checkOutMethod()).isEqualTo(CheckInMethod.CARD);
		assertThat(this.records.ofSession(ServiceRecordFixture.SYSTEM, running.session())).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.status()).isEqualTo(EntryStatus.PENDING);
				assertThat(entry.hours()).isEqualByComparingTo("1");
			});
	}

	@Test
	void aForgedCardOrABareVolunteerNumberIsRefusedWithTheMessage() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "假证", Duration.ofMinutes(10),
				Duration.ofHours(2));
		AccountId account = this.support.fixture.attendee(running, this.support.unit, "真志愿者");
		VolunteerView volunteer = this.support.fixture.activities.volunteerOf(account);
		String forged = "TXV1." + volunteer.number() + ".AAAAAAAAAAAAAAAA";

		for (String text : new String[] { forged, volunteer.number() }) {
			Document refused = fragment(scanCard(running, text, this.support.organiser).andExpect(status().isOk()));
			assertThat(refused.select("#scan-outcome").attr("data-outcome")).isEqualTo("REFUSED");
			assertThat(refused.select("#scan-outcome-message").text()).isEqualTo("无法识别这张志愿者证");
			// nobody is named for a card that is not genuine
			assertThat(refused.select("#scan-outcome-who")).isEmpty();
		}
		assertThat(this.checkIns.find(this.support.fixture.volunteerId(account), running.session())).isEmpty();

		// without htmx: the whole page, with the refusal and a status that says so
		this.mvc.perform(post(scan(running)).param("card", forged).with(user(this.support.organiser)).with(csrf()))
			.andExpect(status().isConflict());
		// nothing typed: the field's message
		Document empty = fragment(scanCard(running, " ", this.support.organiser).andExpect(status().isOk()));
		assertThat(empty.select("#scan-field-problem").text()).isEqualTo("请输入或粘贴志愿者证二维码的完整文字");
	}

	@Test
	void aGenuineCardOfSomeoneWithoutAPlaceIsRefusedAndNamed() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "无名额", Duration.ofMinutes(10),
				Duration.ofHours(2));
		AccountId stranger = this.support.fixture.activities.volunteer(this.support.unit, "没报名的人");
		VolunteerView volunteer = this.support.fixture.activities.volunteerOf(stranger);

		Document refused = fragment(scanCard(running, this.tokens.card(volunteer.number()), this.support.organiser)
			.andExpect(status().isOk()));
		assertThat(refused.select("#scan-outcome-message").text()).isEqualTo("没有这一场活动的确认报名，不能签到");
		assertThat(refused.select("#scan-outcome-who").text()).contains("没报名的人", volunteer.number());
	}

	@Test
	void onlyTheActivitysOrganisersScan() throws Exception {
		Running running = this.support.fixture.session(this.support.unit, "他人活动", Duration.ofMinutes(10),
				Duration.ofHours(2));
		AccountId account = this.support.fixture.attendee(running, this.support.unit, "被扫者");
		String card = this.tokens.card(this.support.fixture.activities.volunteerOf(account).number());
		UnitId otherUnit = this.support.people.unit(this.support.people.root(), "别的单位");
		SignedInAccount otherAdmin = this.support.people.adminOf(otherUnit);
		SignedInAccount volunteer = this.support.people.principal(account);
		SignedInAccount leadership = this.support.people.account("lead", Role.LEADERSHIP);

		for (SignedInAccount outsider : new SignedInAccount[] { otherAdmin, volunteer }) {
			this.mvc.perform(get(scan(running)).with(user(outsider))).andExpect(status().isNotFound());
			scanCard(running, card, outsider).andExpect(status().isNotFound());
			this.mvc.perform(get(attendance(running)).with(user(outsider))).andExpect(status().isNotFound());
		}
		// leadership sees every activity but organises none
		this.mvc.perform(get(scan(running)).with(user(leadership))).andExpect(status().isForbidden());
		scanCard(running, card, leadership).andExpect(status().isForbidden());
		this.mvc.perform(get(attendance(running)).with(user(leadership))).andExpect(status().isForbidden());
		this.mvc.perform(get("/sessions/999999999/scan").with(user(this.support.organiser)))
			.andExpect(status().isNotFound());

		assertThat(this.checkIns.find(this.support.fixture.volunteerId(account), running.session())).isEmpty();
	}

	private ResultActions scanCard(Running running, String card, SignedInAccount by) throws Exception {
		return this.mvc
			.perform(post(scan(running)).header("HX-Request", "true").param("card", card).with(user(by)).with(csrf()));
	}

	private static Document fragment(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

	static String scan(Running running) {
		return "/sessions/" + running.session().value() + "/scan";
	}

	static String attendance(Running running) {
		return "/sessions/" + running.session().value() + "/attendance";
	}

}
