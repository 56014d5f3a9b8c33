package org.tongxing.organisation.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appointments of accounts as unit admins ({@code unit_admin}); one row per unit and
 * account.
 */
@Repository
public class UnitAdminRepository {

	private final JdbcClient jdbc;

	UnitAdminRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the appointment is new
	 */
	public boolean appoint(long unitId, long accountId, Long appointedBy) {
		return this.jdbc.sql("""
				insert into unit_admin (unit_id, account_id, appointed_by) values (:unit, :account, :by)
				on conflict (unit_id, account_id) do nothing""")
			.param("unit", unitId)
			.param("account", accountId)
			.param("by", appointedBy)
			.update() == 1;
	}

	/**
	 * @return whether there was such an appointment
	 */
	public boolean remove(long unitId, long accountId) {
		return this.jdbc.sql("delete from unit_admin where unit_id = :unit and account_id = :account")
			.param("unit", unitId)
			.param("account", accountId)
			.update() == 1;
	}

	public List<Appointment> findByUnit(long unitId) {
		return this.jdbc
			.sql("select account_id, appointed_at, appointed_by from unit_admin where unit_id = :unit "
					+ "order by appointed_at, account_id")
			.param("unit", unitId)
			.query((rs, row) -> {
				long by = rs.getLong("appointed_by");
				Long appointedBy = rs.wasNull() ? null : by;
				Timestamp at = rs.getTimestamp("appointed_at");
				return new Appointment(rs.getLong("account_id"), at.toInstant(), appointedBy);
			})
			.list();
	}

	/** The paths of the units the account admins. */
	public List<String> pathsAdministeredBy(long accountId) {
		return this.jdbc
			.sql("select u.path from unit_admin a join unit u on u.id = a.unit_id where a.account_id = :account")
			.param("account", accountId)
			.query(String.class)
			.list();
	}

	public boolean administersAny(long accountId) {
		return this.jdbc.sql("select count(*) > 0 from unit_admin where account_id = :account")
			.param("account", accountId)
			.query(Boolean.class)
			.single();
	}

	/** One appointment. */
	public record Appointment(long accountId, Instant appointedAt, Long appointedBy) {
	}

}
