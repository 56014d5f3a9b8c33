package org.tongxing.planning;

/**
 * A campaign as other modules see it: where it sits in the plan, and its targets.
 */
public record CampaignView(CampaignId id, PlanId planId, int year, ThemeId themeId, PlanLevel level, String themeName,
		String name, String description, CampaignTargets targets) {

	/** "2013 · 友爱互助 · 有事儿您说话" */
	public String label() {
		return this.year + " · " + this.themeName + " · " + this.name;
	}

}
