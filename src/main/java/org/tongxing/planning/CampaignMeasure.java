package org.tongxing.planning;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Counts actuals of campaigns for the plan page: a module that knows a measure
 * (activities and participations, service hours, money raised) provides a bean; the plan
 * adds up what every bean reports. Implementations answer with one query for all the
 * campaigns, and leave out campaigns and measures they do not count.
 */
public interface CampaignMeasure {

	Map<CampaignId, Map<Measure, BigDecimal>> measure(Set<CampaignId> campaigns);

}
