package org.tongxing.planning;

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
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProposalsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Plans plans;

	@Autowired
	Proposals proposals;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	PlanningFixture.Sample sample;

	UnitId unitA;

	UnitId groupA;

	UnitId unitB;

	SignedInAccount adminA;

	SignedInAccount adminB;

	SignedInAccount coordinator;

	@BeforeEach
	void setUp() {
		this.sample = new PlanningFixture(this.plans).sample();
		VolunteerFixture people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		this.unitA = people.unit(people.root(), "a");
		this.groupA = people.unit(this.unitA, "a-group");
		this.unitB = people.unit(people.root(), "b");
		this.adminA = people.adminOf(this.unitA);
		this.adminB = people.adminOf(this.unitB);
		this.coordinator = people.account("coord", Role.COORDINATOR);
	}

	@Test
	void aUnitAdminProposesAndSeesTheRejectionWithItsReason() throws Exception {
		long id = propose(this.adminA, this.groupA, "盲人博物馆参观");

		// another subtree's admin neither sees nor decides it
		this.mvc.perform(get("/proposals/" + id).with(user(this.adminB))).andExpect(status().isNotFound());
		this.mvc.perform(get("/proposals").with(user(this.adminB)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("盲人博物馆参观"))));
		this.mvc
			.perform(post("/proposals/" + id + "/reject").param("comment", "不行").with(user(this.adminB)).with(csrf()))
			.andExpect(status().isNotFound());
		// the proposer's admin sees it but does not decide it
		this.mvc.perform(get("/proposals").with(user(this.adminA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("盲人博物馆参观")));
		this.mvc.perform(post("/proposals/" + id + "/approve").with(user(this.adminA)).with(csrf()))
			.andExpect(status().isForbidden());

		// a rejection needs a comment
		this.mvc.perform(
				post("/proposals/" + id + "/reject").param("comment", " ").with(user(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不通过时必须填写理由。")));
		assertThat(statusOf(id)).isEqualTo(ProposalStatus.PROPOSED);

		this.mvc
			.perform(post("/proposals/" + id + "/reject").param("comment", "与其他活动时间冲突")
				.with(user(this.coordinator))
				.with(csrf()))
			.andExpect(redirectedUrl("/proposals/" + id));
		ProposalView decided = this.plans.findProposal(new ProposalId(id)).orElseThrow();
		assertThat(decided.status()).isEqualTo(ProposalStatus.REJECTED);
		assertThat(decided.decisionComment()).isEqualTo("与其他活动时间冲突");

		this.mvc.perform(get("/proposals/" + id).with(user(this.adminA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("未通过")))
			.andExpect(content().string(containsString("与其他活动时间冲突")))
			.andExpect(content().string(not(containsString("/activities/new"))));
		// decided once
		assertThatThrownBy(() -> this.proposals.approve(PlanningFixture.SYSTEM, new ProposalId(id), null, null))
			.isInstanceOfSatisfying(PlanRuleViolationException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("planning.proposal.decided"));
		assertThat(audits(id)).isEqualTo(2);
	}

	@Test
	void anApprovedProposalLinksToCreatingItsActivity() throws Exception {
		long id = propose(this.adminA, this.unitA, "儿童节义卖");
		this.mvc.perform(get("/proposals").param("status", "PROPOSED").with(user(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("儿童节义卖")));
		this.mvc.perform(get("/plans/" + this.sample.year()).with(user(this.coordinator)))
			.andExpect(content().string(containsString("儿童节义卖")))
			.andExpect(content().string(containsString("待审核")));

		this.mvc.perform(post("/proposals/" + id + "/approve").with(user(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/proposals/" + id));

		assertThat(statusOf(id)).isEqualTo(ProposalStatus.APPROVED);
		this.mvc.perform(get("/proposals/" + id).with(user(this.adminA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已批准")))
			.andExpect(content()
				.string(containsString("/activities/new?campaign=" + this.sample.talk() + "&amp;proposal=" + id)));
		this.mvc.perform(get("/proposals").param("status", "PROPOSED").with(user(this.coordinator)))
			.andExpect(content().string(not(containsString("儿童节义卖"))));
	}

	@Test
	void nobodyProposesForAUnitTheyDoNotManage() throws Exception {
		String url = "/plans/" + this.sample.year() + "/campaigns/" + this.sample.talk() + "/propose";
		this.mvc
			.perform(post(url).param("unitId", this.unitA.toString())
				.param("title", "越权")
				.with(user(this.adminB))
				.with(csrf()))
			.andExpect(status().isNotFound());
		SignedInAccount plain = new VolunteerFixture(this.units, this.accounts, this.volunteers).account("plain",
				Role.VOLUNTEER);
		this.mvc.perform(get(url).with(user(plain))).andExpect(status().isForbidden());
		this.mvc.perform(get("/proposals").with(user(plain))).andExpect(status().isForbidden());
		this.mvc.perform(get("/proposals/999999999").with(user(this.coordinator))).andExpect(status().isNotFound());
		assertThat(this.proposals.list(PlanningFixture.SYSTEM, null)).extracting((e) -> e.proposal().title())
			.doesNotContain("越权");
	}

	@Test
	void theProposalFormKeepsInputAndExplainsProblems() throws Exception {
		String url = "/plans/" + this.sample.year() + "/campaigns/" + this.sample.talk() + "/propose";
		this.mvc
			.perform(post(url).param("unitId", this.unitA.toString())
				.param("title", "教师节探望")
				.param("plannedFrom", "2050-09-10")
				.param("plannedTo", "2050-09-01")
				.with(user(this.adminA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("结束日期不能早于开始日期。")))
			.andExpect(content().string(containsString("value=\"教师节探望\"")));
	}

	private long propose(SignedInAccount admin, UnitId unit, String title) throws Exception {
		String url = "/plans/" + this.sample.year() + "/campaigns/" + this.sample.talk() + "/propose";
		this.mvc.perform(get(url).with(user(admin))).andExpect(status().isOk());
		String location = this.mvc
			.perform(post(url).param("unitId", unit.toString())
				.param("title", title)
				.param("summary", "为 20 位盲人居民安排")
				.param("plannedFrom", "2050-05-19")
				.param("plannedTo", "2050-05-19")
				.param("expectedParticipants", "12")
				.with(user(admin))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/proposals/");
		return Long.parseLong(location.substring("/proposals/".length()));
	}

	private ProposalStatus statusOf(long id) {
		return this.plans.findProposal(new ProposalId(id)).orElseThrow().status();
	}

	private long audits(long id) {
		return this.jdbc
			.sql("select count(*) from audit_entry where entity_type = 'campaign-proposal' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

}
