package org.tongxing.organisation.domain;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.organisation.UnitCount;
import org.tongxing.organisation.UnitCounter;
import org.tongxing.organisation.UnitView;

/**
 * Sub-units (direct and all descendants) and admins of a unit, in one query.
 */
@Component
@Order(0)
class OrganisationUnitCounter implements UnitCounter {

	private final JdbcClient jdbc;

	OrganisationUnitCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<UnitCount> count(UnitView unit) {
		return this.jdbc.sql("""
				select (select count(*) from unit c where c.parent_id = :id) as direct,
				       (select count(*) from unit d where d.path like :prefix and d.id <> :id) as descendants,
				       (select count(*) from unit_admin a where a.unit_id = :id) as admins""")
			.param("id", unit.id().value())
			.param("prefix", unit.path() + "%")
			.query((rs, row) -> List.of(new UnitCount("organisation.count.directSubUnits", rs.getLong("direct")),
					new UnitCount("organisation.count.allDescendants", rs.getLong("descendants")),
					new UnitCount("organisation.count.admins", rs.getLong("admins"))))
			.single();
	}

}
