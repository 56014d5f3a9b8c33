package org.tongxing.activity.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.Approval;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.Visibility;

/**
 * Reads {@link Slot}s; {@link #lock} also locks the position's row, which serialises
 * every change of its places.
 */
@Component
public class Slots {

	private static final String SELECT = """
			select p.id, p.name, p.capacity, p.taken, p.approval, p.min_age, p.required_skills, p.required_languages,
			       p.required_qualifications, s.id as session_id, s.starts_at, s.ends_at, s.time_zone,
			       s.status as session_status, s.signup_opens_at, s.signup_closes_at, a.id as activity_id,
			       a.title, a.status as activity_status, a.visibility, a.visibility_unit_id, a.unit_id,
			       a.cancel_deadline_hours
			from session_position p join activity_session s on s.id = p.session_id join activity a on a.id = s.activity_id
			where p.id = ?
			""";

	private final JdbcClient jdbc;

	Slots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Slot> find(PositionId id) {
		return this.jdbc.sql(SELECT).param(id.value()).query(Slots::slot).optional();
	}

	/** The slot, its position row locked until the transaction ends. */
	public Optional<Slot> lock(PositionId id) {
		return this.jdbc.sql(SELECT + " for update of p").param(id.value()).query(Slots::slot).optional();
	}

	private static Slot slot(ResultSet rs, int row) throws SQLException {
		return new Slot(new PositionId(rs.getLong("id")), rs.getString("name"), rs.getInt("capacity"),
				rs.getInt("taken"), Approval.valueOf(rs.getString("approval")), rs.getObject("min_age", Integer.class),
				strings(rs.getArray("required_skills")), strings(rs.getArray("required_languages")),
				strings(rs.getArray("required_qualifications")), new SessionId(rs.getLong("session_id")),
				instant(rs, "starts_at"), instant(rs, "ends_at"), ZoneId.of(rs.getString("time_zone")),
				"CANCELLED".equals(rs.getString("session_status")), instant(rs, "signup_opens_at"),
				instant(rs, "signup_closes_at"), new ActivityId(rs.getLong("activity_id")), rs.getString("title"),
				ActivityStatus.valueOf(rs.getString("activity_status")), Visibility.valueOf(rs.getString("visibility")),
				rs.getObject("visibility_unit_id", Long.class), rs.getLong("unit_id"),
				rs.getInt("cancel_deadline_hours"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Set<String> strings(Array array) throws SQLException {
		return (array != null) ? Set.of((String[]) array.getArray()) : Set.of();
	}

}
