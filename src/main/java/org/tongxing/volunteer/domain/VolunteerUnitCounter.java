package org.tongxing.volunteer.domain;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.organisation.UnitCount;
import org.tongxing.organisation.UnitCounter;
import org.tongxing.organisation.UnitView;

/**
 * Volunteers on a unit's page: active ones of the unit itself and of its whole subtree,
 * and applicants waiting in the subtree; one query.
 */
@Component
@Order(10)
class VolunteerUnitCounter implements UnitCounter {

	private final JdbcClient jdbc;

	VolunteerUnitCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<UnitCount> count(UnitView unit) {
		return this.jdbc.sql("""
				select count(*) filter (where v.status = 'ACTIVE' and v.unit_id = :id) as own,
				       count(*) filter (where v.status = 'ACTIVE') as subtree,
				       count(*) filter (where v.status = 'APPLICANT') as applicants
				from volunteer v join unit u on u.id = v.unit_id
				where u.path like :prefix""")
			.param("id", unit.id().value())
			.param("prefix", unit.path() + "%")
			.query((rs, row) -> List.of(new UnitCount("volunteer.count.active", rs.getLong("own")),
					new UnitCount("volunteer.count.activeInSubtree", rs.getLong("subtree")),
					new UnitCount("volunteer.count.applicants", rs.getLong("applicants"))))
			.single();
	}

}
