package org.tongxing.servicerecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Check-in and check-out. A volunteer with a confirmed sign-up scans the session's
 * rotating QR code or types its 6-digit code (from the window's opening,
 * {@code tongxing.servicerecord.check-in.opens-before} before the start, to
 * {@code closes-after} after the end), once to check in and again to check out; an
 * organiser scans volunteers' cards the same way, or marks attendance on the roster.
 * <p>
 * Idempotent by design: one attendance per volunteer and session (a unique key, taken by
 * {@code insert ... on conflict do nothing}), the row locked while it changes; a second
 * scan within {@code tongxing.servicerecord.check-in.repeat-within} of checking in is the
 * same check-in, any scan after checking out the same check-out. The check-out makes the
 * pending service entry ({@link ServiceRecords#recordAttendance}); an attendance still
 * open when the window closes is closed at the session's end and flagged for the
 * organiser.
 */
@Service
public class CheckIns {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final SignUps signUps;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final CheckInTokens tokens;

	private final AuditLog audit;

	private final Duration opensBefore;

	private final Duration closesAfter;

	private final Duration repeatWithin;

	CheckIns(JdbcClient jdbc, Activities activities, SignUps signUps, Volunteers volunteers, ServiceRecords records,
			CheckInTokens tokens, AuditLog audit,
			@Value("${tongxing.servicerecord.check-in.opens-before:PT1H}") Duration opensBefore,
			@Value("${tongxing.servicerecord.check-in.closes-after:PT2H}") Duration closesAfter,
			@Value("${tongxing.servicerecord.check-in.repeat-within:PT10M}") Duration repeatWithin) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.records = records;
		this.tokens = tokens;
		this.audit = audit;
		this.opensBefore = opensBefore;
		this.closesAfter = closesAfter;
		this.repeatWithin = repeatWithin;
	}

	// --- the organiser's screen

	/** The code to show now on a session's check-in screen (organisers only). */
	public CheckInTokens.Rotating currentCode(UnitScope scope, SessionId session, Instant now) {
		this.activities.manage(scope, session(session).activity());
		return this.tokens.current(session, now);
	}

	// --- the volunteer's side

	/**
	 * A scan of the session's QR code by a signed-in volunteer.
	 * @param scannedAt when the code was first read (it may have been before signing in)
	 * @param point where the volunteer is, when they agreed to tell (needed in a
	 * geofence)
	 */
	@Transactional
	public ScanResult scanQr(AccountId account, String token, Instant scannedAt, GeoPoint point, Instant now) {
		SessionId session = this.tokens.verify(token, scannedAt)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.checkin.code-expired"));
		return toggle(session, volunteerOf(account).id(), CheckInMethod.QR, null, point, now);
	}

	/** The session a QR token is for, if genuine and still fresh at {@code scannedAt}. */
	public Optional<SessionView> sessionOfToken(String token, Instant scannedAt) {
		return this.tokens.verify(token, scannedAt).flatMap(this.activities::findSession);
	}

	/**
	 * A typed 6-digit code: matched against the sessions the volunteer holds a place in
	 * whose check-in window is open now.
	 */
	@Transactional
	public ScanResult enterCode(AccountId account, String code, GeoPoint point, Instant now) {
		VolunteerView volunteer = volunteerOf(account);
		String typed = (code == null) ? "" : code.replaceAll("\\s", "");
		List<SignUpView> held = this.signUps.confirmedDuring(volunteer.id(), now.minus(this.closesAfter),
				now.plus(this.opensBefore));
		for (SignUpView signUp : held) {
			if (this.tokens.codeMatches(signUp.session(), typed, now)) {
				return toggle(signUp.session(), volunteer.id(), CheckInMethod.CODE, null, point, now);
			}
		}
		throw new ServiceRecordException("servicerecord.checkin.code-wrong");
	}

	// --- the organiser's side

	/** A volunteer's card scanned by an organiser of the session. */
	@Transactional
	public ScanResult scanCard(UnitScope scope, SessionId session, String cardText, AccountId by, Instant now) {
		this.activities.manage(scope, session(session).activity());
		String number = this.tokens.cardNumber(cardText)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.checkin.card-unknown"));
		VolunteerView volunteer = this.volunteers.findByNumber(number)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.checkin.card-unknown"));
		return toggle(session, volunteer.id(), CheckInMethod.CARD, by, null, now);
	}

	/**
	 * Marks volunteers with a place as attended from {@code from} to {@code to} (bulk
	 * attendance from the roster). An open attendance is closed at {@code to}; a closed
	 * one stays as it is.
	 * @return how many attendances changed
	 */
	@Transactional
	public int markAttended(UnitScope scope, SessionId session, List<VolunteerId> volunteers, Instant from, Instant to,
			AccountId by) {
		SessionView found = session(session);
		this.activities.manage(scope, found.activity());
		if (from == null || to == null || to.isBefore(from)) {
			throw new ServiceRecordException("servicerecord.invalid.times");
		}
		int changed = 0;
		for (VolunteerId volunteer : volunteers) {
			SignUpView signUp = this.signUps.confirmedFor(volunteer, session)
				.orElseThrow(() -> new ServiceRecordException("servicerecord.checkin.not-signed-up"));
			Long id = this.jdbc
				.sql("""
						insert into attendance (session_id, volunteer_id, position_id, checked_in_at, check_in_method, checked_in_by,
						  checked_out_at, check_out_method, checked_out_by)
						values (?, ?, ?, ?, 'ROSTER', ?, ?, 'ROSTER', ?)
						on conflict (session_id, volunteer_id) do update set checked_out_at = greatest(excluded.checked_out_at,
						  attendance.checked_in_at), check_out_method = 'ROSTER', checked_out_by = excluded.checked_out_by
						where attendance.checked_out_at is null
						returning id""")
				.params(session.value(), volunteer.value(), signUp.position().value(), ServiceRecords.utc(from),
						by.value(), ServiceRecords.utc(to), by.value())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				this.records.recordAttendance(id);
				this.audit.record("attendance", id, "mark-attended", null,
						Map.of("session", session.value(), "volunteer", volunteer.value()));
				changed++;
			}
		}
		return changed;
	}

	/**
	 * The organiser sets an attendance's times (confirming an automatically closed one);
	 * the pending entry follows. Refused once the entry is confirmed or rejected.
	 */
	@Transactional
	public void correctTimes(UnitScope scope, long attendanceId, Instant in, Instant out, AccountId by) {
		AttendanceView attendance = find(attendanceId);
		this.activities.manage(scope, session(attendance.session()).activity());
		if (in == null || out == null || out.isBefore(in)) {
			throw new ServiceRecordException("servicerecord.invalid.times");
		}
		// the times are what the record was made from: once it is decided, only a
		// correction
		if (this.jdbc.sql("select count(*) from service_entry where attendance_id = ? and status <> 'PENDING'")
			.param(attendanceId)
			.query(Integer.class)
			.single() > 0) {
			throw new ServiceRecordException("servicerecord.state.already-decided");
		}
		this.jdbc.sql("""
				update attendance set checked_in_at = ?, checked_out_at = ?,
				  check_out_method = coalesce(check_out_method, 'ROSTER'), checked_out_by = coalesce(checked_out_by, ?),
				  reviewed_at = now(), reviewed_by = ? where id = ?""")
			.params(ServiceRecords.utc(in), ServiceRecords.utc(out), by.value(), by.value(), attendanceId)
			.update();
		this.records.recordAttendance(attendanceId);
		this.audit.record(
				"attendance", attendanceId, "correct-times", Map.of("in", String.valueOf(attendance.checkedInAt()),
						"out", String.valueOf(attendance.checkedOutAt())),
				Map.of("in", in.toString(), "out", out.toString()));
	}

	/**
	 * Closes, at the session's end, every attendance still open when the check-out window
	 * has closed, and flags it for review (the job).
	 * @return how many were closed
	 */
	@Transactional
	public int closeMissing(Instant now) {
		List<Long> closed = this.jdbc
			.sql("""
					update attendance t set checked_out_at = greatest(s.ends_at, t.checked_in_at), check_out_method = 'AUTO',
					  auto_closed = true
					from activity_session s
					where s.id = t.session_id and t.checked_out_at is null and s.ends_at < ?
					returning t.id""")
			.param(ServiceRecords.utc(now.minus(this.closesAfter)))
			.query(Long.class)
			.list();
		closed.forEach(this.records::recordAttendance);
		return closed.size();
	}

	// --- geofence

	@Transactional(readOnly = true)
	public Optional<Geofence> geofence(SessionId session) {
		return this.jdbc.sql("select latitude, longitude, radius_m from session_geofence where session_id = ?")
			.param(session.value())
			.query((rs, n) -> new Geofence(new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")),
					rs.getInt("radius_m")))
			.optional();
	}

	/** Sets (or, null, removes) a session's geofence. */
	@Transactional
	public void setGeofence(UnitScope scope, SessionId session, Geofence fence, AccountId by) {
		this.activities.manage(scope, session(session).activity());
		if (fence == null) {
			this.jdbc.sql("delete from session_geofence where session_id = ?").param(session.value()).update();
		}
		else {
			if (fence.radiusMetres() < 20 || fence.radiusMetres() > 5000) {
				throw new ServiceRecordException("servicerecord.invalid.radius");
			}
			this.jdbc.sql("""
					insert into session_geofence (session_id, latitude, longitude, radius_m) values (?, ?, ?, ?)
					on conflict (session_id) do update set latitude = excluded.latitude, longitude = excluded.longitude,
					  radius_m = excluded.radius_m""")
				.params(session.value(), fence.centre().latitude(), fence.centre().longitude(), fence.radiusMetres())
				.update();
		}
		this.audit.record("activity_session", session.value(), "geofence", null,
				(fence != null) ? Map.of("radius", fence.radiusMetres()) : null);
	}

	// --- reads

	@Transactional(readOnly = true)
	public AttendanceView find(long id) {
		return this.jdbc.sql("select * from attendance where id = ?")
			.param(id)
			.query(CheckIns::attendance)
			.optional()
			.orElseThrow(() -> new ServiceRecordNotFoundException("attendance", id));
	}

	@Transactional(readOnly = true)
	public Optional<AttendanceView> find(VolunteerId volunteer, SessionId session) {
		return this.jdbc.sql("select * from attendance where volunteer_id = ? and session_id = ?")
			.params(volunteer.value(), session.value())
			.query(CheckIns::attendance)
			.optional();
	}

	/** A session's attendances, for an organiser of its activity. */
	@Transactional(readOnly = true)
	public List<AttendanceView> ofSession(UnitScope scope, SessionId session) {
		this.activities.manage(scope, session(session).activity());
		return this.jdbc.sql("select * from attendance where session_id = ? order by checked_in_at, id")
			.param(session.value())
			.query(CheckIns::attendance)
			.list();
	}

	// --- the one way an attendance changes by a scan

	@Transactional
	ScanResult toggle(SessionId sessionId, VolunteerId volunteer, CheckInMethod method, AccountId by, GeoPoint point,
			Instant now) {
		SessionView session = session(sessionId);
		ActivityView activity = this.activities.find(session.activity())
			.orElseThrow(() -> new ServiceRecordNotFoundException("activity", session.activity()));
		if (session.cancelled()
				|| (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.COMPLETED)) {
			throw new ServiceRecordException("servicerecord.checkin.session-not-running");
		}
		if (now.isBefore(session.startsAt().minus(this.opensBefore))) {
			throw new ServiceRecordException("servicerecord.checkin.too-early");
		}
		if (now.isAfter(session.endsAt().plus(this.closesAfter))) {
			throw new ServiceRecordException("servicerecord.checkin.too-late");
		}
		SignUpView signUp = this.signUps.confirmedFor(volunteer, sessionId)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.checkin.not-signed-up"));
		if (method == CheckInMethod.QR || method == CheckInMethod.CODE) {
			Optional<Geofence> fence = geofence(sessionId);
			if (fence.isPresent()) {
				if (point == null) {
					throw new ServiceRecordException("servicerecord.checkin.location-needed");
				}
				if (!fence.get().contains(point)) {
					throw new ServiceRecordException("servicerecord.checkin.outside",
							Math.round(fence.get().centre().metresTo(point)), fence.get().radiusMetres());
				}
			}
		}
		// only the check-in point is kept, and only inside a geofence
		boolean keepPoint = point != null && geofence(sessionId).isPresent();
		Optional<Long> inserted = this.jdbc
			.sql("""
					insert into attendance (session_id, volunteer_id, position_id, checked_in_at, check_in_method, checked_in_by,
					  latitude, longitude)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (session_id, volunteer_id) do nothing returning id""")
			.params(sessionId.value(), volunteer.value(), signUp.position().value(), ServiceRecords.utc(now),
					method.name(), (by != null) ? by.value() : null, keepPoint ? point.latitude() : null,
					keepPoint ? point.longitude() : null)
			.query(Long.class)
			.optional();
		if (inserted.isPresent()) {
			return new ScanResult(ScanOutcome.CHECKED_IN, sessionId, find(inserted.get()));
		}
		AttendanceView current = this.jdbc
			.sql("select * from attendance where session_id = ? and volunteer_id = ? for update")
			.params(sessionId.value(), volunteer.value())
			.query(CheckIns::attendance)
			.single();
		if (!current.isOpen()) {
			return new ScanResult(ScanOutcome.ALREADY_CHECKED_OUT, sessionId, current);
		}
		if (now.isBefore(current.checkedInAt().plus(this.repeatWithin))) {
			return new ScanResult(ScanOutcome.ALREADY_CHECKED_IN, sessionId, current);
		}
		this.jdbc.sql("""
				update attendance set checked_out_at = ?, check_out_method = ?, checked_out_by = ?
				where id = ? and checked_out_at is null""")
			.params(ServiceRecords.utc(now), method.name(), (by != null) ? by.value() : null, current.id())
			.update();
		this.records.recordAttendance(current.id());
		return new ScanResult(ScanOutcome.CHECKED_OUT, sessionId, find(current.id()));
	}

	private VolunteerView volunteerOf(AccountId account) {
		return this.volunteers.findByAccount(account)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.state.not-a-volunteer"));
	}

	private SessionView session(SessionId id) {
		return this.activities.findSession(id).orElseThrow(() -> new ServiceRecordNotFoundException("session", id));
	}

	static AttendanceView attendance(ResultSet rs, int row) throws SQLException {
		String out = rs.getString("check_out_method");
		return new AttendanceView(rs.getLong("id"), new SessionId(rs.getLong("session_id")),
				new VolunteerId(rs.getLong("volunteer_id")),
				(rs.getObject("position_id") != null) ? new PositionId(rs.getLong("position_id")) : null,
				ServiceRecords.instant(rs, "checked_in_at"), CheckInMethod.valueOf(rs.getString("check_in_method")),
				ServiceRecords.instant(rs, "checked_out_at"), (out != null) ? CheckInMethod.valueOf(out) : null,
				rs.getObject("latitude") != null, rs.getBoolean("auto_closed"),
				ServiceRecords.instant(rs, "reviewed_at"));
	}

}
