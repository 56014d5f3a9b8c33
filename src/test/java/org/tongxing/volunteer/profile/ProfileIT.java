package org.tongxing.volunteer.profile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's own profile: what {@code /me} shows, and editing it on {@code /me/edit}
 * with the registry's rules, the phone stored only encrypted, and no way to reach anyone
 * else's record.
 */
@IntegrationTest
class ProfileIT {

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

	VolunteerId id;

	SignedInAccount volunteer;

	@BeforeEach
	void volunteer() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unit = this.fixture.unit(this.fixture.root(), "P");
		this.id = this.fixture.active(this.unit, "陈静");
		this.volunteer = principalOf(this.id);
	}

	@Test
	void theProfileShowsTheRecordWithPersonalDataMaskedAndTheHistory() throws Exception {
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, this.id);
		this.mvc.perform(get("/me").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("陈静")))
			.andExpect(content().string(containsString(view.number())))
			.andExpect(content().string(containsString(view.phoneMasked())))
			.andExpect(content().string(containsString(view.idNumberMasked())))
			.andExpect(content().string(containsString("急救")))
			.andExpect(content().string(containsString("P-" + this.fixture.tag)))
			.andExpect(content().string(containsString("/me/data")))
			.andExpect(content().string(containsString("/me/deletion")));
	}

	@Test
	void anAccountWithoutAVolunteerRecordIsToldWhyAndCannotEdit() throws Exception {
		SignedInAccount coordinator = this.fixture.account("coord", Role.COORDINATOR);
		this.mvc.perform(get("/me").with(user(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此账号没有志愿者资料")))
			// a coordinator finds the qualification queue from here
			.andExpect(content().string(containsString("id=\"profile-none-queue\"")));
		this.mvc.perform(get("/me/edit").with(user(coordinator))).andExpect(status().isNotFound());
	}

	@Test
	void aNewPhoneIsStoredEncryptedAndShownMasked() throws Exception {
		this.mvc
			.perform(post("/me/edit").param("phone", "139 1234 5678")
				.param("residentialArea", "上海市徐汇区")
				.param("skills[teaching]", "3")
				.param("skills[first-aid]", "")
				.param("languages[fr]", "2")
				.param("serviceCategories", "culture")
				.param("availability", "online")
				.param("country", "France")
				.param("city", "Paris")
				.param("timeZone", "Europe/Paris")
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(redirectedUrl("/me"));
		String row = this.jdbc.sql("select v::text from volunteer v where id = :id")
			.param("id", this.id.value())
			.query(String.class)
			.single();
		assertThat(row).doesNotContain("13912345678");
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, this.id);
		assertThat(view.phoneMasked()).isEqualTo("139****5678");
		assertThat(view.residentialArea()).isEqualTo("上海市徐汇区");
		assertThat(view.skills()).containsExactlyEntriesOf(java.util.Map.of("teaching", 3));
		assertThat(view.languages()).containsExactlyEntriesOf(java.util.Map.of("fr", 2));
		assertThat(view.serviceCategories()).containsExactly("culture");
		assertThat(view.availability()).containsExactly("online");
		assertThat(view.country()).isEqualTo("France");
		assertThat(view.timeZone()).isEqualTo("Europe/Paris");
		this.mvc.perform(get("/me").with(user(this.volunteer)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString("13912345678"))));
		String audit = this.jdbc
			.sql("select before_state::text || after_state::text from audit_entry where entity_type = 'volunteer'"
					+ " and entity_id = :id and action = 'profile-edited'")
			.param("id", String.valueOf(this.id.value()))
			.query(String.class)
			.single();
		assertThat(audit).contains("139****5678").doesNotContain("13912345678").doesNotContain("徐汇");
	}

	@Test
	void anEmptyPhoneKeepsTheStoredOne() throws Exception {
		String before = this.volunteers.get(VolunteerFixture.SYSTEM, this.id).phoneMasked();
		this.mvc
			.perform(post("/me/edit").param("phone", "")
				.param("residentialArea", "北京市朝阳区")
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(redirectedUrl("/me"));
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, this.id);
		assertThat(view.phoneMasked()).isEqualTo(before);
		assertThat(view.residentialArea()).isEqualTo("北京市朝阳区");
		// nothing chosen: the sets and levels are empty now
		assertThat(view.skills()).isEmpty();
		assertThat(view.serviceCategories()).isEmpty();
	}

	@Test
	void anInvalidPhoneIsRefusedBesideTheFieldWithEveryValueKept() throws Exception {
		String before = this.volunteers.get(VolunteerFixture.SYSTEM, this.id).phoneMasked();
		this.mvc
			.perform(post("/me/edit").param("phone", "12345")
				.param("residentialArea", "海淀区中关村")
				.param("country", "France")
				.param("timeZone", "Mars/Olympus")
				.param("skills[teaching]", "2")
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("手机号码格式不对")))
			.andExpect(content().string(containsString("id=\"phone-errors\"")))
			.andExpect(content().string(containsString("value=\"12345\"")))
			.andExpect(content().string(containsString("value=\"海淀区中关村\"")))
			.andExpect(content().string(containsString("时区无效")))
			.andExpect(content().string(containsString("value=\"Mars/Olympus\"")))
			.andExpect(content().string(containsString("在境外服务请同时填写国家、城市和时区")));
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, this.id);
		assertThat(view.phoneMasked()).isEqualTo(before);
		assertThat(view.residentialArea()).isEqualTo("北京市东城区");
	}

	@Test
	void aLevelOutOfRangeIsRefused() throws Exception {
		this.mvc.perform(post("/me/edit").param("skills[teaching]", "7").with(user(this.volunteer)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("等级应在 1 到 3 之间")));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).skills()).containsKey("first-aid");
	}

	@Test
	void aVolunteerChangesOnlyTheirOwnRecord() throws Exception {
		VolunteerId other = this.fixture.active(this.unit, "李雷");
		String otherPhone = this.volunteers.get(VolunteerFixture.SYSTEM, other).phoneMasked();
		// an id smuggled into the form changes nothing: the record is the signed-in one's
		this.mvc
			.perform(post("/me/edit").param("id", String.valueOf(other.value()))
				.param("volunteerId", String.valueOf(other.value()))
				.param("phone", "13700001111")
				.with(user(this.volunteer))
				.with(csrf()))
			.andExpect(redirectedUrl("/me"));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, other).phoneMasked()).isEqualTo(otherPhone);
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).phoneMasked()).isEqualTo("137****1111");
		this.mvc.perform(get("/me/edit").param("id", String.valueOf(other.value())).with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).phoneMasked())));
	}

	@Test
	void theEditPageSaysWhatOnlyAnAdminCorrects() throws Exception {
		this.mvc.perform(get("/me/edit").with(user(this.volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("姓名、证件号码和出生日期不能在这里修改")));
	}

	private SignedInAccount principalOf(VolunteerId volunteer) {
		return this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId());
	}

}
