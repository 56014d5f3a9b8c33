package org.tongxing.volunteer.drive;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recruitment drives through their pages: created by a unit admin for their unit only,
 * invisible to other units' admins, reached by the short link, with the sign-ups made
 * through them listed live (masked) and a poster that scans to the link.
 */
@IntegrationTest
class DriveIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	@Value("${tongxing.base-url}")
	String baseUrl;

	VolunteerFixture fixture;

	UnitId a;

	UnitId b;

	SignedInAccount adminOfA;

	SignedInAccount adminOfB;

	@BeforeEach
	void units() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.a = this.fixture.unit(this.fixture.root(), "A");
		this.b = this.fixture.unit(this.fixture.root(), "B");
		this.adminOfA = this.fixture.adminOf(this.a);
		this.adminOfB = this.fixture.adminOf(this.b);
	}

	@Test
	void anAdminCreatesADriveForTheirUnitWithARandomCode() throws Exception {
		long id = create(this.adminOfA, this.a, "读书节现场招募 " + this.fixture.tag);
		String code = code(id);
		assertThat(code).matches("[a-z2-9]{10}");
		String page = this.mvc.perform(get("/drives/" + id).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("读书节现场招募 " + this.fixture.tag)
			.contains(this.baseUrl + "/r/" + code)
			.contains("/drives/" + id + "/poster.pdf")
			.contains("/drives/" + id + "/poster.png")
			.contains("hx-trigger=\"every 5s\"");
		assertThat(this.mvc.perform(get("/drives").with(user(this.adminOfA)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("读书节现场招募 " + this.fixture.tag);
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'recruitment-drive' and entity_id = :id and action = 'created'")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anotherUnitsAdminNeitherSeesNorCreatesTheDrive() throws Exception {
		long id = create(this.adminOfA, this.a, "A 的招募 " + this.fixture.tag);
		this.mvc.perform(get("/drives/" + id).with(user(this.adminOfB))).andExpect(status().isNotFound());
		this.mvc.perform(get("/drives/" + id + "/poster.pdf").with(user(this.adminOfB)))
			.andExpect(status().isNotFound());
		assertThat(this.mvc.perform(get("/drives").with(user(this.adminOfB)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("A 的招募 " + this.fixture.tag);
		String form = this.mvc
			.perform(post("/drives/new").with(user(this.adminOfB))
				.with(csrf())
				.param("name", "越权 " + this.fixture.tag)
				.param("unitId", String.valueOf(this.a.value()))
				.param("startsOn", "2026-05-01")
				.param("endsOn", "2026-05-02"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("is-invalid").contains("越权 " + this.fixture.tag);
		assertThat(this.jdbc.sql("select count(*) from recruitment_drive where name = :name")
			.param("name", "越权 " + this.fixture.tag)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDriveCannotEndBeforeItStarts() throws Exception {
		String form = this.mvc
			.perform(post("/drives/new").with(user(this.adminOfA))
				.with(csrf())
				.param("name", "倒置 " + this.fixture.tag)
				.param("unitId", String.valueOf(this.a.value()))
				.param("startsOn", "2026-05-02")
				.param("endsOn", "2026-05-01"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("结束日期不能早于开始日期");
	}

	@Test
	void theShortLinkOpensRegistrationBoundToTheDrive() throws Exception {
		long id = create(this.adminOfA, this.a, "短链 " + this.fixture.tag);
		String code = code(id);
		this.mvc.perform(get("/r/" + code))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/register?drive=" + code));
		this.mvc.perform(get("/r/nosuchcode0")).andExpect(status().isNotFound());
	}

	@Test
	void signUpsThroughTheDriveAppearInItsLiveFragmentMasked() throws Exception {
		long id = create(this.adminOfA, this.a, "实时 " + this.fixture.tag);
		VolunteerDetails details = VolunteerFixture.adult(this.a, "扫码者" + this.fixture.tag);
		this.volunteers.register(new NewVolunteer(details, Consents.current(true, true), NewVolunteer.REGISTRATION, id,
				"Correct-horse-42", Locale.SIMPLIFIED_CHINESE));
		this.fixture.applicant(this.a, "非扫码者" + this.fixture.tag);
		String fragment = this.mvc.perform(get("/drives/" + id).with(user(this.adminOfA)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html")
			.contains("id=\"drive-signups\"")
			.contains("扫码者" + this.fixture.tag)
			.doesNotContain("非扫码者" + this.fixture.tag)
			.contains(details.phone().substring(0, 3) + "****" + details.phone().substring(7))
			.doesNotContain(details.phone())
			.contains("共 1 人报名");
	}

	@Test
	void thePostersScanToTheShortLinkAndCarryTheDriveName() throws Exception {
		long id = create(this.adminOfA, this.a, "海报 " + this.fixture.tag);
		String link = this.baseUrl + "/r/" + code(id);
		MvcResult png = this.mvc.perform(get("/drives/" + id + "/poster.png").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn();
		assertThat(PosterReading.qrText(png.getResponse().getContentAsByteArray())).isEqualTo(link);
		MvcResult pdf = this.mvc.perform(get("/drives/" + id + "/poster.pdf").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn();
		assertThat(PosterReading.pdfText(pdf.getResponse().getContentAsByteArray()).replaceAll("\\s+", ""))
			.contains(("海报 " + this.fixture.tag).replace(" ", ""))
			.contains(link);
		MvcResult qr = this.mvc.perform(get("/drives/" + id + "/qr.png").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(PosterReading.qrText(qr.getResponse().getContentAsByteArray())).isEqualTo(link);
	}

	private long create(SignedInAccount admin, UnitId unit, String name) throws Exception {
		LocalDate today = this.volunteers.today();
		String location = this.mvc
			.perform(post("/drives/new").with(user(admin))
				.with(csrf())
				.param("name", name)
				.param("unitId", String.valueOf(unit.value()))
				.param("startsOn", today.toString())
				.param("endsOn", today.plusDays(2).toString()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/drives/\\d+");
		return Long.parseLong(location.substring("/drives/".length()));
	}

	private String code(long id) {
		return this.jdbc.sql("select code from recruitment_drive where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
