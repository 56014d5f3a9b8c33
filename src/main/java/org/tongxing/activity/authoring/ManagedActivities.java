package org.tongxing.activity.authoring;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitScope.SqlPredicate;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;

/**
 * The organisers' list: the activities of the units a scope sees, filtered and paged.
 * Archived activities appear only when asked for by status. The scope is applied in SQL,
 * so a filter can never reach outside it.
 */
@Service
public class ManagedActivities {

	private final JdbcClient jdbc;

	private final Units units;

	ManagedActivities(JdbcClient jdbc, Units units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/** One row of the list. */
	public record Row(ActivityId id, String title, UnitId unit, CampaignId campaign, ActivityStatus status,
			Instant nextStart, ZoneId nextZone, int sessions) {
	}

	/** One page of rows and the number of all matching. */
	public record Page(List<Row> rows, long total, int number, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < pages();
		}

	}

	@Transactional(readOnly = true)
	Page search(UnitScope scope, ManageFilterForm filter) {
		SqlPredicate units = scope.unitIdPredicate("a.unit_id");
		if (filter.getUnit() != null) {
			// the chosen unit's subtree, when the scope sees it (it lies inside the scope
			// then)
			units = this.units.find(scope, new UnitId(filter.getUnit()))
				.map(UnitView::path)
				.map((path) -> UnitScope.subtrees(List.of(path)).unitIdPredicate("a.unit_id"))
				.orElse(new SqlPredicate("false", Map.of()));
		}
		StringBuilder where = new StringBuilder(" where ").append(units.sql());
		Map<String, Object> parameters = new HashMap<>(units.parameters());
		if (filter.getStatus() != null) {
			where.append(" and a.status = :status");
			parameters.put("status", filter.getStatus().name());
		}
		else {
			where.append(" and a.status <> 'ARCHIVED'");
		}
		if (filter.getCampaign() != null) {
			where.append(" and a.campaign_id = :campaign");
			parameters.put("campaign", filter.getCampaign());
		}
		if (filter.getQ() != null && !filter.getQ().isBlank()) {
			where.append(" and a.title ilike :q escape '\\'");
			parameters.put("q", "%" + like(filter.getQ().strip()) + "%");
		}
		long total = this.jdbc.sql("select count(*) from activity a" + where)
			.params(parameters)
			.query(Long.class)
			.single();
		int size = ManageFilterForm.PAGE_SIZE;
		int number = (int) Math.min(filter.getPage(), Math.max(0, (total - 1) / size));
		parameters.put("limit", size);
		parameters.put("offset", (long) number * size);
		List<Row> rows = this.jdbc.sql("""
				select a.id, a.title, a.unit_id, a.campaign_id, a.status, n.starts_at as next_start,
				       n.time_zone as next_zone,
				       (select count(*) from activity_session c where c.activity_id = a.id and c.status = 'SCHEDULED')
				           as sessions
				from activity a
				left join lateral (
				    select s.starts_at, s.time_zone from activity_session s
				    where s.activity_id = a.id and s.status = 'SCHEDULED' and s.ends_at > now()
				    order by s.starts_at limit 1) n on true
				""" + where + """

				order by (n.starts_at is null), n.starts_at, a.created_at desc, a.id desc
				limit :limit offset :offset""").params(parameters).query((rs, n) -> {
			long campaign = rs.getLong("campaign_id");
			CampaignId campaignId = rs.wasNull() ? null : new CampaignId(campaign);
			OffsetDateTime next = rs.getObject("next_start", OffsetDateTime.class);
			String zone = rs.getString("next_zone");
			return new Row(new ActivityId(rs.getLong("id")), rs.getString("title"), new UnitId(rs.getLong("unit_id")),
					campaignId, ActivityStatus.valueOf(rs.getString("status")),
					(next != null) ? next.toInstant() : null, (zone != null) ? ZoneId.of(zone) : null,
					rs.getInt("sessions"));
		}).list();
		return new Page(rows, total, number, size);
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
