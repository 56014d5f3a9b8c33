package org.tongxing.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongxing.planning.PlanningFixture.SYSTEM;

@IntegrationTest
class PlansIT {

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

	PlanningFixture fixture;

	VolunteerFixture people;

	@BeforeEach
	void setUp() {
		this.fixture = new PlanningFixture(this.plans);
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
	}

	@Test
	void aCoordinatorCreatesAPlanOncePerYear() {
		int year = this.fixture.freeYear();
		PlanId id = this.plans.createPlan(SYSTEM, year, "计划", "概要", null);

		assertThat(this.plans.plan(year)).contains(new PlanView(id, year, "计划", "概要"));
		assertThat(this.plans.plans()).extracting(PlanView::year).contains(year);
		assertThatThrownBy(() -> this.plans.createPlan(SYSTEM, year, "再来一个", null, null))
			.isInstanceOf(DuplicatePlanException.class);
		assertThat(audits("plan", id.value(), "created")).isEqualTo(1);
	}

	@Test
	void onlyCoordinatorsCreatePlansAndOnlyForYearsInRange() {
		int year = this.fixture.freeYear();
		assertThatThrownBy(() -> this.plans.createPlan(UnitScope.everything(false), year, "计划", null, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.plans.createPlan(SYSTEM, 2101, "计划", null, null)).isInstanceOfSatisfying(
				PlanRuleViolationException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("planning.invalid.year"));
		assertThat(this.plans.plan(year)).isEmpty();
	}

	@Test
	void targetsMustBeNonNegativeAndWholeWhereCounted() {
		PlanningFixture.Sample sample = this.fixture.sample();

		assertRefused(sample.internal(), CampaignTargets.of(Measure.ACTIVITIES, -1), "targetActivities",
				"planning.target.negative");
		assertRefused(sample.internal(), CampaignTargets.none().with(Measure.PARTICIPATIONS, new BigDecimal("2.5")),
				"targetParticipations", "planning.target.wholeNumber");
		assertRefused(sample.internal(), CampaignTargets.none().with(Measure.HOURS, new BigDecimal("1.25")),
				"targetHours", "planning.target.decimals");
		assertRefused(sample.internal(), CampaignTargets.none().with(Measure.MONEY_RAISED, new BigDecimal("0.001")),
				"targetMoneyRaised", "planning.target.decimals");
		assertRefused(sample.internal(),
				CampaignTargets.none().with(Measure.PEOPLE_SERVED, new BigDecimal("3000000000")), "targetPeopleServed",
				"planning.target.tooLarge");

		assertThatThrownBy(() -> this.plans.updateCampaign(SYSTEM, sample.talk(), "有事儿您说话", null,
				CampaignTargets.of(Measure.ACTIVITIES, -5)))
			.isInstanceOf(PlanRuleViolationException.class);
		assertThat(this.plans.findCampaign(sample.talk()).orElseThrow().targets().get(Measure.ACTIVITIES))
			.isEqualByComparingTo("20");

		CampaignTargets fine = CampaignTargets.of(Measure.ACTIVITIES, 0)
			.with(Measure.HOURS, new BigDecimal("10.5"))
			.with(Measure.MONEY_RAISED, new BigDecimal("1234.56"));
		this.plans.updateCampaign(SYSTEM, sample.talk(), "有事儿您说话", "新说明", fine);
		CampaignTargets stored = this.plans.findCampaign(sample.talk()).orElseThrow().targets();
		assertThat(stored.get(Measure.ACTIVITIES)).isEqualByComparingTo("0");
		assertThat(stored.get(Measure.HOURS)).isEqualByComparingTo("10.5");
		assertThat(stored.get(Measure.MONEY_RAISED)).isEqualByComparingTo("1234.56");
		assertThat(stored.get(Measure.PARTICIPATIONS)).isNull();
	}

	@Test
	void copyingAPlanCopiesThemesCampaignsAndTargetsButNotProposals() {
		PlanningFixture.Sample sample = this.fixture.sample();
		UnitId unit = this.people.unit(this.people.root(), "copy");
		ProposalId proposal = this.proposals.propose(SYSTEM,
				new ProposalDetails(sample.talk(), unit, "读书节义卖", null, null, null, 10), null);
		int target = this.fixture.freeYear();

		PlanId copy = this.plans.copyPlan(SYSTEM, sample.year(), target, null, null);

		assertThat(this.plans.plan(target).orElseThrow().title()).isEqualTo(target + " 年度计划");
		assertThat(this.plans.themes(target)).extracting(ThemeView::level, ThemeView::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PlanLevel.INTERNAL, "友爱互助"),
					org.assertj.core.groups.Tuple.tuple(PlanLevel.SOCIETY, "外交为民"));
		List<CampaignView> campaigns = this.plans.campaigns(target);
		assertThat(campaigns).extracting(CampaignView::name).containsExactly("有事儿您说话", "走进高校");
		CampaignView talk = campaigns.get(0);
		assertThat(talk.planId()).isEqualTo(copy);
		assertThat(talk.themeName()).isEqualTo("友爱互助");
		assertThat(talk.targets().get(Measure.ACTIVITIES)).isEqualByComparingTo("20");
		assertThat(talk.targets().get(Measure.HOURS)).isEqualByComparingTo("150.5");
		assertThat(campaigns.get(1).targets().values()).isEmpty();
		assertThat(this.proposals.ofPlan(SYSTEM, target)).isEmpty();
		assertThat(this.proposals.ofPlan(SYSTEM, sample.year())).extracting((e) -> e.proposal().id())
			.containsExactly(proposal);
		assertThat(audits("plan", copy.value(), "copied")).isEqualTo(1);
	}

