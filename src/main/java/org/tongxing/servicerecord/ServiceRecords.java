package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The ledger of service entries. A session's entry is made (pending) when the volunteer
 * checks out, with hours from the activity's policy; organisers and admins of the
 * recording unit confirm or reject pending entries, and may adjust a pending entry's
 * hours. Confirmed and rejected entries never change: a volunteer asks for a correction,
 * which is a new entry referring to the original, and an admin of the recording unit
 * approves or rejects it. A total is the sum of confirmed entries.
 */
@Service
public class ServiceRecords {

	static final String SELECT = "select e.* from service_entry e";

	private static final UnitScope ALL = UnitScope.everything(false);

	private final JdbcClient jdbc;

	private final Activities activities;

	private final Units units;

	private final Volunteers volunteers;

	private final HoursPolicies policies;

	private final WorkingCalendar calendar;

	private final StarLevels stars;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	ServiceRecords(JdbcClient jdbc, Activities activities, Units units, Volunteers volunteers, HoursPolicies policies,
			WorkingCalendar calendar, StarLevels stars, AuditLog audit, ApplicationEventPublisher events,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.events = events;
		this.jdbc = jdbc;
		this.activities = activities;
		this.units = units;
		this.volunteers = volunteers;
		this.policies = policies;
		this.calendar = calendar;
		this.stars = stars;
		this.audit = audit;
		this.zone = zone;
	}

	// --- reads

	@Transactional(readOnly = true)
	public EntryView get(long id) {
		return this.jdbc.sql(SELECT + " where e.id = ?")
			.param(id)
			.query(ServiceRecords::entry)
			.optional()
			.orElseThrow(() -> new ServiceRecordNotFoundException("service entry", id));
	}

	/** Every entry of the volunteer, corrections included, newest service first. */
	@Transactional(readOnly = true)
	public List<EntryView> history(VolunteerId volunteer) {
		return this.jdbc.sql(SELECT + " where e.volunteer_id = ? order by e.service_date desc, e.id desc")
			.param(volunteer.value())
			.query(ServiceRecords::entry)
			.list();
	}

	/** Entries of services from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public List<EntryView> history(VolunteerId volunteer, LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT + " " + """
				where e.volunteer_id = ? and e.service_date >= ? and e.service_date <= ?
				order by e.service_date, e.id""")
			.params(volunteer.value(), from, to)
			.query(ServiceRecords::entry)
			.list();
	}

	/** The volunteer's confirmed hours in all. */
	@Transactional(readOnly = true)
	public BigDecimal total(VolunteerId volunteer) {
		return this.jdbc
			.sql("select coalesce(sum(hours), 0) from service_entry where volunteer_id = ? and status = 'CONFIRMED'")
			.param(volunteer.value())
			.query(BigDecimal.class)
			.single();
	}

