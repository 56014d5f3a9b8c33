package org.tongxing.activity.domain;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.organisation.UnitCount;
import org.tongxing.organisation.UnitCounter;
import org.tongxing.organisation.UnitView;

/**
 * Activities on a unit's page: those the unit organises that are published, and those of
 * its whole subtree with a session still to come; one query.
 */
@Component
@Order(20)
class ActivityUnitCounter implements UnitCounter {

	private final JdbcClient jdbc;

	ActivityUnitCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<UnitCount> count(UnitView unit) {
		return this.jdbc.sql("""
				select count(*) filter (where a.unit_id = :id and a.status = 'PUBLISHED') as own,
				       count(*) filter (where a.status = 'PUBLISHED' and exists (
				           select 1 from activity_session s where s.activity_id = a.id and s.starts_at > now()
				             and s.status = 'SCHEDULED')) as upcoming
				from activity a join unit u on u.id = a.unit_id
				where u.path like :prefix""")
			.param("id", unit.id().value())
			.param("prefix", unit.path() + "%")
			.query((rs, row) -> List.of(new UnitCount("activity.count.published", rs.getLong("own")),
					new UnitCount("activity.count.upcomingInSubtree", rs.getLong("upcoming"))))
			.single();
	}

}
