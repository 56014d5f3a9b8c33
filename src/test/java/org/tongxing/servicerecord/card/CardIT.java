package org.tongxing.servicerecord.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's card: name, number, unit, stars and hours, and a QR code that reads back
 * as a genuine card text; never the phone or the ID number. Without an active volunteer
 * record there is no card, and a page that says why.
 */
@IntegrationTest
class CardIT {

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
				this.checkIns, "志愿者证");
	}

	@Test
	void theCardShowsWhoTheVolunteerIsTheirStarsAndAQrCodeThatScans() throws Exception {
		AccountId account = this.support.fixture.activities.volunteer(this.support.unit, "持证志愿者");
		VolunteerView volunteer = this.support.fixture.activities.volunteerOf(account);
		// 320 confirmed hours: two stars of five with the default thresholds
		long declared = this.records.declare(account,
				new Declaration("社区服务", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5), "北京市东城区", "社区居委会",
						new BigDecimal("320"), "社区服务"),
				null);
		this.records.confirm(ServiceRecordFixture.SYSTEM, declared, this.support.organiser.id());
		SignedInAccount me = this.support.people.principal(account);

		String html = this.mvc.perform(get("/me/card").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("#card-association").text()).isNotBlank();
		assertThat(page.select("#card-name").text()).isEqualTo("持证志愿者");
		assertThat(page.select("#card-number").text()).isEqualTo(volunteer.number());
		assertThat(page.select("#card-unit").text()).startsWith("志愿者证-");
		assertThat(page.select("#card-stars").attr("aria-label")).isEqualTo("2 星");
		assertThat(page.select("#card-stars").text()).isEqualTo("★★☆☆☆");
		assertThat(page.select("#card-hours").text()).isEqualTo("320 小时");
		assertThat(page.select("#card-next").text()).isEqualTo("再服务 280 小时可达 3 星");
		assertThat(page.select("#card-explain").text()).contains("签到或签退");
		assertThat(page.select("#card-qr").attr("src")).isEqualTo("/me/card/qr.png");
		assertThat(page.select("#card-qr").attr("alt")).contains(volunteer.number());
		// masked or not, no phone and no ID number on the card
		assertThat(html).doesNotContain(volunteer.phoneMasked())
			.doesNotContain(volunteer.idNumberMasked())
			.doesNotContain(volunteer.email());

		MockHttpServletResponse png = this.mvc.perform(get("/me/card/qr.png").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(png.getContentType()).isEqualTo(MediaType.IMAGE_PNG_VALUE);
		assertThat(png.getHeader("Cache-Control")).contains("no-store");
		String text = QrReading.text(png.getContentAsByteArray());
		assertThat(this.tokens.cardNumber(text)).contains(volunteer.number());
	}

	@Test
	void theCardIsInEnglishForEnglishReaders() throws Exception {
		AccountId account = this.support.fixture.activities.volunteer(this.support.unit, "English Reader");

		String html = this.mvc
			.perform(get("/me/card").param("lang", "en").with(user(this.support.people.principal(account))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("#card-stars").attr("aria-label")).isEqualTo("0-star");
		assertThat(page.select("#card-stars").text()).isEqualTo("☆☆☆☆☆");
		assertThat(page.select("#card-hours").text()).isEqualTo("0 h");
		assertThat(page.select("#card-explain").text()).isEqualTo("Organisers scan this code to check you in or out.");
	}

	@Test
	void anAccountWithoutAVolunteerRecordHasNoCardButAPageThatSaysWhy() throws Exception {
		SignedInAccount stranger = this.support.people.account("nocard", Role.VOLUNTEER);

		String html = this.mvc.perform(get("/me/card").with(user(stranger)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(Jsoup.parse(html).select("#card-none").text()).contains("还没有志愿者档案");
		assertThat(Jsoup.parse(html).select("#card-qr")).isEmpty();
		this.mvc.perform(get("/me/card/qr.png").with(user(stranger))).andExpect(status().isNotFound());
	}

	@Test
	void anApplicantWithoutANumberHasNoCardYet() throws Exception {
		var applicant = this.support.people.applicant(this.support.unit, "待审核");
		AccountId account = this.volunteers.views(java.util.List.of(applicant)).get(applicant).accountId();
		SignedInAccount me = this.support.people.principal(account);

		String html = this.mvc.perform(get("/me/card").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(Jsoup.parse(html).select("#card-none").text()).contains("审核");
		this.mvc.perform(get("/me/card/qr.png").with(user(me))).andExpect(status().isNotFound());
	}

}
