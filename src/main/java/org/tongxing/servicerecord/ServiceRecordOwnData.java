package org.tongxing.servicerecord;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.volunteer.OwnDataSource;
import org.tongxing.volunteer.VolunteerId;

/**
 * A volunteer's service records for their own-data export: every ledger entry, their
 * attendances (with the check-in point, where one was kept), training, awards,
 * evaluations, resolved complaints (open ones are still being looked into) and
 * certificates.
 *
 * <p>
 * Withdrawn training, awards, evaluations and complaints are exported too, each with
 * {@code withdrawnAt} and {@code withdrawReason}: the volunteer's page no longer shows
 * them, but the platform still holds them, and the right of access (PIPL art. 45) covers
 * all the data held about the person. A withdrawn complaint is exported even when it was
 * never resolved, since nobody looks into it any more. Entries still in force have both
 * columns empty.
 */
@Component
class ServiceRecordOwnData implements OwnDataSource {

	private final JdbcClient jdbc;

	ServiceRecordOwnData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, List<Map<String, Object>>> ownData(VolunteerId volunteer) {
		Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
		sections.put("serviceRecords", rows("""
				select id, kind, corrects_id, activity_name, service_date, place, content, hours, status,
				       organising_unit_name, lead_name, recording_unit_name, reason, recorded_at, decided_at,
				       decision_note
				from service_entry where volunteer_id = ? order by service_date, id""", volunteer));
		sections.put("attendance", rows("""
				select s.starts_at as session_starts_at, a.title as activity, t.checked_in_at, t.check_in_method,
				       t.checked_out_at, t.check_out_method, t.latitude, t.longitude, t.auto_closed
				from attendance t join activity_session s on s.id = t.session_id join activity a on a.id = s.activity_id
				where t.volunteer_id = ? order by t.checked_in_at""", volunteer));
		sections.put("training", rows("""
				select name, content, hours, organiser, held_on, withdrawn_at, withdraw_reason from training_record
				where volunteer_id = ? order by held_on, id""", volunteer));
		sections.put("awards", rows("""
				select name, awarded_on, awarding_body, government, withdrawn_at, withdraw_reason from award
				where volunteer_id = ? order by awarded_on, id""", volunteer));
		sections.put("evaluations", rows("""
				select rating, evaluated_on, evaluator, comment, withdrawn_at, withdraw_reason from evaluation
				where volunteer_id = ? order by evaluated_on, id""", volunteer));
		sections.put("complaints",
				rows("""
						select received_on, content, status, resolution, resolved_at, withdrawn_at, withdraw_reason from complaint
						where volunteer_id = ? and (status <> 'OPEN' or withdrawn_at is not null) order by received_on, id""",
						volunteer));
		sections.put("certificates", rows("""
				select number, period_from, period_to, hours, issuer_name, issued_at, revoked_at, revoke_reason
				from certificate where volunteer_id = ? order by issued_at, id""", volunteer));
		return sections;
	}

	private List<Map<String, Object>> rows(String sql, VolunteerId volunteer) {
		return this.jdbc.sql(sql).param(volunteer.value()).query().listOfRows().stream().map((row) -> {
			Map<String, Object> values = new LinkedHashMap<>();
			row.forEach((column, value) -> values.put(camel(column), plain(value)));
			return values;
		}).toList();
	}

	/** Values as the export writes them: instants and dates as ISO text. */
	private static Object plain(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof Temporal temporal) {
			return temporal.toString();
		}
		return value;
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
