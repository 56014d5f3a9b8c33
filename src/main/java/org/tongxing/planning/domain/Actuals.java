package org.tongxing.planning.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignMeasure;
import org.tongxing.planning.Measure;

/**
 * The actuals of campaigns: asks every {@link CampaignMeasure} once for all the campaigns
 * and adds up what they report per campaign and measure, so a module that starts counting
 * (service hours, money raised) shows up without a change here.
 */
@Component
public class Actuals {

	private final List<CampaignMeasure> measures;

	public Actuals(List<CampaignMeasure> measures) {
		this.measures = List.copyOf(measures);
	}

	/**
	 * The summed actuals; a campaign nothing counted is absent, a measure nothing counted
	 * for a campaign is absent from its map.
	 */
	public Map<CampaignId, Map<Measure, BigDecimal>> of(Set<CampaignId> campaigns) {
		Map<CampaignId, Map<Measure, BigDecimal>> sums = new HashMap<>();
		if (campaigns.isEmpty()) {
			return sums;
		}
		Set<CampaignId> asked = Set.copyOf(campaigns);
		for (CampaignMeasure measure : this.measures) {
			measure.measure(asked).forEach((campaign, values) -> {
				// a measure answering for a campaign it was not asked about is ignored
				if (asked.contains(campaign) && values != null) {
					Map<Measure, BigDecimal> sum = sums.computeIfAbsent(campaign, (c) -> new EnumMap<>(Measure.class));
					values.forEach((key, value) -> {
						if (value != null) {
							sum.merge(key, value, BigDecimal::add);
						}
					});
				}
			});
		}
		return sums;
	}

}
