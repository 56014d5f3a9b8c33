package org.tongxing.volunteer.registration;

import java.time.LocalDate;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
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
 * Public registration: a valid form makes an applicant with an account and mails a
 * verification link; every kind of bad input is told beside its field in the person's
 * language with the typed values kept and nothing stored; recruitment-drive links fix the
 * unit; verification links work once.
 */
@IntegrationTest
class RegistrationIT {

	static final String PASSWORD = "Correct-horse-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Autowired
	MessageSource messages;

	@Autowired
	SelfRegistrations registrations;

	VolunteerFixture fixture;

	/**
	 * Emails and ID numbers registered on purpose, which a refused form must not "store".
	 */
	final Set<String> taken = new HashSet<>();

	UnitId unit;

	@BeforeEach
	void unit() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unit = this.fixture.unit(this.fixture.root(), "Reg");
	}

	@Test
	void aValidRegistrationMakesAnApplicantWithAnAccountAndMailsAVerificationLink() throws Exception {
		MultiValueMap<String, String> form = validForm();
		String email = form.getFirst("email");
		this.mvc.perform(post("/register").with(csrf()).params(form))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/register/done"));

		VolunteerView volunteer = this.volunteers.findByAccount(this.accounts.findByUsername(email).orElseThrow().id())
			.orElseThrow();
		assertThat(volunteer.status()).isEqualTo(VolunteerStatus.APPLICANT);
		assertThat(volunteer.unitId()).isEqualTo(this.unit);
		assertThat(volunteer.emailVerified()).isFalse();
		assertThat(volunteer.skills()).containsEntry("first-aid", 2);
		assertThat(volunteer.languages()).containsEntry("en", 3);
		assertThat(volunteer.serviceCategories()).containsExactly("emergency");
		assertThat(this.accounts.findByUsername(email).orElseThrow().roles()).containsExactly(Role.VOLUNTEER);

		String body = mailTo(email);
		assertThat(body).contains(form.getFirst("name")).contains("/register/verify?token=");
		String token = token(body);
		assertThat(this.jdbc.sql("select count(*) from volunteer_email_verification where token_hash = :t")
			.param("t", token)
			.query(Integer.class)
			.single()).as("the token itself is never stored").isZero();

		Document verified = page("/register/verify?token=" + token, "zh_CN");
		assertThat(verified.getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.VERIFIED", Locale.SIMPLIFIED_CHINESE));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer.id()).emailVerified()).isTrue();

		Document reused = page("/register/verify?token=" + token, "en");
		assertThat(reused.getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.USED", Locale.ENGLISH));
		Document unknown = page("/register/verify?token=not-a-token", "en");
		assertThat(unknown.getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.UNKNOWN", Locale.ENGLISH));
		Document none = page("/register/verify", "zh_CN");
		assertThat(none.getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.UNKNOWN", Locale.SIMPLIFIED_CHINESE));
	}

	@Test
	void anExpiredLinkIsToldAndDoesNotVerify() throws Exception {
		VolunteerId id = selfRegistered("过期");
		String email = this.volunteers.get(VolunteerFixture.SYSTEM, id).email();
		String token = token(mailTo(email));
		this.jdbc
			.sql("update volunteer_email_verification set created_at = now() - interval '4 days', "
					+ "expires_at = now() - interval '1 day' where volunteer_id = :id")
			.param("id", id.value())
			.update();
		Document page = page("/register/verify?token=" + token, "en");
		assertThat(page.getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.EXPIRED", Locale.ENGLISH));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, id).emailVerified()).isFalse();
	}

	@Test
	void aSignedInVolunteerGetsANewLinkButNotTwiceInAMinute() throws Exception {
		VolunteerId id = selfRegistered("重发");
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, id);
		String first = token(mailTo(view.email()));
		SignedInAccount me = this.fixture.principal(view.accountId());
		this.mvc.perform(get("/register/verification"))
			.andExpect(status().is3xxRedirection())
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
		String html = this.mvc.perform(get("/register/verification").with(as(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Jsoup.parse(html).getElementById("email-unverified")).isNotNull();

		this.mvc.perform(post("/register/verification").with(csrf()).with(as(me)))
			.andExpect(redirectedUrl("/register/verification"))
			.andExpect((result) -> assertThat(result.getFlashMap().get("resend"))
				.isEqualTo(EmailVerifications.Resend.TOO_SOON));

		this.jdbc
			.sql("update volunteer_email_verification set created_at = now() - interval '2 minutes' "
					+ "where volunteer_id = :id")
			.param("id", id.value())
			.update();
		this.mvc.perform(post("/register/verification").with(csrf()).with(as(me)))
			.andExpect((result) -> assertThat(result.getFlashMap().get("resend"))
				.isEqualTo(EmailVerifications.Resend.SENT));
		String second = awaitToken(view.email(), first);
		assertThat(second).isNotEqualTo(first);
		// both links verify (each once); the first to be opened does it
		assertThat(page("/register/verify?token=" + second, "en").getElementById("verify-outcome").text())
			.isEqualTo(message("volunteer.registration.verify.VERIFIED", Locale.ENGLISH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh_CN", "en" })
	void badInputIsToldBesideItsFieldWithValuesKeptAndNothingStored(String language) throws Exception {
		Locale locale = language.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		LocalDate today = this.volunteers.today();

		refused(language, (form) -> {
			String id = form.getFirst("idNumber");
			char last = id.charAt(17);
			form.set("idNumber", id.substring(0, 17) + ((last == '1') ? '2' : '1'));
		}, "idNumber", message("volunteer.validation.idNumber.checkDigit", locale));

		refused(language, (form) -> form.set("birthDate", "2001-02-30"), "birthDate",
				message("volunteer.validation.birthDate.impossible", locale));
		refused(language, (form) -> form.set("birthDate", today.plusDays(3).toString()), "birthDate",
				message("volunteer.validation.birthDate.impossible", locale));

		refused(language, (form) -> form.set("phone", "1390012"), "phone",
				message("volunteer.validation.phone.format", locale));

		VolunteerView existing = this.volunteers.get(VolunteerFixture.SYSTEM, this.fixture.applicant(this.unit, "已注册"));
		this.taken.add(existing.email().toUpperCase(Locale.ROOT));
		Document duplicate = refused(language, (form) -> form.set("email", existing.email().toUpperCase(Locale.ROOT)),
				"email", message("volunteer.duplicate.email", locale));
		assertThat(duplicate.select("#registration-recover a").eachAttr("href")).containsExactly("/login",
				"/password/forgot");
		VolunteerDetails registered = VolunteerFixture.adult(this.unit, "已注册证件");
		this.volunteers.register(new NewVolunteer(registered, Consents.current(true, true), NewVolunteer.REGISTRATION,
				null, PASSWORD, Locale.SIMPLIFIED_CHINESE));
		this.taken.add(registered.idNumber());
		// the same number in lower case and with spaces is the same number (keyed hash)
		refused(language, (form) -> {
			form.set("idNumber", " " + registered.idNumber().toLowerCase(Locale.ROOT) + " ");
			form.set("birthDate", registered.birthDate().toString());
		}, "idNumber", message("volunteer.duplicate.idNumber", locale));

		LocalDate thirteen = today.minusYears(13);
		Document tooYoung = refused(language, (form) -> {
			form.set("birthDate", thirteen.toString());
			form.set("idNumber", VolunteerFixture.residentId(thirteen));
		}, "birthDate", message("volunteer.validation.birthDate.tooYoung", locale, 14));
		assertThat(tooYoung.getElementById("registration-too-young").text()).as("the explanation heads the page too")
			.isEqualTo(message("volunteer.validation.birthDate.tooYoung", locale, 14));

		LocalDate sixteen = today.minusYears(16);
		Document minor = refused(language, (form) -> {
			form.set("birthDate", sixteen.toString());
			form.set("idNumber", VolunteerFixture.residentId(sixteen));
		}, "guardianName", message("volunteer.validation.guardian.name", locale, 18));
		assertThat(minor.getElementById("guardianConsent-errors").text())
			.isEqualTo(message("volunteer.validation.guardian.consent", locale, 18));
		assertThat(minor.getElementById("guardianPhone-errors").text())
			.isEqualTo(message("volunteer.validation.phone.required", locale));

		refused(language, (form) -> form.remove("sensitiveDataAccepted"), "sensitiveDataAccepted",
				message("volunteer.validation.sensitive", locale));
		refused(language, (form) -> form.set("confirmPassword", "Another-horse-42"), "confirmPassword",
				message("volunteer.registration.validation.confirmPassword.mismatch", locale));
		refused(language, (form) -> {
			form.set("password", "short1");
			form.set("confirmPassword", "short1");
		}, "password", message("password.policy.tooShort", locale, 10, 128));
	}

	@Test
	void aMinorWithTheirGuardiansConsentRegisters() throws Exception {
		LocalDate sixteen = this.volunteers.today().minusYears(16);
		MultiValueMap<String, String> form = validForm();
		form.set("birthDate", sixteen.toString());
		form.set("idNumber", VolunteerFixture.residentId(sixteen));
		form.add("guardianName", "李监护");
		form.add("guardianPhone", "13900001111");
		form.add("guardianConsent", "true");
		this.mvc.perform(post("/register").with(csrf()).params(form)).andExpect(redirectedUrl("/register/done"));
		VolunteerView volunteer = this.volunteers
			.findByAccount(this.accounts.findByUsername(form.getFirst("email")).orElseThrow().id())
			.orElseThrow();
		assertThat(volunteer.guardianName()).isEqualTo("李监护");
		assertThat(volunteer.guardianPhoneMasked()).isEqualTo("139****1111");
	}

	@Test
	void aDriveLinkFixesTheUnitAndAClosedOrUnknownDriveIsToldAboveTheNormalForm() throws Exception {
		UnitId other = this.fixture.unit(this.fixture.root(), "Other");
		String code = "d" + this.fixture.tag;
		LocalDate today = this.volunteers.today();
		long driveId = insertDrive(code, "迎新招募" + this.fixture.tag, today.minusDays(1), today.plusDays(1));
		insertDrive(code + "old", "旧招募" + this.fixture.tag, today.minusDays(10), today.minusDays(2));

		Document page = page("/register?drive=" + code, "zh_CN");
		assertThat(page.getElementById("drive-name").text()).contains("迎新招募" + this.fixture.tag);
		assertThat(page.select("select[name=unit]")).isEmpty();
		assertThat(page.select("input[type=hidden][name=unit]").attr("value"))
			.isEqualTo(String.valueOf(this.unit.value()));

		MultiValueMap<String, String> form = validForm();
		form.set("unit", String.valueOf(other.value()));
		form.add("drive", code);
		this.mvc.perform(post("/register").with(csrf()).params(form)).andExpect(redirectedUrl("/register/done"));
		VolunteerView volunteer = this.volunteers
			.findByAccount(this.accounts.findByUsername(form.getFirst("email")).orElseThrow().id())
			.orElseThrow();
		assertThat(volunteer.unitId()).as("the drive's unit, whatever the request said").isEqualTo(this.unit);
		assertThat(volunteer.driveId()).isEqualTo(driveId);

		Document closed = page("/register?drive=" + code + "old", "en");
		assertThat(closed.select("main .alert-warning").text())
			.isEqualTo(message("volunteer.registration.drive.closed", Locale.ENGLISH, "旧招募" + this.fixture.tag));
		assertThat(closed.select("select[name=unit]")).isNotEmpty();
		Document unknown = page("/register?drive=nothing-" + code, "zh_CN");
		assertThat(unknown.select("main .alert-warning").text())
			.isEqualTo(message("volunteer.registration.drive.unknown", Locale.SIMPLIFIED_CHINESE));
		assertThat(unknown.select("select[name=unit] option")).hasSizeGreaterThan(1);
	}

	@Test
	void theFormRendersInBothLanguagesWithLabelledControlsAndTheNotice() throws Exception {
		for (String language : new String[] { "zh_CN", "en" }) {
			Document page = page("/register", language);
			for (var control : page.select("main input:not([type=hidden]), main select, main textarea")) {
				boolean labelled = !control.id().isEmpty() && !page.select("label[for=" + control.id() + "]").isEmpty()
						|| control.hasAttr("aria-label");
				assertThat(labelled).as("%s is labelled", control.attr("name")).isTrue();
			}
			assertThat(page.getElementById("notice").text()).contains(page.select("#notice summary").text());
			assertThat(page.html()).doesNotContain("??");
			assertThat(page.select("select[name=unit] option")
				.stream()
				.anyMatch((option) -> option.attr("value").equals(String.valueOf(this.unit.value())))).isTrue();
		}
	}

	@Test
	void volunteersRegisteredByOthersGetNoVerificationLink() throws Exception {
		VolunteerId imported = this.fixture.applicant(this.unit, "他人代注册");
		VolunteerId self = selfRegistered("本人注册");
		mailTo(this.volunteers.get(VolunteerFixture.SYSTEM, self).email());
		// the self-registration's mail came after the other one would have been sent
		assertThat(this.jdbc.sql("select count(*) from volunteer_email_verification where volunteer_id = :id")
			.param("id", imported.value())
			.query(Integer.class)
			.single()).isZero();
	}

	private VolunteerId selfRegistered(String name) {
		return this.registrations.register(new NewVolunteer(VolunteerFixture.adult(this.unit, name),
				Consents.current(true, true), NewVolunteer.REGISTRATION, null, PASSWORD, Locale.SIMPLIFIED_CHINESE));
	}

	/**
	 * Posts the valid form changed by {@code change}; expects the message beside the
	 * field.
	 */
	private Document refused(String language, Consumer<MultiValueMap<String, String>> change, String field,
			String expected) throws Exception {
		MultiValueMap<String, String> form = validForm();
		change.accept(form);
		String html = this.mvc.perform(post("/register").with(csrf()).param("lang", language).params(form))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(html);
		assertThat(page.getElementById(field + "-errors")).as("errors of %s", field).isNotNull();
		assertThat(page.getElementById(field + "-errors").text()).as("message of %s", field).isEqualTo(expected);
		assertThat(page.getElementById("registration-errors")).isNotNull();
		// every value typed is kept, except the password
		assertThat(page.getElementById("name").attr("value")).isEqualTo(form.getFirst("name"));
		assertThat(page.getElementById("idNumber").attr("value")).isEqualTo(form.getFirst("idNumber"));
		assertThat(page.getElementById("email").attr("value")).isEqualTo(form.getFirst("email"));
		assertThat(page.getElementById("password").attr("value")).isEmpty();
		assertThat(html).doesNotContain(form.getFirst("password"));
		assertThat(page.select("input[name=skills][value=first-aid]").hasAttr("checked")).isTrue();
		assertThat(page.select("select[name='skillLevels[first-aid]'] option[selected]").attr("value")).isEqualTo("2");
		// nothing stored
		if (!this.taken.contains(form.getFirst("email"))) {
			assertThat(this.accounts.findByUsername(form.getFirst("email"))).isEmpty();
		}
		String idNumber = form.getFirst("idNumber").strip();
		if (!this.taken.contains(idNumber.toUpperCase(Locale.ROOT)) && idNumber.length() == 18) {
			assertThat(this.volunteers.isRegistered(IdType.RESIDENT_ID, idNumber)).isFalse();
		}
		return page;
	}

	private MultiValueMap<String, String> validForm() {
		LocalDate birth = LocalDate.of(1995, 3, 1).plusDays(Math.floorMod(this.fixture.tag.hashCode(), 1000));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "张同行");
		form.add("sex", "MALE");
		form.add("birthDate", birth.toString());
		form.add("idType", "RESIDENT_ID");
		form.add("idNumber", VolunteerFixture.residentId(birth));
		form.add("phone", "13800138000");
		form.add("email", VolunteerFixture.email("reg"));
		form.add("password", PASSWORD);
		form.add("confirmPassword", PASSWORD);
		form.add("unit", String.valueOf(this.unit.value()));
		form.add("residentialArea", "北京市朝阳区");
		form.add("skills", "first-aid");
		form.add("skillLevels[first-aid]", "2");
		form.add("languages", "en");
		form.add("languageLevels[en]", "3");
		form.add("serviceCategories", "emergency");
		form.add("availability", "weekend");
		form.add("noticeAccepted", "true");
		form.add("sensitiveDataAccepted", "true");
		return form;
	}

	private Document page(String path, String language) throws Exception {
		String html = this.mvc.perform(get(path).param("lang", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(html);
	}

	private long insertDrive(String code, String name, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("insert into recruitment_drive (code, name, unit_id, starts_on, ends_on) "
					+ "values (:code, :name, :unit, :from, :to) returning id")
			.params(Map.of("code", code, "name", name, "unit", this.unit.value(), "from", from, "to", to))
			.query(Long.class)
			.single();
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** The body of the newest mail to the address, waiting for it to arrive. */
	private String mailTo(String address) throws Exception {
		return awaitMail(address, null);
	}

	private String awaitToken(String address, String other) throws Exception {
		return token(awaitMail(address, other));
	}

	private String awaitMail(String address, String notWithToken) throws Exception {
		for (int i = 0; i < 100; i++) {
			for (MimeMessage message : this.mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
					String body = String.valueOf(message.getContent());
					if (body.contains("/register/verify?token=")
							&& (notWithToken == null || !body.contains(notWithToken))) {
						return body;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + address);
	}

	private static String token(String body) {
		Matcher matcher = Pattern.compile("/register/verify\\?token=([A-Za-z0-9_\\-]+)").matcher(body);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
