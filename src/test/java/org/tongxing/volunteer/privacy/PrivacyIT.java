package org.tongxing.volunteer.privacy;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.AccountTestSupport;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's rights over their data, end to end: the download holds their own data in
 * full and nobody else's; a deletion request confirmed by a coordinator leaves no
 * personal data in the database and no way to sign in, while the volunteer number stays;
 * volunteers who left long ago are listed for anonymisation.
 */
@IntegrationTest
class PrivacyIT {

	static final String PASSWORD = "Correct-horse-42";

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

	VolunteerFixture fixture;

	UnitId unit;

	SignedInAccount coordinator;

	@BeforeEach
	void setUp() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unit = this.fixture.unit(this.fixture.root(), "P");
		this.coordinator = this.fixture.account("coordinator", Role.COORDINATOR);
	}

	@Test
	void theJsonDownloadHoldsTheirOwnDataDecryptedAndNobodyElses() throws Exception {
		VolunteerDetails own = VolunteerFixture.adult(this.unit, "王芳");
		VolunteerDetails other = VolunteerFixture.adult(this.unit, "李娜");
		VolunteerId id = register(own, NewVolunteer.ADMIN);
		register(other, NewVolunteer.ADMIN);
		String json = this.mvc.perform(get("/me/data.json").with(user(principal(id))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(json).contains("\"idNumber\" : \"" + own.idNumber() + "\"")
			.contains("\"phone\" : \"" + own.phone() + "\"")
			.contains(own.email())
			.contains("first-aid")
			.contains("\"memberships\"")
			.contains("\"auditLog\"")
			.doesNotContain(other.idNumber())
			.doesNotContain(other.phone())
			.doesNotContainIgnoringCase("password");
		assertThat(auditActions(id)).contains("exported-own-data");
	}

	@Test
	void theXlsxDownloadHasASheetPerSectionWithFormulasDefused() throws Exception {
		VolunteerDetails adult = VolunteerFixture.adult(this.unit, "张伟");
		VolunteerDetails own = new VolunteerDetails(adult.name(), adult.sex(), adult.birthDate(), adult.idType(),
				adult.idNumber(), adult.phone(), adult.email(), this.unit, "=HYPERLINK(\"http://evil\",\"x\")",
				adult.skills(), adult.languages(), adult.serviceCategories(), adult.availability(), null, null, null,
				Guardian.none());
		VolunteerId id = register(own, NewVolunteer.ADMIN);
		byte[] xlsx = this.mvc.perform(get("/me/data.xlsx").with(user(principal(id))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			// the registry's own sections, then what other modules hold (service records,
			// ...)
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(OwnDataExport.SECTIONS.size());
			assertThat(workbook.getSheet("服务记录")).isNotNull();
			Sheet profile = workbook.getSheet("档案");
			Map<String, Cell> values = new java.util.HashMap<>();
			for (Row row : profile) {
				values.put(row.getCell(0).getStringCellValue(), row.getCell(1));
			}
			assertThat(values.get("证件号码").getStringCellValue()).isEqualTo(own.idNumber());
			assertThat(values.get("手机号").getStringCellValue()).isEqualTo(own.phone());
			assertThat(values.get("居住地区").getCellType()).isEqualTo(CellType.STRING);
			assertThat(values.get("居住地区").getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
			assertThat(workbook.getSheet("技能").getRow(1).getCell(0).getStringCellValue()).isEqualTo("first-aid");
		}
	}

	@Test
	void anAccountWithoutAVolunteerRecordHasNoDataPage() throws Exception {
		this.mvc.perform(get("/me/data").with(user(this.coordinator))).andExpect(status().isNotFound());
	}

	@Test
	void aConfirmedDeletionLeavesNoPersonalDataAndNoWayToSignIn() throws Exception {
		VolunteerDetails details = VolunteerFixture.adult(this.unit, "赵敏");
		VolunteerId id = register(details, NewVolunteer.ADMIN);
		String number = this.volunteers.get(VolunteerFixture.SYSTEM, id).number();
		org.springframework.test.web.servlet.MvcResult session = AccountTestSupport.signIn(this.mvc, details.email(),
				PASSWORD, AccountTestSupport.uniqueAddress());
		assertThat(session.getResponse().getRedirectedUrl()).isEqualTo("/");
		jakarta.servlet.http.Cookie cookie = AccountTestSupport.session(session);
		this.mvc.perform(get("/me/data").cookie(cookie)).andExpect(status().isOk());
		SignedInAccount volunteer = principal(id);

		String confirmation = this.mvc.perform(get("/me/deletion").with(user(volunteer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirmation).contains("仍计入统计").contains("账号将被停用");
		this.mvc.perform(post("/me/deletion").with(user(volunteer)).with(csrf())).andExpect(status().isOk());
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, id).deletionRequestedAt()).isNull();
		this.mvc.perform(post("/me/deletion").with(user(volunteer)).with(csrf()).param("understood", "true"))
			.andExpect(redirectedUrl("/me/data"));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, id).deletionRequestedAt()).isNotNull();

		SignedInAccount admin = this.fixture.adminOf(this.unit);
		this.mvc.perform(get("/privacy/deletions").with(user(admin))).andExpect(status().isForbidden());
		this.mvc.perform(post("/privacy/deletions/" + id.value() + "/confirm").with(user(admin)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.mvc.perform(get("/privacy/deletions").with(user(this.coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("赵敏").contains(number);
		this.mvc
			.perform(post("/privacy/deletions/" + id.value() + "/confirm").with(user(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/privacy/deletions"));

		Map<String, Object> row = this.jdbc.sql("select * from volunteer where id = :id")
			.param("id", id.value())
			.query()
			.singleRow();
		assertThat(row.get("name")).isEqualTo("已注销志愿者 " + number);
		assertThat(row.get("number")).isEqualTo(number);
		for (String column : new String[] { "id_number_cipher", "id_number_hash", "id_number_masked", "phone_cipher",
				"phone_hash", "phone_masked", "email", "birth_date", "sex", "residential_area", "guardian_name",
				"guardian_phone_cipher", "status_reason" }) {
			assertThat(row.get(column)).as(column).isNull();
		}
		assertThat(row.get("anonymised_at")).isNotNull();
		assertThat(row.get("status")).isEqualTo("LEFT");
		assertThat(this.jdbc.sql("select v::text from volunteer v where id = :id")
			.param("id", id.value())
			.query(String.class)
			.single()).doesNotContain(details.idNumber()).doesNotContain(details.email()).doesNotContain("赵敏");
		assertThat(count("select count(*) from volunteer_skill where volunteer_id = :id", id)).isZero();
		assertThat(count("select count(*) from volunteer_language where volunteer_id = :id", id)).isZero();
		Map<String, Object> account = this.jdbc.sql(
				"select a.username, a.display_name, a.email, a.enabled from account a join volunteer v on v.account_id = a.id where v.id = :id")
			.param("id", id.value())
			.query()
			.singleRow();
		assertThat(account.get("email")).isNull();
		assertThat(account.get("enabled")).isEqualTo(false);
		assertThat((String) account.get("username")).startsWith("deleted-").doesNotContain(details.email());
		assertThat(account.get("display_name")).isEqualTo("已注销志愿者 " + number);
		assertThat(signIn(details.email())).isEqualTo("/login?error");
		// the session that was signed in before has ended
		assertThat(this.mvc.perform(get("/me/data").cookie(cookie)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(this.jdbc.sql(
				"select coalesce(string_agg(coalesce(after_state::text, ''), ' '), '') from audit_entry where entity_type = 'volunteer' and entity_id = :id and action = 'anonymised'")
			.param("id", String.valueOf(id.value()))
			.query(String.class)
			.single()).contains(number).doesNotContain("赵敏").doesNotContain(details.idNumber());
	}

	@Test
	void anApplicantsDeletionClosesTheApplication() throws Exception {
		VolunteerId id = register(VolunteerFixture.adult(this.unit, "周芷若"), NewVolunteer.REGISTRATION);
		this.mvc.perform(post("/me/deletion").with(user(principal(id))).with(csrf()).param("understood", "true"))
			.andExpect(redirectedUrl("/me/data"));
		this.mvc
			.perform(post("/privacy/deletions/" + id.value() + "/confirm").with(user(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/privacy/deletions"));
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, id);
		assertThat(view.isAnonymised()).isTrue();
		assertThat(view.status()).isEqualTo(VolunteerStatus.REJECTED);
		assertThat(view.name()).isEqualTo("已注销志愿者 #" + id.value());
		this.mvc
			.perform(post("/privacy/deletions/" + id.value() + "/confirm").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void volunteersWhoLeftLongAgoAreListedForAnonymisation() throws Exception {
		VolunteerId longAgo = this.fixture.active(this.unit, "令狐冲" + this.fixture.tag);
		VolunteerId recently = this.fixture.active(this.unit, "任盈盈" + this.fixture.tag);
		VolunteerId stillActive = this.fixture.active(this.unit, "岳灵珊" + this.fixture.tag);
		this.volunteers.markLeft(VolunteerFixture.SYSTEM, longAgo, "移居海外");
		this.volunteers.markLeft(VolunteerFixture.SYSTEM, recently, "调离");
		this.jdbc.sql("update volunteer set left_at = now() - interval '3 years 2 days' where id = :id")
			.param("id", longAgo.value())
			.update();
		this.jdbc.sql("update volunteer set left_at = now() - interval '2 years' where id = :id")
			.param("id", recently.value())
			.update();
		this.mvc.perform(get("/privacy/retention").with(user(this.fixture.adminOf(this.unit))))
			.andExpect(status().isForbidden());
		String page = this.mvc.perform(get("/privacy/retention").with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("令狐冲" + this.fixture.tag)
			.doesNotContain("任盈盈" + this.fixture.tag)
			.doesNotContain("岳灵珊" + this.fixture.tag);
		this.mvc
			.perform(post("/privacy/retention/" + stillActive.value() + "/anonymise").with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/privacy/retention/" + longAgo.value() + "/anonymise").with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/privacy/retention"));
		VolunteerView anonymised = this.volunteers.get(VolunteerFixture.SYSTEM, longAgo);
		assertThat(anonymised.isAnonymised()).isTrue();
		assertThat(anonymised.statusReason()).isNull();
		assertThat(anonymised.leftAt()).isNotNull();
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, recently).isAnonymised()).isFalse();
		assertThat(this.mvc.perform(get("/privacy/retention").with(user(this.coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("令狐冲" + this.fixture.tag);
	}

	private VolunteerId register(VolunteerDetails details, String source) {
		return this.volunteers.register(new NewVolunteer(details, Consents.current(true, true), source, null, PASSWORD,
				Locale.SIMPLIFIED_CHINESE));
	}

	private SignedInAccount principal(VolunteerId id) {
		return this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, id).accountId());
	}

	private String signIn(String email) throws Exception {
		return AccountTestSupport.signIn(this.mvc, email, PASSWORD, AccountTestSupport.uniqueAddress())
			.getResponse()
			.getRedirectedUrl();
	}

	private java.util.List<String> auditActions(VolunteerId id) {
		return this.jdbc.sql("select action from audit_entry where entity_type = 'volunteer' and entity_id = :id")
			.param("id", String.valueOf(id.value()))
			.query(String.class)
			.list();
	}

	private long count(String sql, VolunteerId id) {
		return this.jdbc.sql(sql).param("id", id.value()).query(Long.class).single();
	}

}
