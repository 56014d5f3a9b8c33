package org.tongxing.volunteer.registration;

import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongxing.account.AccountTestSupport.as;

/**
 * Admins of a unit's subtree see its applicants, oldest first and masked, and approve or
 * reject them (with a reason) — both mailed; nobody outside the subtree finds them; the
 * other status changes follow the same path; a wrong status is a message, never a 500.
 */
@IntegrationTest
class ApprovalIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	GreenMail mail;

	@Autowired
	MessageSource messages;

	VolunteerFixture fixture;

	UnitId a;

	UnitId belowA;

	UnitId b;

	SignedInAccount adminOfA;

	SignedInAccount adminOfB;

	@BeforeEach
	void units() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.a = this.fixture.unit(this.fixture.root(), "A");
		this.belowA = this.fixture.unit(this.a, "A1");
		this.b = this.fixture.unit(this.fixture.root(), "B");
		this.adminOfA = this.fixture.adminOf(this.a);
		this.adminOfB = this.fixture.adminOf(this.b);
	}

	@Test
	void anAdminSeesTheApplicantsOfTheirSubtreeOldestFirstAndMasked() throws Exception {
		VolunteerId first = this.fixture.applicant(this.a, "先申请");
		VolunteerId second = this.fixture.applicant(this.belowA, "后申请");
		VolunteerId elsewhere = this.fixture.applicant(this.b, "别处");
		VolunteerId active = this.fixture.active(this.a, "已在册");

		Document page = page("/volunteers/applicants", this.adminOfA, "zh_CN");
		assertThat(page.getElementById("applicant-" + first.value())).isNotNull();
		assertThat(page.getElementById("applicant-" + second.value())).isNotNull();
		assertThat(page.getElementById("applicant-" + elsewhere.value())).isNull();
		assertThat(page.getElementById("applicant-" + active.value())).isNull();
		String ids = page.select("#applicants tbody tr").eachAttr("id").toString();
		assertThat(ids.indexOf("applicant-" + first.value())).isLessThan(ids.indexOf("applicant-" + second.value()));

		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, first);
		String row = page.getElementById("applicant-" + first.value()).text();
		assertThat(row).contains(view.idNumberMasked(), view.phoneMasked(), "A-" + this.fixture.tag)
			.doesNotContain(view.email());
		assertThat(page.html()).doesNotContain(view.email());

		Document english = page("/volunteers/applicants", this.adminOfA, "en");
		assertThat(english.getElementById("applicant-" + first.value()).text()).contains("Email not verified",
				"Unit A " + this.fixture.tag);
	}

	@Test
	void anAdminOfAnotherUnitFindsNothingAndChangesNothing() throws Exception {
		VolunteerId applicant = this.fixture.applicant(this.a, "范围外");
		this.mvc.perform(post("/volunteers/" + applicant.value() + "/approve").with(csrf()).with(as(this.adminOfB)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/reject").param("reason", "不认识")
				.with(csrf())
				.with(as(this.adminOfB)))
			.andExpect(status().isNotFound());
		SignedInAccount nobody = this.fixture.account("nobody", Role.VOLUNTEER);
		this.mvc.perform(get("/volunteers/applicants").with(as(nobody))).andExpect(status().isForbidden());
		this.mvc.perform(post("/volunteers/" + applicant.value() + "/approve").with(csrf()).with(as(nobody)))
			.andExpect(status().isForbidden());
		assertThat(statusOf(applicant)).isEqualTo(VolunteerStatus.APPLICANT);
	}

	@Test
	void approvalGivesANumberAndMailsIt() throws Exception {
		VolunteerId applicant = this.fixture.applicant(this.belowA, "通过");
		MvcResult result = this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/approve").param("redirect", "/volunteers/applicants")
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"))
			.andReturn();
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, applicant);
		assertThat(view.status()).isEqualTo(VolunteerStatus.ACTIVE);
		assertThat(view.number()).isNotBlank();
		assertThat(result.getFlashMap().get("statusDone")).asString().contains(view.number());
		assertThat(mailTo(view.email(), view.number())).contains(view.number());

		// approving twice is a message, not an error page
		MvcResult again = this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/approve").with(csrf()).with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"))
			.andReturn();
		assertThat(again.getFlashMap().get("statusError")).asString()
			.isEqualTo(this.messages.getMessage("volunteer.registration.status.wrong",
					new Object[] { view.name(), "在册", "在册" }, Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void rejectionNeedsAReasonWhichIsMailed() throws Exception {
		VolunteerId applicant = this.fixture.applicant(this.a, "不通过");
		MvcResult noReason = this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/reject").param("reason", "   ")
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"))
			.andReturn();
		assertThat(noReason.getFlashMap().get("statusError")).asString().startsWith("请填写原因");
		assertThat(statusOf(applicant)).isEqualTo(VolunteerStatus.APPLICANT);

		this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/reject").param("reason", "本单位本期名额已满")
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"));
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, applicant);
		assertThat(view.status()).isEqualTo(VolunteerStatus.REJECTED);
		assertThat(view.statusReason()).isEqualTo("本单位本期名额已满");
		assertThat(mailTo(view.email(), "本单位本期名额已满")).contains("本单位本期名额已满");
	}

	@Test
	void suspendLeaveAndReactivateGoBackWhereTheFormSaysWhenItIsLocal() throws Exception {
		VolunteerId volunteer = this.fixture.active(this.a, "状态");
		String path = "/volunteers/" + volunteer.value();
		this.mvc
			.perform(post(path + "/suspend").param("reason", "")
				.param("redirect", path)
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl(path));
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.ACTIVE);

		this.mvc
			.perform(post(path + "/suspend").param("reason", "长期联系不上")
				.param("redirect", path)
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl(path));
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.SUSPENDED);

		this.mvc
			.perform(post(path + "/reactivate").param("redirect", "https://example.org/volunteers")
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"));
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.ACTIVE);

		this.mvc
			.perform(post(path + "/leave").param("reason", "调离")
				.param("redirect", "//example.org/volunteers")
				.with(csrf())
				.with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"));
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.LEFT);

		MvcResult wrong = this.mvc
			.perform(post(path + "/suspend").param("reason", "再暂停").with(csrf()).with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"))
			.andReturn();
		assertThat(wrong.getFlashMap().get("statusError")).isNotNull();
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.LEFT);

		this.mvc.perform(post(path + "/reactivate").with(csrf()).with(as(this.adminOfA)))
			.andExpect(redirectedUrl("/volunteers/applicants"));
		assertThat(statusOf(volunteer)).isEqualTo(VolunteerStatus.ACTIVE);
	}

	@Test
	void theApplicantsPageShowsTheFlashMessageAfterARedirect() throws Exception {
		VolunteerId applicant = this.fixture.applicant(this.a, "提示");
		MvcResult result = this.mvc
			.perform(post("/volunteers/" + applicant.value() + "/approve").with(csrf()).with(as(this.adminOfA)))
			.andReturn();
		String html = this.mvc
			.perform(get("/volunteers/applicants").cookie(result.getResponse().getCookies()).with(as(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = this.volunteers.get(VolunteerFixture.SYSTEM, applicant).number();
		assertThat(Jsoup.parse(html).getElementById("status-done").text()).contains(number);
	}

	private VolunteerStatus statusOf(VolunteerId id) {
		return this.volunteers.get(VolunteerFixture.SYSTEM, id).status();
	}

	private Document page(String path, SignedInAccount account, String language) throws Exception {
		String html = this.mvc.perform(get(path).param("lang", language).with(as(account)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	/** The body of a mail to the address containing the text, waiting for it. */
	private String mailTo(String address, String text) throws Exception {
		for (int i = 0; i < 100; i++) {
			for (MimeMessage message : this.mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
					String body = String.valueOf(message.getContent());
					if (body.contains(text)) {
						return body;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + address + " with " + text);
	}

}
