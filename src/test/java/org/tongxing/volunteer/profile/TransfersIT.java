package org.tongxing.volunteer.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Transfers between units: the open membership is closed the day before the new one
 * begins, the volunteer moves, the history keeps both; two transfers at once cannot leave
 * two open memberships; only those who manage both units (and coordinators) may.
 */
@IntegrationTest
class TransfersIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Transfers transfers;

	@Autowired
	JdbcClient jdbc;

	VolunteerFixture fixture;

	UnitId parent;

	UnitId a;

	UnitId b;

	UnitId mission;

	SignedInAccount adminOfParent;

	VolunteerId id;

	LocalDate today;

	@BeforeEach
	void units() {
		this.fixture = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.parent = this.fixture.unit(this.fixture.root(), "T");
		this.a = this.fixture.unit(this.parent, "TA");
		this.b = this.fixture.unit(this.parent, "TB");
		this.mission = this.units.create(VolunteerFixture.SYSTEM, this.parent,
				UnitDetails.mission("驻法国使馆-" + this.fixture.tag, "Embassy in France " + this.fixture.tag, "France",
						"Paris", "Europe/Paris"));
		this.adminOfParent = this.fixture.adminOf(this.parent);
		this.id = this.fixture.active(this.a, "周杰");
		this.today = this.volunteers.today();
		// the volunteer joined A a month ago
		this.jdbc.sql("update volunteer_membership set valid_from = :day where volunteer_id = :id")
			.param("day", this.today.minusDays(30))
			.param("id", this.id.value())
			.update();
	}

	@Test
	void aTransferClosesTheOldMembershipTheDayBeforeAndOpensTheNewOne() throws Exception {
		LocalDate effective = this.today.minusDays(5);
		this.mvc.perform(get("/volunteers/" + this.id.value() + "/transfer").with(user(this.adminOfParent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("TB-" + this.fixture.tag)));
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", this.b.toString())
				.param("effectiveDate", effective.toString())
				.param("note", "借调")
				.with(user(this.adminOfParent))
				.with(csrf()))
			.andExpect(redirectedUrl("/volunteers/" + this.id.value()));
		List<String> history = history();
		assertThat(history).containsExactly(this.b + " " + effective + " open 借调",
				this.a + " " + this.today.minusDays(30) + " " + effective.minusDays(1) + " -");
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).unitId()).isEqualTo(this.b);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where entity_type = 'volunteer'"
					+ " and entity_id = :id and action = 'transferred'")
			.param("id", String.valueOf(this.id.value()))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the history stays visible to the volunteer
		SignedInAccount volunteer = this.fixture
			.principal(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).accountId());
		this.mvc.perform(get("/me").with(user(volunteer)))
			.andExpect(content().string(containsString("TA-" + this.fixture.tag)))
			.andExpect(content().string(containsString("TB-" + this.fixture.tag)))
			.andExpect(content().string(containsString(effective.minusDays(1).toString())));
	}

	@Test
	void aTransferToAMissionAbroadTakesItsPlaceUnlessAnotherIsGiven() {
		this.transfers.transfer(VolunteerFixture.SYSTEM, this.id,
				new Transfer(this.a, this.mission, this.today, "外派", null, null, null));
		VolunteerView view = this.volunteers.get(VolunteerFixture.SYSTEM, this.id);
		assertThat(view.unitId()).isEqualTo(this.mission);
		assertThat(view.country() + " " + view.city() + " " + view.timeZone()).isEqualTo("France Paris Europe/Paris");
		// and back home: the place abroad is cleared with the transfer
		this.transfers.transfer(VolunteerFixture.SYSTEM, this.id,
				new Transfer(this.mission, this.a, this.today, null, null, null, null));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).country()).isNull();
		assertThat(history()).hasSize(3).first().asString().endsWith("open -");
	}

	@Test
	void theEffectiveDateIsNotBeforeTheOpenMembershipNorInTheFuture() throws Exception {
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", this.b.toString())
				.param("effectiveDate", this.today.minusDays(31).toString())
				.with(user(this.adminOfParent))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("生效日期不能早于当前单位记录的开始日期")));
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", this.b.toString())
				.param("effectiveDate", this.today.plusDays(1).toString())
				.param("country", "France")
				.with(user(this.adminOfParent))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("生效日期不能晚于今天")))
			.andExpect(content().string(containsString("在境外服务请同时填写国家、城市和时区")))
			.andExpect(content().string(containsString("value=\"France\"")));
		assertThat(history()).hasSize(1);
	}

	@Test
	void anAdminOfAnotherSubtreeGets404AndAnAdminOfOnlyTheOldUnitCannotChooseOutsideIt() throws Exception {
		UnitId elsewhere = this.fixture.unit(this.fixture.root(), "TX");
		SignedInAccount stranger = this.fixture.adminOf(elsewhere);
		this.mvc.perform(get("/volunteers/" + this.id.value() + "/transfer").with(user(stranger)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", elsewhere.toString())
				.param("effectiveDate", this.today.toString())
				.with(user(stranger))
				.with(csrf()))
			.andExpect(status().isNotFound());

		SignedInAccount adminOfA = this.fixture.adminOf(this.a);
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", this.b.toString())
				.param("effectiveDate", this.today.toString())
				.with(user(adminOfA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不在您的管理范围内")));
		SignedInAccount leader = this.fixture.account("leader", Role.LEADERSHIP);
		this.mvc.perform(get("/volunteers/" + this.id.value() + "/transfer").with(user(leader)))
			.andExpect(status().isForbidden());
		assertThat(history()).hasSize(1);
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).unitId()).isEqualTo(this.a);
	}

	@Test
	void aCoordinatorMayTransferAnywhere() throws Exception {
		SignedInAccount coordinator = this.fixture.account("coord", Role.COORDINATOR);
		UnitId elsewhere = this.fixture.unit(this.fixture.root(), "TY");
		this.mvc
			.perform(post("/volunteers/" + this.id.value() + "/transfer").param("fromUnitId", this.a.toString())
				.param("unitId", elsewhere.toString())
				.param("effectiveDate", this.today.toString())
				.with(user(coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/volunteers/" + this.id.value()));
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).unitId()).isEqualTo(elsewhere);
	}

	@Test
	void twoTransfersAtOnceLeaveOneOpenMembership() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (UnitId target : List.of(this.b, this.mission)) {
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						this.transfers.transfer(VolunteerFixture.SYSTEM, this.id,
								new Transfer(this.a, target, this.today, null, null, null, null));
						return "done";
					}
					catch (InvalidVolunteerException ex) {
						return ex.problems().get(0).messageKey();
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(30, TimeUnit.SECONDS));
			}
			assertThat(outcomes).containsExactlyInAnyOrder("done", "profile.transfer.moved");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(
				this.jdbc.sql("select count(*) from volunteer_membership where volunteer_id = :id and valid_to is null")
					.param("id", this.id.value())
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(history()).hasSize(2);
		long openUnit = this.jdbc
			.sql("select unit_id from volunteer_membership where volunteer_id = :id and valid_to is null")
			.param("id", this.id.value())
			.query(Long.class)
			.single();
		assertThat(this.volunteers.get(VolunteerFixture.SYSTEM, this.id).unitId().value()).isEqualTo(openUnit);
	}

	@Test
	void theDatabaseRefusesASecondOpenMembership() {
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc
			.sql("insert into volunteer_membership (volunteer_id, unit_id, valid_from) values (:id, :unit, :day)")
			.param("id", this.id.value())
			.param("unit", this.b.value())
			.param("day", this.today)
			.update());
	}

	/** "unit from to note", newest first; an open membership's end reads "open". */
	private List<String> history() {
		return this.jdbc
			.sql("""
					select unit_id || ' ' || valid_from || ' ' || coalesce(valid_to::text, 'open') || ' ' || coalesce(note, '-')
					from volunteer_membership where volunteer_id = :id order by valid_from desc, id desc
					""")
			.param("id", this.id.value())
			.query(String.class)
			.list();
	}

}
