package org.tongxing.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A coordinator changes the tree: create, edit, move, close, appoint; every change is
 * audited; concurrent opposite moves leave a tree.
 */
@IntegrationTest
class UnitChangesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	OrganisationFixture fixture;

	SignedInAccount coordinator;

	UnitId root;

	@BeforeEach
	void setUp() {
		this.fixture = new OrganisationFixture(this.units, this.accounts);
		this.coordinator = this.fixture.account("coord", Role.COORDINATOR);
		this.root = this.fixture.root();
	}

	@Test
	void coordinatorCreatesAMissionThroughTheForm() throws Exception {
		UnitId parent = this.fixture.department(this.root, "P");
		this.mvc.perform(get("/units/new").param("parent", parent.toString()).with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"unit-form\"")));
		MvcResult result = this.mvc
			.perform(post("/units/new").param("parent", parent.toString())
				.param("name", this.fixture.name("驻日本使馆"))
				.param("nameEn", "Embassy in Japan")
				.param("type", "MISSION_ABROAD")
				.param("country", "日本")
				.param("city", "东京")
				.param("timeZone", "Asia/Tokyo")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		UnitId created = new UnitId(Long.parseLong(result.getResponse().getRedirectedUrl().replace("/units/", "")));
		UnitView mission = this.units.get(OrganisationFixture.SYSTEM, created);
		assertThat(mission.timeZone()).isEqualTo("Asia/Tokyo");
		assertThat(mission.parentId()).isEqualTo(parent);
		assertThat(mission.path()).endsWith("/" + parent + "/" + created + "/");
		this.mvc.perform(get("/units/" + created).with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Asia/Tokyo")));
	}

	@Test
	void invalidFormKeepsEnteredValuesAndShowsTheErrorBesideTheField() throws Exception {
		UnitId parent = this.fixture.department(this.root, "P");
		this.mvc
			.perform(post("/units/new").param("parent", parent.toString())
				.param("name", "驻火星使馆-" + this.fixture.tag)
				.param("type", "MISSION_ABROAD")
				.param("country", "火星")
				.param("city", "奥林匹斯")
				.param("timeZone", "Mars/Olympus")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"驻火星使馆-" + this.fixture.tag + "\"")))
			.andExpect(content().string(containsString("value=\"Mars/Olympus\"")))
			.andExpect(content().string(containsString("id=\"timeZone-errors\"")))
			.andExpect(content().string(containsString("不是有效的 IANA 时区名称")));
		this.mvc
			.perform(post("/units/new").param("parent", parent.toString())
				.param("name", "")
				.param("type", "DEPARTMENT")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-errors\"")));
	}

	@Test
	void closedUnitTakesNoSubUnits() throws Exception {
		UnitId parent = this.fixture.department(this.root, "P");
		UnitId child = this.fixture.department(parent, "C");
		this.mvc.perform(
				post("/units/" + parent + "/close").param("reason", "merged").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("运行中的下级单位")));
		this.mvc.perform(
				post("/units/" + child + "/close").param("reason", "merged").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.units.isOpen(child)).isFalse();
		this.mvc
			.perform(post("/units/new").param("parent", child.toString())
				.param("name", "late")
				.param("type", "VOLUNTEER_GROUP")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该单位已关闭")));
	}

	@Test
	void movingASubtreeRewritesEveryPathAndIsAudited() throws Exception {
		UnitId from = this.fixture.department(this.root, "from");
		UnitId to = this.fixture.department(this.root, "to");
		UnitId moving = this.fixture.department(from, "moving");
		UnitId child = this.fixture.department(moving, "child");
		UnitId grandchild = this.fixture.department(child, "grandchild");
		this.mvc
			.perform(post("/units/" + moving + "/move").param("parentId", to.toString())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String base = "/" + this.root + "/" + to + "/" + moving + "/";
		assertThat(path(moving)).isEqualTo(base);
		assertThat(path(child)).isEqualTo(base + child + "/");
		assertThat(path(grandchild)).isEqualTo(base + child + "/" + grandchild + "/");
		assertThat(this.units.children(OrganisationFixture.SYSTEM, from)).isEmpty();

		Map<String, Object> audit = this.jdbc.sql("""
				select actor_name, before_state ->> 'path' as before_path, after_state ->> 'path' as after_path
				from audit_entry where entity_type = 'unit' and entity_id = :id and action = 'moved'""")
			.param("id", moving.toString())
			.query()
			.singleRow();
		assertThat(audit).containsEntry("actor_name", this.coordinator.getUsername())
			.containsEntry("before_path", "/" + this.root + "/" + from + "/" + moving + "/")
			.containsEntry("after_path", base);

		this.mvc
			.perform(post("/units/" + to + "/move").param("parentId", grandchild.toString())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"parentId-errors\"")));
		assertThat(treeIsConsistent()).isTrue();
	}

	@Test
	void coordinatorAppointsAndRemovesAnAdminAndBothAreAudited() throws Exception {
		UnitId unit = this.fixture.department(this.root, "U");
		SignedInAccount admin = this.fixture.account("newadmin", Role.VOLUNTEER);
		this.mvc
			.perform(get("/units/" + unit + "/admins/candidates").param("username", admin.getUsername())
				.header("HX-Request", "true")
				.with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + admin.getUsername() + "\"")));
		this.mvc
			.perform(post("/units/" + unit + "/admins").param("username", admin.getUsername())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/units/" + unit).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("unit-admin-" + admin.id())));
		this.mvc
			.perform(post("/units/" + unit + "/admins").param("username", admin.getUsername())
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已经是本单位的管理员")));
		this.mvc
			.perform(post("/units/" + unit + "/admins").param("username", "nobody-" + this.fixture.tag)
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("admin-username-errors")));
		this.mvc
			.perform(post("/units/" + unit + "/admins/" + admin.id() + "/remove").with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/units/" + unit).with(user(admin))).andExpect(status().isForbidden());
		List<String> actions = this.jdbc
			.sql("select action from audit_entry where entity_type = 'unit' and entity_id = :id order by id")
			.param("id", unit.toString())
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("created", "admin-appointed", "admin-removed");
	}

	@Test
	void editIsAuditedWithBeforeAndAfter() throws Exception {
		UnitId unit = this.fixture.department(this.root, "old");
		this.mvc
			.perform(post("/units/" + unit + "/edit").param("name", this.fixture.name("new"))
				.param("type", "AFFILIATED_UNIT")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> audit = this.jdbc.sql("""
				select before_state ->> 'name' as before_name, after_state ->> 'name' as after_name,
				       after_state ->> 'type' as after_type
				from audit_entry where entity_type = 'unit' and entity_id = :id and action = 'edited'""")
			.param("id", unit.toString())
			.query()
			.singleRow();
		assertThat(audit).containsEntry("before_name", this.fixture.name("old"))
			.containsEntry("after_name", this.fixture.name("new"))
			.containsEntry("after_type", "AFFILIATED_UNIT");
	}

	@Test
	void twoOppositeConcurrentMovesLeaveATree() throws Exception {
		for (int round = 0; round < 5; round++) {
			UnitId parent = this.fixture.department(this.root, "race" + round);
			UnitId a = this.fixture.department(parent, "a" + round);
			UnitId b = this.fixture.department(parent, "b" + round);
			CyclicBarrier start = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Boolean>> outcomes = new ArrayList<>();
				outcomes.add(pool.submit(() -> moveAfter(start, a, b)));
				outcomes.add(pool.submit(() -> moveAfter(start, b, a)));
				int succeeded = 0;
				for (Future<Boolean> outcome : outcomes) {
					succeeded += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(succeeded).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(treeIsConsistent()).isTrue();
			UnitView movedA = this.units.get(OrganisationFixture.SYSTEM, a);
			UnitView movedB = this.units.get(OrganisationFixture.SYSTEM, b);
			assertThat(movedA.contains(movedB) ^ movedB.contains(movedA)).isTrue();
		}
	}

	private boolean moveAfter(CyclicBarrier start, UnitId unit, UnitId newParent) throws Exception {
		start.await(10, TimeUnit.SECONDS);
		try {
			this.units.move(OrganisationFixture.SYSTEM, unit, newParent);
			return true;
		}
		catch (MoveIntoOwnSubtreeException ex) {
			return false;
		}
	}

	private String path(UnitId id) {
		return this.units.get(OrganisationFixture.SYSTEM, id).path();
	}

	/** Every path is its parent's path plus its id, and every unit reaches the root. */
	private boolean treeIsConsistent() {
		long badPaths = this.jdbc.sql("""
				select count(*) from unit c left join unit p on p.id = c.parent_id
				where (c.parent_id is null and c.path <> '/' || c.id || '/')
				   or (c.parent_id is not null and (p.id is null or c.path <> p.path || c.id || '/'))""")
			.query(Long.class)
			.single();
		long unreachable = this.jdbc.sql("""
				with recursive reachable as (
				  select id from unit where parent_id is null
				  union all
				  select u.id from unit u join reachable r on u.parent_id = r.id)
				select (select count(*) from unit) - (select count(*) from reachable)""").query(Long.class).single();
		return badPaths == 0 && unreachable == 0;
	}

}
