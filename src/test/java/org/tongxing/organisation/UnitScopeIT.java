package org.tongxing.organisation;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A unit admin sees and manages their subtree and nothing else (the unit they administer
 * itself is moved, closed and reopened only by coordinators; admins are appointed only by
 * coordinators); leadership reads everything and changes nothing; a volunteer sees no
 * unit.
 */
@IntegrationTest
class UnitScopeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

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
	void adminCreatesEditsMovesClosesAndReopensInsideTheirSubtreeAndEveryChangeIsAudited() throws Exception {
		this.mvc.perform(get("/units/new").param("parent", this.a.toString()).with(user(this.adminOfA)))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/units/new").param("parent", this.a.toString())
				.param("name", this.fixture.name("N"))
				.param("type", "DEPARTMENT")
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		UnitView created = this.units.children(OrganisationFixture.SYSTEM, this.a)
			.stream()
			.filter((unit) -> unit.name().equals(this.fixture.name("N")))
			.findFirst()
			.orElseThrow();
		UnitId n = created.id();
		this.mvc.perform(get("/units").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.fixture.name("N"))));

		this.mvc
			.perform(post("/units/" + n + "/edit").param("name", this.fixture.name("N2"))
				.param("type", "DEPARTMENT")
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.get(OrganisationFixture.SYSTEM, n).name()).isEqualTo(this.fixture.name("N2"));
		this.mvc
			.perform(post("/units/" + this.a + "/edit").param("name", this.fixture.name("A"))
				.param("nameEn", "Renamed by its admin")
				.param("type", "DEPARTMENT")
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.get(OrganisationFixture.SYSTEM, this.a).nameEn()).isEqualTo("Renamed by its admin");

		this.mvc.perform(get("/units/" + n + "/move").with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.fixture.name("A1"))))
			.andExpect(content().string(not(containsString(this.fixture.name("B")))));
		this.mvc
			.perform(post("/units/" + n + "/move").param("parentId", this.a1.toString())
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.get(OrganisationFixture.SYSTEM, n).parentId()).isEqualTo(this.a1);

		this.mvc
			.perform(post("/units/" + n + "/close").param("reason", "merged").with(user(this.adminOfA)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.get(OrganisationFixture.SYSTEM, n).isOpen()).isFalse();
		this.mvc.perform(post("/units/" + n + "/reopen").with(user(this.adminOfA)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.get(OrganisationFixture.SYSTEM, n).isOpen()).isTrue();

		List<String> actions = this.jdbc
			.sql("select action from audit_entry where entity_type = 'unit' and entity_id = :id order by id")
			.param("id", n.toString())
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("created", "edited", "moved", "closed", "reopened");
	}

	@Test
	void adminGets403MovingClosingOrReopeningTheUnitTheyAdminister() throws Exception {
		this.mvc.perform(get("/units/" + this.a + "/close").with(user(this.adminOfA)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"unit-denied-reason\"")))
			.andExpect(content().string(containsString("只能由协调员移动、关闭或重新启用")));
		this.mvc
			.perform(post("/units/" + this.a + "/close").param("reason", "no").with(user(this.adminOfA)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/units/" + this.a + "/move").with(user(this.adminOfA))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a + "/move").param("parentId", this.a1.toString())
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/units/" + this.a + "/reopen").with(user(this.adminOfA)).with(csrf()))
			.andExpect(status().isForbidden());
		UnitView unit = this.units.get(OrganisationFixture.SYSTEM, this.a);
		assertThat(unit.isOpen()).isTrue();
		assertThat(unit.parentId()).isEqualTo(this.fixture.root());
	}

	@Test
	void adminGets404ChangingOrReachingOutsideTheirSubtree() throws Exception {
		for (String parent : new String[] { this.b.toString(), this.fixture.root().toString(), "987654321" }) {
			this.mvc.perform(get("/units/new").param("parent", parent).with(user(this.adminOfA)))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(post("/units/new").param("parent", parent)
					.param("name", this.fixture.name("X"))
					.param("type", "DEPARTMENT")
					.with(user(this.adminOfA))
					.with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(post("/units/" + this.a1 + "/move").param("parentId", parent)
					.with(user(this.adminOfA))
					.with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(post("/units/" + parent + "/edit").param("name", this.fixture.name("X"))
					.param("type", "DEPARTMENT")
					.with(user(this.adminOfA))
					.with(csrf()))
				.andExpect(status().isNotFound());
			this.mvc.perform(
					post("/units/" + parent + "/close").param("reason", "no").with(user(this.adminOfA)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(this.units.get(OrganisationFixture.SYSTEM, this.a1).parentId()).isEqualTo(this.a);
		assertThat(this.units.children(OrganisationFixture.SYSTEM, this.b)).isEmpty();
		assertThat(this.units.get(OrganisationFixture.SYSTEM, this.b).name()).isEqualTo(this.fixture.name("B"));
	}

	@Test
	void adminGets403AppointingOrRemovingAdmins() throws Exception {
		SignedInAccount other = this.fixture.account("other", Role.VOLUNTEER);
		this.mvc
			.perform(post("/units/" + this.a1 + "/admins").param("username", other.getUsername())
				.with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a + "/admins/" + this.adminOfA.id() + "/remove").with(user(this.adminOfA))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/units/" + this.a + "/admins/candidates").param("username", "x").with(user(this.adminOfA)))
			.andExpect(status().isForbidden());
		assertThat(this.units.admins(OrganisationFixture.SYSTEM, this.a1)).isEmpty();
		assertThat(this.units.admins(OrganisationFixture.SYSTEM, this.a)).hasSize(1);
	}

	@Test
	void adminPagesOfferExactlyTheChangesTheAdminMayMake() throws Exception {
		this.mvc.perform(get("/units/" + this.a).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("unit-new-child")))
			.andExpect(content().string(containsString("id=\"unit-edit\"")))
			.andExpect(content().string(not(containsString("id=\"unit-move\""))))
			.andExpect(content().string(not(containsString("id=\"unit-close\""))))
			.andExpect(content().string(not(containsString("appoint-admin-form"))));
		this.mvc.perform(get("/units/" + this.a1).with(user(this.adminOfA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unit-move\"")))
			.andExpect(content().string(containsString("id=\"unit-close\"")))
			.andExpect(content().string(not(containsString("appoint-admin-form"))));
	}

	@Test
	void leadershipReadsEverythingButChangesNothing() throws Exception {
		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		this.mvc.perform(get("/units/" + this.b).with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("unit-actions"))))
			.andExpect(content().string(not(containsString("appoint-admin-form"))));
		this.mvc.perform(get("/api/v1/units/" + this.a1).with(user(leader))).andExpect(status().isOk());
		this.mvc.perform(get("/units/" + this.b + "/edit").with(user(leader))).andExpect(status().isForbidden());
		this.mvc.perform(get("/units/new").param("parent", this.b.toString()).with(user(leader)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/new").param("parent", this.b.toString())
				.param("name", this.fixture.name("L"))
				.param("type", "DEPARTMENT")
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.b + "/edit").param("name", this.fixture.name("L"))
				.param("type", "DEPARTMENT")
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a1 + "/move").param("parentId", this.b.toString())
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/units/" + this.b + "/close").param("reason", "no").with(user(leader)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/units/" + this.b + "/reopen").with(user(leader)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.b + "/admins").param("username", this.adminOfA.getUsername())
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/units/" + this.a + "/admins/" + this.adminOfA.id() + "/remove").with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		UnitView unchanged = this.units.get(OrganisationFixture.SYSTEM, this.b);
		assertThat(unchanged.name()).isEqualTo(this.fixture.name("B"));
		assertThat(unchanged.isOpen()).isTrue();
		assertThat(this.units.children(OrganisationFixture.SYSTEM, this.b)).isEmpty();
		assertThat(this.units.get(OrganisationFixture.SYSTEM, this.a1).parentId()).isEqualTo(this.a);
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