	@Test
	void copyingIntoAYearThatHasAPlanIsRefusedAndWritesNothing() {
		PlanningFixture.Sample source = this.fixture.sample();
		int taken = this.fixture.freeYear();
		PlanId existing = this.plans.createPlan(SYSTEM, taken, "已有计划", null, null);
		long themesBefore = count("plan_theme");
		long campaignsBefore = count("campaign");

		assertThatThrownBy(() -> this.plans.copyPlan(SYSTEM, source.year(), taken, null, null))
			.isInstanceOf(DuplicatePlanException.class);

		assertThat(this.plans.plan(taken).orElseThrow()).isEqualTo(new PlanView(existing, taken, "已有计划", null));
		assertThat(this.plans.themes(taken)).isEmpty();
		assertThat(count("plan_theme")).isEqualTo(themesBefore);
		assertThat(count("campaign")).isEqualTo(campaignsBefore);
		assertThatThrownBy(() -> this.plans.copyPlan(UnitScope.everything(false), source.year(),
				this.fixture.freeYear(), null, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aCampaignOrThemeInUseIsNotRemoved() {
		PlanningFixture.Sample sample = this.fixture.sample();
		UnitId unit = this.people.unit(this.people.root(), "inuse");
		this.proposals.propose(SYSTEM, new ProposalDetails(sample.talk(), unit, "提案", null, LocalDate.of(2050, 1, 1),
				LocalDate.of(2050, 1, 2), null), null);

		assertThatThrownBy(() -> this.plans.removeCampaign(SYSTEM, sample.talk())).isInstanceOfSatisfying(
				PlanRuleViolationException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("planning.campaign.inUse"));
		assertThatThrownBy(() -> this.plans.removeTheme(SYSTEM, sample.internal()))
			.isInstanceOf(PlanRuleViolationException.class);

		this.plans.removeCampaign(SYSTEM, sample.tour());
		this.plans.removeTheme(SYSTEM, sample.society());
		assertThat(this.plans.findCampaign(sample.tour())).isEmpty();
		assertThat(this.plans.themes(sample.year())).extracting(ThemeView::name).containsExactly("友爱互助");
		assertThat(audits("campaign", sample.tour().value(), "removed")).isEqualTo(1);
	}

	private void assertRefused(ThemeId theme, CampaignTargets targets, String field, String key) {
		assertThatThrownBy(() -> this.plans.addCampaign(SYSTEM, theme, "新项目", null, targets))
			.isInstanceOfSatisfying(PlanRuleViolationException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.messageKey()).isEqualTo(key);
			});
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long audits(String type, long id, String action) {
		return this.jdbc.sql("select count(*) from audit_entry where entity_type = ? and entity_id = ? and action = ?")
			.params(type, String.valueOf(id), action)
			.query(Long.class)
			.single();
	}

}