	/** The volunteer's confirmed hours of services from {@code from} to {@code to}. */
	@Transactional(readOnly = true)
	public BigDecimal total(VolunteerId volunteer, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select coalesce(sum(hours), 0) from service_entry
				where volunteer_id = ? and status = 'CONFIRMED' and service_date >= ? and service_date <= ?""")
			.params(volunteer.value(), from, to)
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * The hours an entry stands at: its own and those of its confirmed corrections (for a
	 * correction, what it adds).
	 */
	@Transactional(readOnly = true)
	public BigDecimal standing(long entryId) {
		return this.jdbc.sql("""
				select e.hours + coalesce((select sum(c.hours) from service_entry c
				                            where c.corrects_id = e.id and c.status = 'CONFIRMED'), 0)
				from service_entry e where e.id = ?""").param(entryId).query(BigDecimal.class).single();
	}

	/** The session's entries, for an organiser of its activity. */
	@Transactional(readOnly = true)
	public List<EntryView> ofSession(UnitScope scope, SessionId session) {
		SessionView found = session(session);
		this.activities.manage(scope, found.activity());
		return this.jdbc.sql(SELECT + " where e.session_id = ? order by e.id")
			.param(session.value())
			.query(ServiceRecords::entry)
			.list();
	}

	/**
	 * Pending entries whose recording unit the scope manages, the most urgent first
	 * (overdue ones before the rest).
	 */
	@Transactional(readOnly = true)
	public List<EntryView> pending(UnitScope scope) {
		UnitScope.SqlPredicate units = scope.unitIdPredicate("e.recording_unit_id");
		return this.jdbc.sql(SELECT + " where e.status = 'PENDING' and " + units.sql() + " order by e.due_on, e.id")
			.params(units.parameters())
			.query(ServiceRecords::entry)
			.list();
	}

	// --- the session's entry, made by check-out

	/**
	 * Makes or remakes the pending entry of a closed attendance, with hours from the
	 * activity's policy. A confirmed or rejected entry stays as it is.
	 */
	@Transactional
	public void recordAttendance(long attendanceId) {
		AttendanceView attendance = this.jdbc.sql("select * from attendance where id = ?")
			.param(attendanceId)
			.query(CheckIns::attendance)
			.single();
		if (attendance.isOpen()) {
			return;
		}
		SessionId sessionId = attendance.session();
		VolunteerId volunteer = attendance.volunteer();
		PositionId positionId = attendance.position();
		SessionView session = session(sessionId);
		ActivityView activity = this.activities.find(session.activity())
			.orElseThrow(() -> new ServiceRecordNotFoundException("activity", session.activity()));
		PositionView position = (positionId != null) ? this.activities.findPosition(positionId).orElse(null) : null;
		BigDecimal fixed = (positionId != null) ? this.policies.fixedHours(positionId).orElse(null) : null;
		HoursResult hours = this.policies.policyFor(activity.id())
			.hoursFor(attendance.attended(), Duration.between(session.startsAt(), session.endsAt()), fixed);
		UnitView unit = this.units.get(ALL, activity.unit());
		LocalDate day = session.startsAt().atZone(session.zone()).toLocalDate();
		LocalDate due = this.calendar.dueOn(session.endsAt().atZone(session.zone()).toLocalDate());
		String content = (position == null) ? activity.title()
				: (position.description() == null || position.description().isBlank()) ? position.name()
						: position.name() + "：" + position.description();
		String title = (session.title() == null || session.title().isBlank()) ? activity.title()
				: activity.title() + " · " + session.title();
		this.jdbc
			.sql("""
					insert into service_entry (volunteer_id, kind, session_id, activity_id, campaign_id, attendance_id,
					  activity_name, service_date, place, content, hours, hours_rule, hours_rule_args,
					  organising_unit_id, organising_unit_name, lead_name, recording_unit_id, recording_unit_name, due_on)
					values (:volunteer, 'SESSION', :session, :activity, :campaign, :attendance, :name, :day, :place, :content,
					  :hours, :rule, :args, :unit, :unitName, :lead, :unit, :unitName, :due)
					on conflict (volunteer_id, session_id) where kind = 'SESSION' do update set
					  attendance_id = excluded.attendance_id, hours = excluded.hours, hours_rule = excluded.hours_rule,
					  hours_rule_args = excluded.hours_rule_args, content = excluded.content
					where service_entry.status = 'PENDING'""")
			.param("volunteer", volunteer.value())
			.param("session", sessionId.value())
			.param("activity", activity.id().value())
			.param("campaign", (activity.campaign() != null) ? activity.campaign().value() : null)
			.param("attendance", attendanceId)
			.param("name", truncate(title, 200))
			.param("day", day)
			.param("place", truncate(session.online() ? session.onlineUrl() : session.address(), 500))
			.param("content", truncate(content, 2000))
			.param("hours", hours.hours())
			.param("rule", hours.rule())
			.param("args", String.join("\u001f", hours.arguments()))
			.param("unit", unit.id().value())
			.param("unitName", unit.name())
			.param("lead", activity.contactName())
			.param("due", due)
			.update();
	}

	// --- decisions

	/**
	 * Confirms a pending entry: its hours count from now on. Organisers of the session's
	 * activity and admins of the recording unit may.
	 */
	@Transactional
	public void confirm(UnitScope scope, long id, AccountId by) {
		EntryView entry = lockPending(scope, id);
		decide(entry, EntryStatus.CONFIRMED, null, by);
		this.stars.refresh(entry.volunteer());
	}

	/** Confirms every pending session entry of a session; returns how many. */
	@Transactional
	public int confirmSession(UnitScope scope, SessionId session, AccountId by) {
		// corrections of the session's records are decided one by one, beside their
		// original
		List<EntryView> entries = ofSession(scope, session).stream()
			.filter((entry) -> entry.isPending() && entry.kind() == EntryKind.SESSION)
			.toList();
		for (EntryView entry : entries) {
			confirm(scope, entry.id(), by);
		}
		return entries.size();
	}

	/** Rejects a pending entry with a reason: its hours never count. */
	@Transactional
	public void reject(UnitScope scope, long id, String note, AccountId by) {
		if (note == null || note.isBlank()) {
			throw new ServiceRecordException("servicerecord.invalid.reason-needed");
		}
		EntryView entry = lockPending(scope, id);
		decide(entry, EntryStatus.REJECTED, note.strip(), by);
	}

	/** Sets a pending session or self-declared entry's hours by hand, with a note. */
	@Transactional
	public void adjust(UnitScope scope, long id, BigDecimal hours, String note, AccountId by) {
		EntryView entry = lockPending(scope, id);
		if (entry.kind() == EntryKind.CORRECTION) {
			throw new ServiceRecordException("servicerecord.state.correction-not-adjustable");
		}
		checkHours(hours);
		if (note == null || note.isBlank()) {
			throw new ServiceRecordException("servicerecord.invalid.reason-needed");
		}
		this.jdbc.sql("""
				update service_entry set hours = ?, hours_rule = 'servicerecord.rule.adjusted', hours_rule_args = ?
				where id = ? and status = 'PENDING'""").params(hours, truncate(note.strip(), 300), id).update();
		this.audit.record("service_entry", id, "adjust", Map.of("hours", entry.hours()),
				Map.of("hours", hours, "note", note.strip()));
	}

	// --- the volunteer's side

	/**
	 * The volunteer asks for a confirmed entry to be corrected: to stand at
	 * {@code correctedHours}, with the corrected service content (or the same), and why.
	 * One open request per entry.
	 * @return the correction entry's id
	 */
	@Transactional
	public long requestCorrection(AccountId account, long entryId, BigDecimal correctedHours, String correctedContent,
			String reason) {
		VolunteerView volunteer = volunteerOf(account);
		EntryView original = get(entryId);
		if (!original.volunteer().equals(volunteer.id())) {
			throw new ServiceRecordNotFoundException("service entry", entryId);
		}
		if (original.kind() == EntryKind.CORRECTION || original.status() != EntryStatus.CONFIRMED) {
			throw new ServiceRecordException("servicerecord.state.not-correctable");
		}
		if (reason == null || reason.isBlank()) {
			throw new ServiceRecordException("servicerecord.invalid.reason-needed");
		}
		checkHours(correctedHours);
		BigDecimal delta = correctedHours.subtract(standing(entryId));
		String content = (correctedContent == null || correctedContent.isBlank()) ? original.content()
				: correctedContent.strip();
		if (delta.signum() == 0 && content.equals(original.content())) {
			throw new ServiceRecordException("servicerecord.state.correction-changes-nothing");
		}
		long id;
		try {
			id = this.jdbc
				.sql("""
						insert into service_entry (volunteer_id, kind, corrects_id, session_id, activity_id, campaign_id,
						  activity_name, service_date, place, content, hours, hours_rule, hours_rule_args,
						  organising_unit_id, organising_unit_name, lead_name, recording_unit_id, recording_unit_name,
						  reason, due_on, recorded_by)
						select volunteer_id, 'CORRECTION', id, session_id, activity_id, campaign_id, activity_name, service_date,
						  place, :content, :delta, 'servicerecord.rule.correction', :args, organising_unit_id,
						  organising_unit_name, lead_name, recording_unit_id, recording_unit_name, :reason, :due, :by
						from service_entry where id = :original returning id""")
				.param("content", truncate(content, 2000))
				.param("delta", delta)
				.param("args", correctedHours.stripTrailingZeros().toPlainString())
				.param("reason", truncate(reason.strip(), 2000))
				.param("due", this.calendar.dueOn(LocalDate.now(this.zone)))
				.param("by", account.value())
				.param("original", entryId)
				.query(Long.class)
				.single();
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new ServiceRecordException("servicerecord.state.correction-open");
		}
		this.audit.record("service_entry", id, "request-correction", null,
				Map.of("corrects", entryId, "hours", correctedHours, "reason", reason.strip()));
		return id;
	}

	/**
	 * The volunteer declares hours served outside the platform; an admin of their unit
	 * confirms or rejects them.
	 * @return the entry's id
	 */
	@Transactional
	public long declare(AccountId account, Declaration declaration, Long evidenceFileId) {
		VolunteerView volunteer = volunteerOf(account);
		checkHours(declaration.hours());
		LocalDate today = LocalDate.now(this.zone);
		if (declaration.serviceDate() == null || declaration.serviceDate().isAfter(today)) {
			throw new ServiceRecordException("servicerecord.invalid.date-in-future");
		}
		if (evidenceFileId != null
				&& this.jdbc.sql("select count(*) from service_file where id = ? and volunteer_id = ?")
					.params(evidenceFileId, volunteer.id().value())
					.query(Integer.class)
					.single() == 0) {
			throw new ServiceRecordNotFoundException("file", evidenceFileId);
		}
		UnitView unit = this.units.get(ALL, volunteer.unitId());
		String description = (declaration.description() == null) ? "" : declaration.description().strip();
		long id = this.jdbc.sql("""
				insert into service_entry (volunteer_id, kind, activity_name, service_date, place, content, hours,
				  hours_rule, hours_rule_args, organising_unit_name, recording_unit_id, recording_unit_name, reason,
				  evidence_file_id, due_on, recorded_by)
				values (?, 'SELF_DECLARED', ?, ?, ?, ?, ?, 'servicerecord.rule.declared', '', ?, ?, ?, ?, ?, ?, ?)
				returning id""")
			.params(volunteer.id().value(), truncate(declaration.activityName().strip(), 200),
					declaration.serviceDate(), truncate(declaration.place(), 500),
					truncate(description.isEmpty() ? declaration.activityName().strip() : description, 2000),
					declaration.hours(), truncate(declaration.organiser(), 200), unit.id().value(), unit.name(),
					truncate(description, 2000), evidenceFileId, this.calendar.dueOn(today), account.value())
			.query(Long.class)
			.single();
		this.audit.record("service_entry", id, "declare", null,
				Map.of("hours", declaration.hours(), "date", declaration.serviceDate().toString()));
		return id;
	}

	// --- helpers

	private EntryView lockPending(UnitScope scope, long id) {
		EntryView entry = this.jdbc.sql(SELECT + " where e.id = ? for update")
			.param(id)
			.query(ServiceRecords::entry)
			.optional()
			.orElseThrow(() -> new ServiceRecordNotFoundException("service entry", id));
		if (!mayDecide(scope, entry)) {
			throw new org.springframework.security.access.AccessDeniedException("Not a manager of the recording unit");
		}
		if (entry.status() != EntryStatus.PENDING) {
			throw new ServiceRecordException("servicerecord.state.already-decided");
		}
		return entry;
	}

	/** Whether the scope may confirm or reject the entry. */
	public boolean mayDecide(UnitScope scope, EntryView entry) {
		if (scope.mayManage(this.units.get(ALL, entry.recordingUnit()))) {
			return true;
		}
		return entry.kind() == EntryKind.SESSION && entry.activity() != null
				&& this.activities.mayManage(scope, entry.activity());
	}

	private void decide(EntryView entry, EntryStatus status, String note, AccountId by) {
		this.jdbc.sql("""
				update service_entry set status = ?, decided_at = now(), decided_by = ?, decision_note = ?
				where id = ? and status = 'PENDING'""").params(status.name(), by.value(), note, entry.id()).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status.name());
		after.put("hours", entry.hours());
		if (note != null) {
			after.put("note", note);
		}
		this.audit.record("service_entry", entry.id(), status.name().toLowerCase(java.util.Locale.ROOT),
				Map.of("status", "PENDING"), after);
		this.events.publishEvent(new EntryDecided(entry.id(), entry.volunteer(), entry.kind(), status,
				entry.activityName(), entry.hours(), note));
	}

	private VolunteerView volunteerOf(AccountId account) {
		return this.volunteers.findByAccount(account)
			.orElseThrow(() -> new ServiceRecordException("servicerecord.state.not-a-volunteer"));
	}

	private SessionView session(SessionId id) {
		return this.activities.findSession(id).orElseThrow(() -> new ServiceRecordNotFoundException("session", id));
	}

	private static void checkHours(BigDecimal hours) {
		if (hours == null || hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(1000)) > 0
				|| hours.stripTrailingZeros().scale() > 2) {
			throw new ServiceRecordException("servicerecord.invalid.hours");
		}
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	static EntryView entry(ResultSet rs, int row) throws SQLException {
		String args = rs.getString("hours_rule_args");
		return new EntryView(rs.getLong("id"), new VolunteerId(rs.getLong("volunteer_id")),
				EntryKind.valueOf(rs.getString("kind")), (Long) rs.getObject("corrects_id", Long.class),
				(rs.getObject("session_id") != null) ? new SessionId(rs.getLong("session_id")) : null,
				(rs.getObject("activity_id") != null) ? new ActivityId(rs.getLong("activity_id")) : null,
				rs.getString("activity_name"), rs.getObject("service_date", LocalDate.class), rs.getString("place"),
				rs.getString("content"), rs.getBigDecimal("hours"), rs.getString("hours_rule"),
				(args == null || args.isEmpty()) ? List.of() : Arrays.asList(args.split("\u001f")),
				(rs.getObject("organising_unit_id") != null) ? new UnitId(rs.getLong("organising_unit_id")) : null,
				rs.getString("organising_unit_name"), rs.getString("lead_name"),
				new UnitId(rs.getLong("recording_unit_id")), rs.getString("recording_unit_name"),
				rs.getString("reason"), (Long) rs.getObject("evidence_file_id", Long.class),
				EntryStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
				instant(rs, "recorded_at"), (Long) rs.getObject("recorded_by", Long.class), instant(rs, "decided_at"),
				(Long) rs.getObject("decided_by", Long.class), rs.getString("decision_note"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static java.time.OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
