package org.tongxing.servicerecord.certificate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.certificate.CertificateFixture.Person;
import org.tongxing.shared.pdf.CjkFonts;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Certificates through their pages: a volunteer issues one for a period and downloads the
 * PDF (the name, the confirmed hours with corrections, the number and the code, the font
 * embedded, A4, a QR code of the verify link); the public verify page shows the masked
 * figures and never the ID number, the phone or the full name; an admin of the
 * volunteer's unit revokes it with a reason that the verify page then shows; nobody else
 * downloads or revokes it; a period without confirmed hours is refused with a message;
 * look-ups per address are limited.
 */
@IntegrationTest
class CertificatesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	ServiceRecords records;

	@Autowired
	Certificates certificates;

	@Autowired
	CjkFonts fonts;

	@Autowired
	JdbcClient jdbc;

	@Value("${tongxing.base-url}")
	String baseUrl;

	CertificateFixture fixture;

	UnitId unit;

	SignedInAccount admin;

	LocalDate today;

	@BeforeEach
	void setUp() {
		this.fixture = new CertificateFixture(this.units, this.accounts, this.volunteers, this.records);
		this.unit = this.fixture.people.unit(this.fixture.people.root(), "证明");
		this.admin = this.fixture.people.adminOf(this.unit);
		this.today = this.certificates.today();
	}

	@Test
	void aVolunteerIssuesACertificateOfConfirmedHoursAndDownloadsIt() throws Exception {
		Person lin = this.fixture.volunteer(this.unit, "林小雨");
		long book = this.fixture.confirmed(lin, "读书节图书义卖", this.today, "3", this.admin.id());
		this.fixture.confirmed(lin, "博物馆助盲", this.today, "2.5", this.admin.id());
		this.fixture.declared(lin, "尚未确认的服务", this.today, "4");
		long correction = this.records.requestCorrection(lin.accountId(), book, new BigDecimal("3.5"), null, "漏记半小时");
		this.records.confirm(VolunteerFixture.SYSTEM, correction, this.admin.id());

		this.mvc
			.perform(post("/me/certificates").with(user(lin.account()))
				.with(csrf())
				.param("from", this.today.withDayOfMonth(1).toString())
				.param("to", this.today.toString()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/me/certificates"));

		CertificateView issued = this.certificates.ofAccount(lin.accountId()).get(0);
		assertThat(issued.hours()).isEqualByComparingTo("6");
		assertThat(issued.number()).matches("TX" + this.today.getYear() + "-\\d{6}");
		assertThat(issued.verifyCode()).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
		assertThat(issued.nameMasked()).isEqualTo("林*雨");
		assertThat(issued.issuerName()).startsWith("证明-");
		String list = page(get("/me/certificates").with(user(lin.account())));
		assertThat(list).contains(issued.number(), "有效", "/me/certificates/" + issued.id() + ".pdf");

		byte[] pdf = this.mvc.perform(get("/me/certificates/" + issued.id() + ".pdf").with(user(lin.account())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(issued.number())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = CertificateReading.text(pdf);
		assertThat(text).contains(issued.number(), issued.verifyCode(), "6", "读书节图书义卖", "博物馆助盲", lin.view().number(),
				lin.view().idNumberMasked());
		assertThat(text).doesNotContain("尚未确认的服务").doesNotContain(lin.details().idNumber());
		assertThat(CertificateReading.pageSizes(pdf)).allSatisfy((size) -> {
			assertThat(size.getWidth()).isEqualTo(com.lowagie.text.PageSize.A4.getWidth());
			assertThat(size.getHeight()).isEqualTo(com.lowagie.text.PageSize.A4.getHeight());
		});
		assertThat(CertificateReading.qrCodes(pdf)).containsExactly(this.baseUrl + "/verify/" + issued.verifyCode());
		if (this.fonts.embedded()) {
			assertThat(text).contains("林小雨", "志愿服务证明");
			assertThat(CertificateReading.embeddedFontFiles(pdf)).isNotEmpty()
				.allMatch((key) -> key.equals("/FontFile2") || key.equals("/FontFile3"));
		}
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'certificate' and entity_id = ? and action = 'issued'")
			.param(String.valueOf(issued.id()))
			.query(Long.class)
			.single()).isOne();

		// free and as often as asked: each issue is a new certificate
		CertificateView again = this.certificates.issue(lin.accountId(), this.today.withDayOfMonth(1), this.today);
		assertThat(again.number()).isNotEqualTo(issued.number());
		assertThat(again.verifyCode()).isNotEqualTo(issued.verifyCode());
	}

	@Test
	void theVerifyPageShowsTheMaskedFiguresAndNoPersonalData() throws Exception {
		Person lin = this.fixture.volunteer(this.unit, "林晓雨");
		this.fixture.confirmed(lin, "社区服务", this.today, "12.5", this.admin.id());
		CertificateView issued = this.certificates.issue(lin.accountId(), this.today, this.today);

		String page = page(get("/verify/" + issued.verifyCode()));
		assertThat(page).contains("有效", "林*雨", "12.5", issued.number(), issued.issuerName(), this.today.toString());
		assertThat(page).doesNotContain("林晓雨")
			.doesNotContain(lin.details().idNumber())
			.doesNotContain(lin.view().idNumberMasked())
			.doesNotContain(lin.details().phone())
			.doesNotContain(lin.view().phoneMasked())
			.doesNotContain(lin.view().number());
		// typed in lower case with dashes, the code still finds it
		String typed = issued.verifyCode().toLowerCase().substring(0, 4) + "-" + issued.verifyCode().substring(4);
		this.mvc.perform(get("/verify/find").param("code", typed))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/verify/" + issued.verifyCode()));
	}

	@Test
	void anUnknownCodeIsNotFound() throws Exception {
		String page = this.mvc.perform(get("/verify/ABCDEFGHJKMN"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("未找到此核验码对应的证明", "name=\"code\"", "action=\"/verify/find\"");
		assertThat(this.mvc.perform(get("/verify/find").param("code", "not-a-code"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("核验码应为 12 位字母和数字", "not-a-code");
	}

	@Test
	void anAdminOfTheVolunteersUnitRevokesWithAReasonThatTheVerifyPageShows() throws Exception {
		Person volunteer = this.fixture.volunteer(this.unit, "陈一帆");
		this.fixture.confirmed(volunteer, "支教", this.today, "8", this.admin.id());
		CertificateView issued = this.certificates.issue(volunteer.accountId(), this.today, this.today);
		assertThat(page(get("/certificates").with(user(this.admin)))).contains(issued.number(), "陈一帆");

		String refused = page(post("/certificates/" + issued.id() + "/revoke").with(user(this.admin))
			.with(csrf())
			.param("reason", "  "));
		assertThat(refused).contains("请填写撤销原因", "is-invalid", issued.number());
		String tooLong = "因".repeat(1001);
		assertThat(page(post("/certificates/" + issued.id() + "/revoke").with(user(this.admin))
			.with(csrf())
			.param("reason", tooLong))).contains(tooLong, "不能超过 1000 个字");

		this.mvc
			.perform(post("/certificates/" + issued.id() + "/revoke").with(user(this.admin))
				.with(csrf())
				.param("reason", "服务时长记录有误，已重新出具"))
			.andExpect(status().isSeeOther());

		String page = page(get("/verify/" + issued.verifyCode()));
		assertThat(page).contains("已撤销", "服务时长记录有误，已重新出具", this.today.toString()).doesNotContain(">有效<");
		assertThat(this.certificates.get(issued.id()).isRevoked()).isTrue();
		assertThatThrownBy(
				() -> this.certificates.revoke(VolunteerFixture.SYSTEM, issued.id(), "again", this.admin.id()))
			.isInstanceOfSatisfying(ServiceRecordException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("servicerecord.certificate.state.already-revoked"));
	}

	@Test
	void nobodyElseDownloadsOrRevokesIt() throws Exception {
		Person owner = this.fixture.volunteer(this.unit, "王小明");
		this.fixture.confirmed(owner, "社区服务", this.today, "2", this.admin.id());
		CertificateView issued = this.certificates.issue(owner.accountId(), this.today, this.today);
		UnitId other = this.fixture.people.unit(this.fixture.people.root(), "别的单位");
		Person stranger = this.fixture.volunteer(other, "李四");
		SignedInAccount otherAdmin = this.fixture.people.adminOf(other);

		this.mvc.perform(get("/me/certificates/" + issued.id() + ".pdf").with(user(stranger.account())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/me/certificates/" + issued.id() + ".pdf").with(user(otherAdmin)))
			.andExpect(status().isNotFound());
		assertThat(page(get("/certificates").with(user(otherAdmin)))).doesNotContain(issued.number());
		this.mvc
			.perform(post("/certificates/" + issued.id() + "/revoke").with(user(otherAdmin))
				.with(csrf())
				.param("reason", "越权"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/certificates").with(user(stranger.account()))).andExpect(status().isForbidden());
		assertThat(this.certificates.get(issued.id()).isRevoked()).isFalse();
	}

	@Test
	void aPeriodWithoutConfirmedHoursOrReachingIntoTheFutureIsRefusedWithAMessage() throws Exception {
		Person volunteer = this.fixture.volunteer(this.unit, "赵六");
		this.fixture.declared(volunteer, "未确认", this.today, "3");

		String page = page(post("/me/certificates").with(user(volunteer.account()))
			.with(csrf())
			.param("from", this.today.minusDays(7).toString())
			.param("to", this.today.toString()));
		assertThat(page).contains("所选期间没有已确认的志愿服务时长", "value=\"" + this.today.minusDays(7) + "\"");

		String future = page(post("/me/certificates").with(user(volunteer.account()))
			.with(csrf())
			.param("from", this.today.toString())
			.param("to", this.today.plusDays(1).toString()));
		assertThat(future).contains("结束日期不能晚于今天", "is-invalid");
		String reversed = page(post("/me/certificates").with(user(volunteer.account()))
			.with(csrf())
			.param("from", this.today.toString())
			.param("to", this.today.minusDays(1).toString()));
		assertThat(reversed).contains("结束日期不能早于开始日期");
		assertThat(this.certificates.ofAccount(volunteer.accountId())).isEmpty();
	}

	@Test
	void lookUpsFromOneAddressAreLimited() throws Exception {
		String address = "192.0.2." + (System.nanoTime() % 200 + 1);
		RequestPostProcessor from = (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
		List<Integer> statuses = new java.util.ArrayList<>();
		for (int i = 0; i < 31; i++) {
			statuses
				.add(this.mvc.perform(get("/verify/ABCDEFGHJK" + VerificationCodes.ALPHABET.charAt(i) + "2").with(from))
					.andReturn()
					.getResponse()
					.getStatus());
		}
		assertThat(statuses.subList(0, 30)).containsOnly(404);
		assertThat(statuses.get(30)).isEqualTo(429);
	}

	private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
