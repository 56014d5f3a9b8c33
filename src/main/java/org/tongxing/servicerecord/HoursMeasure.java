package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignMeasure;
import org.tongxing.planning.Measure;

/** Confirmed service hours toward their activities' campaigns (corrections included). */
@Component
class HoursMeasure implements CampaignMeasure {

	private final JdbcClient jdbc;

	HoursMeasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<CampaignId, Map<Measure, BigDecimal>> measure(Set<CampaignId> campaigns) {
		Map<CampaignId, Map<Measure, BigDecimal>> result = new HashMap<>();
		if (campaigns.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				select campaign_id, sum(hours) as hours from service_entry
				where campaign_id in (:ids) and status = 'CONFIRMED' group by campaign_id""")
			.param("ids", campaigns.stream().map(CampaignId::value).toList())
			.query((rs, n) -> {
				Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
				values.put(Measure.HOURS, rs.getBigDecimal("hours"));
				return result.put(new CampaignId(rs.getLong("campaign_id")), values);
			})
			.list();
		return result;
	}

}
