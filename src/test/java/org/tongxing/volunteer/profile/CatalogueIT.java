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
 * The catalogues coordinators keep: codes unique and well-formed, names in two languages,
 * entries deactivated (no longer offered to volunteers) and reactivated, every change
 * audited, nobody else allowed.
 */
@IntegrationTest
class CatalogueIT {

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

	SignedInAccount coordinator;

	String code;

	@BeforeEach
	void coordinator() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.coordinator = this.fixture.account("coord", Role.COORDINATOR);
		this.code = "sign-language-" + this.fixture.tag;
	}

	@Test
	void aCoordinatorAddsRenamesDeactivatesAndReactivatesASkill() throws Exception {
		this.mvc
			.perform(post("/catalogue/skills").param("code", this.code)
				.param("name", "手语")
				.param("nameEn", "Sign language")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/catalogue/skills"));
		long id = skillId();
		this.mvc.perform(get("/catalogue/skills").with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.code)));

		UnitId unit = this.fixture.unit(this.fixture.root(), "C");
		SignedInAccount volunteer = this.fixture
			.principal(this.volunteers.get(VolunteerFixture.SYSTEM, this.fixture.active(unit, "赵敏")).accountId());
		this.mvc.perform(get("/me/edit").with(user(volunteer)))
			.andExpect(content().string(containsString("skills[" + this.code + "]")));

		this.mvc
			.perform(post("/catalogue/skills/" + id).param("name", "手语翻译")
				.param("nameEn", "Sign-language interpreting")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/catalogue/skills"));
		assertThat(this.jdbc.sql("select name || '|' || name_en from skill where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("手语翻译|Sign-language interpreting");

		this.mvc.perform(post("/catalogue/skills/" + id + "/deactivate").with(user(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/catalogue/skills"));
		assertThat(active(id)).isFalse();
		this.mvc.perform(get("/me/edit").with(user(volunteer)))
			.andExpect(content().string(not(containsString("skills[" + this.code + "]"))));
		// a volunteer cannot pick a deactivated skill by sending it anyway
		this.mvc.perform(post("/me/edit").param("skills[" + this.code + "]", "2").with(user(volunteer)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("包含不在列表中的选项")));

		this.mvc.perform(post("/catalogue/skills/" + id + "/reactivate").with(user(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/catalogue/skills"));
		assertThat(active(id)).isTrue();
		assertThat(this.jdbc
			.sql("select string_agg(action, ',' order by id) from audit_entry"
					+ " where entity_type = 'skill' and entity_id = :id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("created,renamed,deactivated,reactivated");
	}

	@Test
	void codesAreUniqueAndLowerCaseAsciiWithHyphens() throws Exception {
		this.mvc
			.perform(post("/catalogue/qualifications").param("code", this.code)
				.param("name", "手语翻译证")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/catalogue/qualifications"));
		this.mvc
			.perform(post("/catalogue/qualifications").param("code", this.code)
				.param("name", "另一个")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该代码已存在")))
			.andExpect(content().string(containsString("value=\"另一个\"")));
		for (String bad : new String[] { "Sign Language", "手语", "sign--language", "-sign", "sign_language" }) {
			this.mvc
				.perform(post("/catalogue/qualifications").param("code", bad)
					.param("name", "手语")
					.with(user(this.coordinator))
					.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("代码只能包含小写英文字母、数字和单个连字符")));
		}
		this.mvc
			.perform(post("/catalogue/qualifications").param("code", "x-" + this.code)
				.param("name", "")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写中文名称")));
	}

	@Test
	void onlyCoordinatorsKeepTheCatalogues() throws Exception {
		UnitId unit = this.fixture.unit(this.fixture.root(), "D");
		SignedInAccount admin = this.fixture.adminOf(unit);
		VolunteerId volunteer = this.fixture.active(unit, "钱七");
		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		for (SignedInAccount account : new SignedInAccount[] { admin, leader,
				this.fixture.principal(this.volunteers.get(VolunteerFixture.SYSTEM, volunteer).accountId()) }) {
			this.mvc.perform(get("/catalogue/skills").with(user(account))).andExpect(status().isForbidden());
			this.mvc
				.perform(post("/catalogue/skills").param("code", this.code)
					.param("name", "手语")
					.with(user(account))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(this.jdbc.sql("select count(*) from skill where code = :code")
			.param("code", this.code)
			.query(Long.class)
			.single()).isZero();
		this.mvc.perform(get("/catalogue/nonsense").with(user(this.coordinator))).andExpect(status().isNotFound());
	}

	private long skillId() {
		return this.jdbc.sql("select id from skill where code = :code")
			.param("code", this.code)
			.query(Long.class)
			.single();
	}

	private boolean active(long id) {
		return this.jdbc.sql("select active from skill where id = :id").param("id", id).query(Boolean.class).single();
	}

}
