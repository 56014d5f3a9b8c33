package org.tongxing.servicerecord;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;

/**
 * The working-day calendar from the database and the deadline for confirming a record:
 * {@code tongxing.servicerecord.deadline-working-days} (10, as the national measures ask)
 * working days after the service. Coordinators keep each year's holidays and make-up
 * days.
 */
@Service
public class WorkingCalendar {

	/** A day that is not as Monday to Friday would have it. */
	public record Exception(LocalDate day, boolean working, String name) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final int deadlineDays;

	WorkingCalendar(JdbcClient jdbc, AuditLog audit,
			@Value("${tongxing.servicerecord.deadline-working-days:10}") int deadlineDays) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.deadlineDays = deadlineDays;
	}

	@Transactional(readOnly = true)
	public WorkingDays days() {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		this.jdbc.sql("select day, working from working_day_exception")
			.query((rs, n) -> exceptions.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working")))
			.list();
		return new WorkingDays(exceptions);
	}

	/** The last day to confirm the record of a service on {@code serviceDay}. */
	public LocalDate dueOn(LocalDate serviceDay) {
		return days().plusWorkingDays(serviceDay, this.deadlineDays);
	}

	public int deadlineDays() {
		return this.deadlineDays;
	}

	@Transactional(readOnly = true)
	public List<Exception> exceptions(int year) {
		return this.jdbc
			.sql("select day, working, name from working_day_exception where day >= ? and day < ? order by day")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new Exception(rs.getObject("day", LocalDate.class), rs.getBoolean("working"),
					rs.getString("name")))
			.list();
	}

	/** Sets a day's exception (coordinators only). */
	@Transactional
	public void set(UnitScope scope, LocalDate day, boolean working, String name) {
		scope.requireCoordinator();
		this.jdbc.sql("""
				insert into working_day_exception (day, working, name) values (?, ?, ?)
				on conflict (day) do update set working = excluded.working, name = excluded.name""")
			.params(day, working, name)
			.update();
		this.audit.record("working_day", day, "set", null, Map.of("working", working, "name", name));
	}

	/** Makes a day ordinary again (coordinators only). */
	@Transactional
	public void remove(UnitScope scope, LocalDate day) {
		scope.requireCoordinator();
		if (this.jdbc.sql("delete from working_day_exception where day = ?").param(day).update() > 0) {
			this.audit.record("working_day", day, "remove", null, null);
		}
	}

}
