package org.tongxing.planning;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.tongxing.organisation.UnitScope;

/**
 * Plans for the planning tests, each in a year no other test (and no demo plan) uses: the
 * demo has plans for 2013 and the current year, and the year column allows 2000–2100.
 */
final class PlanningFixture {

	static final UnitScope SYSTEM = UnitScope.everything(true);

	private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

	private final Plans plans;

	PlanningFixture(Plans plans) {
		this.plans = plans;
	}

	/** A year from 2030 on with no plan, not handed out before in this run. */
	int freeYear() {
		int start = ThreadLocalRandom.current().nextInt(71);
		for (int i = 0; i < 71; i++) {
			int year = 2030 + (start + i) % 71;
			if (this.plans.findPlan(year).isEmpty() && TAKEN.add(year)) {
				return year;
			}
		}
		throw new IllegalStateException("No free plan year left");
	}

	/** A plan in a free year, with one theme on each level and a campaign in each. */
	Sample sample() {
		int year = freeYear();
		PlanId plan = this.plans.createPlan(SYSTEM, year, year + " 年度计划", "概要", null);
		ThemeId internal = this.plans.addTheme(SYSTEM, plan, PlanLevel.INTERNAL, "友爱互助", null);
		ThemeId society = this.plans.addTheme(SYSTEM, plan, PlanLevel.SOCIETY, "外交为民", null);
		CampaignId talk = this.plans.addCampaign(SYSTEM, internal, "有事儿您说话", "互助",
				CampaignTargets.of(Measure.ACTIVITIES, 20).with(Measure.HOURS, new java.math.BigDecimal("150.5")));
		CampaignId tour = this.plans.addCampaign(SYSTEM, society, "走进高校", null, CampaignTargets.none());
		return new Sample(year, plan, internal, society, talk, tour);
	}

	record Sample(int year, PlanId plan, ThemeId internal, ThemeId society, CampaignId talk, CampaignId tour) {
	}

}
