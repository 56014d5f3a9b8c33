package org.tongxing.organisation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit admin sees their subtree and nothing else; leadership reads everything and
 * changes nothing; a volunteer sees no unit.
 */
@IntegrationTest
class UnitScopeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	OrganisationFixture fixture;

	UnitId a;

	UnitId a1;

	UnitId b;

	SignedInAccount adminOfA;

	@BeforeEach
	void tree() {
		this.fixture = new OrganisationFixture(this.units, this.accounts);
		UnitId root = this.fixture.root();
		this.a = this.fixture.department(root, "A");
		this.a1 = this.fixture.department(this.a, "A1");
		this.b = this.fixture.department(root, "B");
		this.adminOfA = this.fixture.account("admin", Role.VOLUNTEER);
		this.units.appointAdmin(OrganisationFixture.SYSTEM, this.a, this.adminOfA.id());
	}

	@Test
	void adminGets404ForAnotherUnitsPageAndApiAndForGuessedIds() throws Exception {
		this.mvc.perform(get("/units/" + this.b).with(user(this.adminOfA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/units/" + this.b).with(user(this.adminOfA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/units/" + this.fixture.root()).with(user(this.adminOfA)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/units/987654321").with(user(this.adminOfA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/units/987654321").with(user(this.adminOfA))).andExpect(status().isNotFound());
		this.mvc.perform(get("/units/" + this.b + "/edit").with(user(this.adminOfA))).andExpect(status().isNotFound());
	}

	@Test
	void adminSeesTheirUnitAndItsDescendants() throws Exception {
		this.mvc.perform(get("/units/" + this.a1).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.fixture.name("A1"))));
		this.mvc.perform(get("/units").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.fixture.name("A"))))
			.andExpect(content().string(containsString(this.fixture.name("A1"))))
			.andExpect(content().string(not(containsString(this.fixture.name("B")))))
			.andExpect(content().string(not(containsString("外交部青年志愿者协会</a>"))));
		this.mvc.perform(get("/api/v1/units").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[*].id", hasItem((int) this.a.value())))
			.andExpect(jsonPath("$[1].parentId").value((int) this.a.value()))
			.andExpect(jsonPath("$[1].path").value("/" + this.fixture.root() + "/" + this.a + "/" + this.a1 + "/"));
	}

	@Test
	void adminCannotChangeTheTree() throws Exception {
		this.mvc.perform(get("/units/new").param("parent", this.a.toString()).with(user(this.adminOfA)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/new").param("parent", this.a.toString())
				.param("name", "new")
				.param("type", "DEPARTMENT")
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a1 + "/move").param("parentId", this.a.toString())
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a1 + "/close").param("reason", "no").with(user(this.adminOfA)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.units.children(OrganisationFixture.SYSTEM, this.a)).hasSize(1);
	}

	@Test
	void adminPageOffersNoChanges() throws Exception {
		this.mvc.perform(get("/units/" + this.a).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("appoint-admin-form"))))
			.andExpect(content().string(not(containsString("unit-new-child"))));
	}

	@Test
	void leadershipReadsEverythingButChangesNothing() throws Exception {
		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		this.mvc.perform(get("/units/" + this.b).with(user(leader))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/units/" + this.a1).with(user(leader))).andExpect(status().isOk());
		this.mvc.perform(get("/units/" + this.b + "/edit").with(user(leader))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.b + "/admins").param("username", this.adminOfA.getUsername())
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void volunteerWithoutAppointmentSeesNoUnits() throws Exception {
		SignedInAccount volunteer = this.fixture.account("vol", Role.VOLUNTEER);
		this.mvc.perform(get("/units").with(user(volunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/units/" + this.a).with(user(volunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/units").with(user(volunteer))).andExpect(status().isForbidden());
		this.mvc.perform(get("/").with(user(volunteer)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/units\""))));
		this.mvc.perform(get("/").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/units\"")));
	}

	@Test
	void searchFiltersTheTreeAndAnswersHtmxWithTheFragment() throws Exception {
		this.mvc
			.perform(get("/units").param("q", this.fixture.name("A1"))
				.header("HX-Request", "true")
				.with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unit-tree-container\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("unit-node-" + this.a1)));
		this.mvc.perform(get("/units").param("q", "no-such-unit-" + this.fixture.tag).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("unit-tree-empty")));
	}

}
