package org.tongxing.activity;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignMeasure;
import org.tongxing.planning.Measure;

/**
 * What activities count toward their campaigns: the activities published or held (not
 * drafts, not cancelled), the participations (confirmed sign-ups; no-shows do not count)
 * and the people served that completed activities reported.
 */
@Component
class ActivityMeasure implements CampaignMeasure {

	private final JdbcClient jdbc;

	ActivityMeasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<CampaignId, Map<Measure, BigDecimal>> measure(Set<CampaignId> campaigns) {
		Map<CampaignId, Map<Measure, BigDecimal>> result = new HashMap<>();
		if (campaigns.isEmpty()) {
			return result;
		}
		List<Long> ids = campaigns.stream().map(CampaignId::value).toList();
		this.jdbc.sql("""
				select a.campaign_id, count(*) as activities, coalesce(sum(a.people_served), 0) as people_served,
				       coalesce(sum((select count(*) from signup g join activity_session s on s.id = g.session_id
				                     where s.activity_id = a.id and g.status = 'CONFIRMED')), 0) as participations
				from activity a
				where a.campaign_id in (:ids) and a.status in ('PUBLISHED', 'COMPLETED', 'ARCHIVED')
				  -- an archived activity that was cancelled keeps its cancellation reason; a completed one has none
				  and not (a.status = 'ARCHIVED' and a.status_reason is not null)
				group by a.campaign_id""").param("ids", ids).query((rs, n) -> {
			Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
			values.put(Measure.ACTIVITIES, BigDecimal.valueOf(rs.getLong("activities")));
			values.put(Measure.PARTICIPATIONS, BigDecimal.valueOf(rs.getLong("participations")));
			values.put(Measure.PEOPLE_SERVED, BigDecimal.valueOf(rs.getLong("people_served")));
			return result.put(new CampaignId(rs.getLong("campaign_id")), values);
		}).list();
		return result;
	}

}
