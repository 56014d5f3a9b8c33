package org.tongxing.planning.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Measure;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.PlanView;
import org.tongxing.planning.ProposalEntry;
import org.tongxing.planning.ThemeView;

/**
 * What the plan page shows: the plan's two levels, their themes, each theme's campaigns
 * with a row per measure that has a target or an actual.
 */
public record PlanPage(PlanView plan, List<Level> levels) {

	static PlanPage of(PlanView plan, List<ThemeView> themes, List<CampaignView> campaigns,
			Map<CampaignId, Map<Measure, BigDecimal>> actuals, List<ProposalEntry> proposals) {
		List<Level> levels = new ArrayList<>();
		for (PlanLevel level : PlanLevel.values()) {
			List<Theme> rows = new ArrayList<>();
			for (ThemeView theme : themes) {
				if (theme.level() != level) {
					continue;
				}
				List<Campaign> campaignRows = new ArrayList<>();
				for (CampaignView campaign : campaigns) {
					if (campaign.themeId().equals(theme.id())) {
						campaignRows.add(Campaign.of(campaign, actuals.getOrDefault(campaign.id(), Map.of()),
								proposals.stream()
									.filter((p) -> p.proposal().campaign().equals(campaign.id()))
									.toList()));
					}
				}
				rows.add(new Theme(theme, campaignRows));
			}
			levels.add(new Level(level, rows));
		}
		return new PlanPage(plan, levels);
	}

	public record Level(PlanLevel level, List<Theme> themes) {
	}

	public record Theme(ThemeView theme, List<Campaign> campaigns) {
	}

	public record Campaign(CampaignView campaign, List<Progress> progress, List<ProposalEntry> proposals) {

		static Campaign of(CampaignView campaign, Map<Measure, BigDecimal> actuals, List<ProposalEntry> proposals) {
			List<Progress> rows = new ArrayList<>();
			for (Measure measure : Measure.values()) {
				BigDecimal target = campaign.targets().get(measure);
				BigDecimal actual = actuals.get(measure);
				if (target != null || actual != null) {
					rows.add(new Progress(measure, target, (actual != null) ? actual : BigDecimal.ZERO));
				}
			}
			return new Campaign(campaign, rows, proposals);
		}

	}

	/** One measure of a campaign: its target (or null) against its actual. */
	public record Progress(Measure measure, BigDecimal target, BigDecimal actual) {

		/** Percent of the target reached, 0–100 (more than the target shows as 100). */
		public int percent() {
			if (this.target == null) {
				return 0;
			}
			if (this.target.signum() == 0) {
				return 100;
			}
			int percent = this.actual.multiply(BigDecimal.valueOf(100))
				.divide(this.target, 0, RoundingMode.DOWN)
				.intValue();
			return Math.max(0, Math.min(100, percent));
		}

		/**
		 * The width class of the bar, in steps of five percent (the CSP allows no style).
		 */
		public String widthClass() {
			return "planning-w-" + (percent() / 5 * 5);
		}

		/** "12 / 20", or "12" without a target. */
		public String numbers() {
			return (this.target != null) ? plain(this.actual) + " / " + plain(this.target) : plain(this.actual);
		}

		public boolean reached() {
			return this.target != null && this.actual.compareTo(this.target) >= 0;
		}

		private static String plain(BigDecimal value) {
			return value.stripTrailingZeros().toPlainString();
		}

	}

}
