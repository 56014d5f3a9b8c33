package org.tongxing.servicerecord.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The service records of a unit's subtree for a period, in the national platforms' fields
 * ({@link NationalColumns}): confirmed sessions and self-declared hours recorded by a
 * unit of the subtree with a service date in the period, one row per original entry at
 * its standing hours (its confirmed corrections folded in, the latest one's content
 * standing). For admins who manage the unit. ID numbers are only ever masked. Each export
 * is recorded in the audit log (unit, period, format, row count).
 */
@Service
public class NationalExport {

	static final String AUDIT_ENTITY = "service-record-export";

	private final JdbcClient jdbc;

	private final Units units;

	private final Volunteers volunteers;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ZoneId zone;

	NationalExport(JdbcClient jdbc, Units units, Volunteers volunteers, Accounts accounts, AuditLog audit,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.units = units;
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.audit = audit;
		this.zone = zone;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * The rows, and the export recorded in the audit log.
	 * @throws org.tongxing.organisation.UnitNotFoundException when the scope does not see
	 * the unit
	 * @throws org.springframework.security.access.AccessDeniedException when it does not
	 * manage it
	 */
	@Transactional
	public List<NationalRow> export(UnitScope scope, UnitId unitId, LocalDate from, LocalDate to, String format) {
		UnitView unit = this.units.get(scope, unitId);
		scope.requireMayManage(unit);
		List<NationalRow> rows = rows(unit, from, to);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("unit", unit.id().value());
		state.put("from", from.toString());
		state.put("to", to.toString());
		state.put("format", format);
		state.put("rows", rows.size());
		this.audit.record(AUDIT_ENTITY, UUID.randomUUID().toString(), "exported", null, state);
		return rows;
	}

	private List<NationalRow> rows(UnitView unit, LocalDate from, LocalDate to) {
		List<Raw> raws = this.jdbc.sql("""
				select e.id, e.volunteer_id, e.activity_name, e.service_date, e.place, e.content, e.hours,
				       e.organising_unit_name, e.lead_name, e.recording_unit_name, e.decided_at, e.decided_by,
				       coalesce(c.delta, 0) as delta, c.corrections, latest.content as corrected_content,
				       latest.place as corrected_place
				from service_entry e
				join unit ru on ru.id = e.recording_unit_id
				cross join lateral (select sum(x.hours) as delta, count(*) as corrections from service_entry x
				                    where x.corrects_id = e.id and x.status = 'CONFIRMED') c
				left join lateral (select x.content, x.place from service_entry x
				                   where x.corrects_id = e.id and x.status = 'CONFIRMED'
				                   order by x.decided_at desc, x.id desc limit 1) latest on true
				where e.kind <> 'CORRECTION' and e.status = 'CONFIRMED'
				  and ru.path like :path and e.service_date >= :from and e.service_date <= :to
				order by e.service_date, e.id""")
			.param("path", unit.path() + "%")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Raw(rs.getLong("id"), new VolunteerId(rs.getLong("volunteer_id")),
					rs.getString("activity_name"), rs.getObject("service_date", LocalDate.class),
					(rs.getString("corrected_place") != null) ? rs.getString("corrected_place") : rs.getString("place"),
					(rs.getString("corrected_content") != null) ? rs.getString("corrected_content")
							: rs.getString("content"),
					rs.getBigDecimal("hours"), rs.getBigDecimal("delta"), rs.getInt("corrections"),
					rs.getString("organising_unit_name"), rs.getString("lead_name"),
					rs.getString("recording_unit_name"), rs.getObject("decided_at", OffsetDateTime.class),
					(Long) rs.getObject("decided_by", Long.class)))
			.list();
		Map<VolunteerId, VolunteerView> people = this.volunteers
			.views(raws.stream().map(Raw::volunteer).distinct().toList());
		Map<Long, String> recorders = new HashMap<>();
		return raws.stream().map((raw) -> {
			VolunteerView volunteer = people.get(raw.volunteer());
			String recorder = (raw.decidedBy() == null) ? null : recorders.computeIfAbsent(raw.decidedBy(),
					(id) -> this.accounts.find(new AccountId(id)).map(AccountView::displayName).orElse(null));
			return new NationalRow(raw.id(), (volunteer != null) ? volunteer.number() : null,
					(volunteer != null) ? volunteer.name() : null, (volunteer != null) ? volunteer.idType() : null,
					(volunteer != null) ? volunteer.idNumberMasked() : null, raw.activityName(), raw.serviceDate(),
					raw.place(), raw.content(), raw.hours().add(raw.delta()), raw.hours(), raw.corrections(),
					raw.organisingUnit(), raw.lead(), raw.recordingUnit(),
					(raw.decidedAt() != null) ? raw.decidedAt().toInstant() : null, recorder);
		}).toList();
	}

	private record Raw(long id, VolunteerId volunteer, String activityName, LocalDate serviceDate, String place,
			String content, java.math.BigDecimal hours, java.math.BigDecimal delta, int corrections,
			String organisingUnit, String lead, String recordingUnit, OffsetDateTime decidedAt, Long decidedBy) {
	}

}
