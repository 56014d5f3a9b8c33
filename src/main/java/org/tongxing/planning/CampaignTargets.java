package org.tongxing.planning;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * A campaign's optional targets; a missing measure has no target.
 */
public record CampaignTargets(Map<Measure, BigDecimal> values) {

	public CampaignTargets {
		EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
		values.forEach((measure, value) -> {
			if (value != null) {
				copy.put(measure, value);
			}
		});
		values = Map.copyOf(copy);
	}

	public static CampaignTargets none() {
		return new CampaignTargets(Map.of());
	}

	public static CampaignTargets of(Measure measure, long value) {
		return new CampaignTargets(Map.of(measure, BigDecimal.valueOf(value)));
	}

	public CampaignTargets with(Measure measure, BigDecimal value) {
		EnumMap<Measure, BigDecimal> copy = new EnumMap<>(Measure.class);
		copy.putAll(this.values);
		copy.put(measure, value);
		return new CampaignTargets(copy);
	}

	public BigDecimal get(Measure measure) {
		return this.values.get(measure);
	}

}
