package org.tongxing.activity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.activity.domain.Descriptions;
import org.tongxing.activity.domain.Places;
import org.tongxing.activity.domain.PositionColumns;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.VolunteerId;

/**
 * Activities, their sessions and positions, for organisers and other modules. An activity
 * is managed by whoever manages its organising unit ({@link UnitScope#mayManage}); one
 * the scope does not see is absent (404). Changes are audited and publish events in their
 * transaction; changing or cancelling a published session tells its participants
 * ({@link SessionChanged}).
 */
@Service
public class Activities {

	static final String ACTIVITY_SELECT = """
			select a.*, array(select c.unit_id from activity_co_organiser c where c.activity_id = a.id) as co_organisers
			from activity a
			""";

	static final String SESSION_SELECT = """
			select s.id, s.activity_id, s.series_id, s.title, s.starts_at, s.ends_at, s.time_zone, s.status,
			       s.status_reason, s.signup_opens_at, s.signup_closes_at,
			       case when s.address is null and s.online_url is null then a.online else s.online end as online,
			       case when s.address is null and s.online_url is null then a.address else s.address end as address,
			       case when s.address is null and s.online_url is null then a.online_url else s.online_url end
			           as online_url
			from activity_session s join activity a on a.id = s.activity_id
			""";

	private final JdbcClient jdbc;

	private final Units units;

	private final ActivityRules rules;

	private final Places places;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	Activities(JdbcClient jdbc, Units units, ActivityRules rules, Places places, AuditLog auditLog,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.units = units;
		this.rules = rules;
		this.places = places;
		this.auditLog = auditLog;
		this.events = events;
	}

	// --- activities

	/**
	 * Drafts an activity of a unit the scope manages.
	 * @throws InvalidActivityException when details break rules
	 */
	@Transactional
	public ActivityId create(UnitScope scope, ActivityDetails details, AccountId by) {
		ActivityDetails checked = checked(scope, details);
		long id = this.jdbc.sql("""
				insert into activity (title, description_html, campaign_id, unit_id, online, address, online_url,
				                      time_zone, visibility, visibility_unit_id, contact_name, contact_info,
				                      beneficiaries, cancel_deadline_hours, created_by)
				values (:title, :description, :campaign, :unit, :online, :address, :onlineUrl, :timeZone,
				        :visibility, :visibilityUnit, :contactName, :contactInfo, :beneficiaries, :deadline, :by)
				returning id""")
			.paramSource(parameters(checked).addValue("by", (by != null) ? by.value() : null))
			.query(Long.class)
			.single();
		writeCoOrganisers(id, checked.coOrganisers());
		this.auditLog.record("activity", id, "created", Map.of(), auditState(checked));
		return new ActivityId(id);
	}

	/**
	 * Creates the activity proposed into a campaign and approved there (it keeps the
	 * proposal's id).
	 */
	@Transactional
	public ActivityId createFromProposal(UnitScope scope, ActivityDetails details, long proposalId, AccountId by) {
		ActivityId id = create(scope, details, by);
		this.jdbc.sql("update activity set proposal_id = ? where id = ?").params(proposalId, id.value()).update();
		return id;
	}

	/**
	 * Changes an activity's details (not its status). When a published activity's place
	 * (address, online or link) changes, the participants of each session still to come
	 * that has no place of its own are told ({@link SessionChanged}); sessions keep the
	 * zone they were given, so a new activity zone changes no one's times and tells no
	 * one.
	 * @throws InvalidActivityException when details break rules
	 */
	@Transactional
	public void update(UnitScope scope, ActivityId id, ActivityDetails details) {
		ActivityView before = managed(scope, id, true);
		if (before.status() == ActivityStatus.ARCHIVED) {
			throw new ActivityStateException("activity.state.archived");
		}
		ActivityDetails checked = checked(scope, details);
		this.jdbc.sql("""
				update activity set title = :title, description_html = :description, campaign_id = :campaign,
				       unit_id = :unit, online = :online, address = :address, online_url = :onlineUrl,
				       time_zone = :timeZone, visibility = :visibility, visibility_unit_id = :visibilityUnit,
				       contact_name = :contactName, contact_info = :contactInfo, beneficiaries = :beneficiaries,
				       cancel_deadline_hours = :deadline, updated_at = now()
				where id = :id""").paramSource(parameters(checked).addValue("id", id.value())).update();
		this.jdbc.sql("delete from activity_co_organiser where activity_id = ?").param(id.value()).update();
		writeCoOrganisers(id.value(), checked.coOrganisers());
		this.auditLog.record("activity", id, "updated", Map.of("title", before.title()), auditState(checked));
		ActivityView after = find(id).orElseThrow();
		if (before.status() == ActivityStatus.PUBLISHED && placeChanged(before, after)) {
			tellSessionsOfMovedPlace(after);
		}
	}

	private static boolean placeChanged(ActivityView before, ActivityView after) {
		return before.online() != after.online() || !Objects.equals(before.address(), after.address())
				|| !Objects.equals(before.onlineUrl(), after.onlineUrl());
	}

	/**
	 * Publishes {@link SessionChanged} for every scheduled session of the activity not
	 * yet over that takes the activity's place, to its live sign-ups.
	 */
	private void tellSessionsOfMovedPlace(ActivityView activity) {
		List<Long> sessions = this.jdbc
			.sql("""
					select id from activity_session
					where activity_id = ? and status = 'SCHEDULED' and ends_at > ? and address is null and online_url is null
					order by starts_at, id""")
			.params(activity.id().value(), OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.query(Long.class)
			.list();
		if (sessions.isEmpty()) {
			return;
		}
		// A sign-up holds its position's row until it commits: locking those rows waits
		// for
		// sign-ups in flight, so they are counted below; later ones see the new place.
		this.jdbc.sql("select id from session_position where session_id in (:sessions) order by id for update")
			.param("sessions", sessions)
			.query(Long.class)
			.list();
		for (Long session : sessions) {
			SessionId sessionId = new SessionId(session);
			List<VolunteerId> participants = participants(sessionId);
			if (!participants.isEmpty()) {
				this.events.publishEvent(new SessionChanged(sessionId, activity.id(), false, null, participants));
			}
		}
	}

	/** Sets or clears the cover image (a file of the activity, kind COVER). */
	@Transactional
	public void setCover(UnitScope scope, ActivityId id, Long fileId) {
		managed(scope, id, true);
		this.jdbc.sql("update activity set cover_file_id = ?, updated_at = now() where id = ?")
			.params(fileId, id.value())
			.update();
		this.auditLog.record("activity", id, "cover-set", null, (fileId != null) ? Map.of("file", fileId) : Map.of());
	}

	/**
	 * Publishes a draft: volunteers who may see it can sign up.
	 * @throws ActivityStateException when it is not a draft or has no session
	 */
	@Transactional
	public void publish(UnitScope scope, ActivityId id) {
		ActivityView activity = managed(scope, id, true);
		requireStatus(activity, ActivityStatus.DRAFT);
		int sessions = this.jdbc
			.sql("select count(*) from activity_session where activity_id = ? and status = 'SCHEDULED'")
			.param(id.value())
			.query(Integer.class)
			.single();
		if (sessions == 0) {
			throw new ActivityStateException("activity.state.no-sessions");
		}
		changeStatus(activity, ActivityStatus.PUBLISHED, null, "published_at = now(), ");
	}

	/**
	 * Marks a published activity completed, with the people it served (may be null).
	 */
	@Transactional
	public void complete(UnitScope scope, ActivityId id, Integer peopleServed) {
		ActivityView activity = managed(scope, id, true);
		requireStatus(activity, ActivityStatus.PUBLISHED);
		if (peopleServed != null && peopleServed < 0) {
			throw new InvalidActivityException("peopleServed", "activity.invalid.people-served");
		}
		this.jdbc.sql("update activity set people_served = ? where id = ?").params(peopleServed, id.value()).update();
		changeStatus(activity, ActivityStatus.COMPLETED, null, "");
	}

	/**
	 * Cancels a draft or published activity with a reason; every session still to come is
	 * cancelled and its participants are told.
	 */
	@Transactional
	public void cancel(UnitScope scope, ActivityId id, String reason) {
		ActivityView activity = managed(scope, id, true);
		requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
		String checkedReason = this.rules.reason(reason);
		for (SessionView session : sessions(id)) {
			if (!session.cancelled() && session.endsAt().isAfter(this.clock.instant())) {
				cancelSessionRow(activity, session, checkedReason);
			}
		}
		changeStatus(activity, ActivityStatus.CANCELLED, checkedReason, "");
	}

	/** Archives a completed or cancelled activity: kept, read-only, out of lists. */
	@Transactional
	public void archive(UnitScope scope, ActivityId id) {
		ActivityView activity = managed(scope, id, true);
		requireStatus(activity, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED);
		changeStatus(activity, ActivityStatus.ARCHIVED, activity.statusReason(), "");
	}

	/** Any activity, whatever its visibility: callers decide who may see it. */
	@Transactional(readOnly = true)
	public Optional<ActivityView> find(ActivityId id) {
		return this.jdbc.sql(ACTIVITY_SELECT + " where a.id = ?")
			.param(id.value())
			.query(Activities::activity)
			.optional();
	}

	/**
	 * An activity of a unit the scope sees, to manage it.
	 * @throws ActivityNotFoundException when absent or out of scope
	 * @throws org.springframework.security.access.AccessDeniedException when the scope
	 * sees but does not manage it (leadership)
	 */
	@Transactional(readOnly = true)
	public ActivityView manage(UnitScope scope, ActivityId id) {
		return managed(scope, id, true);
	}

	/** Whether the scope manages the activity's organising unit. */
	@Transactional(readOnly = true)
	public boolean mayManage(UnitScope scope, ActivityId id) {
		return find(id).map((activity) -> scope.mayManage(unit(activity.unit()))).orElse(false);
	}

	// --- sessions

	@Transactional(readOnly = true)
	public List<SessionView> sessions(ActivityId id) {
		return this.jdbc.sql(SESSION_SELECT + " where s.activity_id = ? order by s.starts_at, s.id")
			.param(id.value())
			.query(Activities::session)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SessionView> findSession(SessionId id) {
		return this.jdbc.sql(SESSION_SELECT + " where s.id = ?")
			.param(id.value())
			.query(Activities::session)
			.optional();
	}

	/**
	 * Adds a session to an activity that is not over.
	 * @throws InvalidActivityException when details break rules
	 */
	@Transactional
	public SessionId addSession(UnitScope scope, ActivityId id, SessionDetails details) {
		return addSessions(scope, id, List.of(details), null).get(0);
	}

	/**
	 * Adds many sessions at once (a series, a mega-event's shifts): all or none.
	 * @param seriesId the series they were generated from, or null
	 * @throws InvalidActivityException when one breaks rules (field names are prefixed
	 * with its index, e.g. {@code sessions[3].end})
	 */
	@Transactional
	public List<SessionId> addSessions(UnitScope scope, ActivityId id, List<SessionDetails> sessions, Long seriesId) {
		ActivityView activity = managed(scope, id, true);
		requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			String prefix = (sessions.size() == 1) ? "" : "sessions[" + i + "].";
			for (FieldProblem problem : this.rules.check(sessions.get(i), activity.zone())) {
				problems.add(new FieldProblem(prefix + problem.field(), problem.messageKey(), problem.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		List<SessionId> ids = new ArrayList<>();
		for (SessionDetails details : sessions) {
			long sessionId = this.jdbc.sql("""
					insert into activity_session (activity_id, series_id, title, starts_at, ends_at, time_zone, online,
					                              address, online_url, signup_opens_at, signup_closes_at)
					values (:activity, :series, :title, :startsAt, :endsAt, :zone, :online, :address, :onlineUrl,
					        :opensAt, :closesAt)
					returning id""")
				.paramSource(sessionParameters(details, activity.zone()).addValue("activity", id.value())
					.addValue("series", seriesId))
				.query(Long.class)
				.single();
			ids.add(new SessionId(sessionId));
		}
		this.auditLog.record("activity", id, "sessions-added", null,
				Map.of("sessions", ids.stream().map(SessionId::value).toList()));
		return ids;
	}

	/**
	 * Changes a session's time, place or sign-up window; when the activity is published
	 * and the time or place changed, its participants are told.
	 */
	@Transactional
	public void updateSession(UnitScope scope, SessionId sessionId, SessionDetails details) {
		SessionView before = session(sessionId);
		ActivityView activity = managed(scope, before.activity(), true);
		requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
		if (before.cancelled()) {
			throw new ActivityStateException("activity.state.session-cancelled");
		}
		List<FieldProblem> problems = this.rules.check(details, activity.zone());
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		this.jdbc.sql("""
				update activity_session set title = :title, starts_at = :startsAt, ends_at = :endsAt, time_zone = :zone,
				       online = :online, address = :address, online_url = :onlineUrl, signup_opens_at = :opensAt,
				       signup_closes_at = :closesAt, updated_at = now()
				where id = :id""")
			.paramSource(sessionParameters(details, activity.zone()).addValue("id", sessionId.value()))
			.update();
		SessionView after = session(sessionId);
		boolean moved = !before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt())
				|| before.online() != after.online() || !Objects.equals(before.address(), after.address())
				|| !Objects.equals(before.onlineUrl(), after.onlineUrl());
		this.auditLog.record("activity-session", sessionId, "updated",
				Map.of("startsAt", before.startsAt().toString(), "endsAt", before.endsAt().toString()),
				Map.of("startsAt", after.startsAt().toString(), "endsAt", after.endsAt().toString()));
		if (moved && activity.status() == ActivityStatus.PUBLISHED) {
			this.events
				.publishEvent(new SessionChanged(sessionId, activity.id(), false, null, participants(sessionId)));
		}
	}

	/** Cancels one session with a reason; its participants are told. */
	@Transactional
	public void cancelSession(UnitScope scope, SessionId sessionId, String reason) {
		SessionView session = session(sessionId);
		ActivityView activity = managed(scope, session.activity(), true);
		requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
		if (session.cancelled()) {
			throw new ActivityStateException("activity.state.session-cancelled");
		}
		cancelSessionRow(activity, session, this.rules.reason(reason));
	}

	private void cancelSessionRow(ActivityView activity, SessionView session, String reason) {
		this.jdbc
			.sql("update activity_session set status = 'CANCELLED', status_reason = ?, updated_at = now() where id = ?")
			.params(reason, session.id().value())
			.update();
		this.auditLog.record("activity-session", session.id(), "cancelled", null, Map.of("reason", reason));
		if (activity.status() == ActivityStatus.PUBLISHED) {
			this.events.publishEvent(
					new SessionChanged(session.id(), activity.id(), true, reason, participants(session.id())));
		}
	}

	/** The volunteers with a live sign-up for the session. */
	@Transactional(readOnly = true)
	public List<VolunteerId> participants(SessionId session) {
		return this.jdbc.sql("""
				select volunteer_id from signup
				where session_id = ? and status in ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED') order by id""")
			.param(session.value())
			.query((rs, n) -> new VolunteerId(rs.getLong(1)))
			.list();
	}

	// --- positions

	@Transactional(readOnly = true)
	public List<PositionView> positions(SessionId session) {
		return this.jdbc.sql("select * from session_position where session_id = ? order by sort_order, id")
			.param(session.value())
			.query(Activities::position)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<PositionView> findPosition(PositionId id) {
		return this.jdbc.sql("select * from session_position where id = ?")
			.param(id.value())
			.query(Activities::position)
			.optional();
	}

	/**
	 * Adds a position to a session.
	 * @throws InvalidActivityException when details break rules
	 */
	@Transactional
	public PositionId addPosition(UnitScope scope, SessionId sessionId, PositionDetails details) {
		return addPositions(scope, Map.of(sessionId, List.of(details))).get(0);
	}

	/**
	 * Adds positions to many sessions at once (a template stamped onto a series or onto a
	 * mega-event's shifts): all or none.
	 */
	@Transactional
	public List<PositionId> addPositions(UnitScope scope, Map<SessionId, List<PositionDetails>> positions) {
		Set<ActivityId> checkedActivities = new HashSet<>();
		List<PositionId> ids = new ArrayList<>();
		for (Map.Entry<SessionId, List<PositionDetails>> entry : new LinkedHashMap<>(positions).entrySet()) {
			SessionView session = session(entry.getKey());
			if (checkedActivities.add(session.activity())) {
				ActivityView activity = managed(scope, session.activity(), true);
				requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
			}
			for (PositionDetails details : entry.getValue()) {
				List<FieldProblem> problems = this.rules.check(details);
				if (!problems.isEmpty()) {
					throw new InvalidActivityException(problems);
				}
				long id = this.jdbc.sql("""
						insert into session_position (session_id, name, description, capacity, approval, min_age,
						                              required_skills, required_languages, required_qualifications,
						                              sort_order)
						values (:session, :name, :description, :capacity, :approval, :minAge, :skills, :languages,
						        :qualifications, (select count(*) from session_position where session_id = :session))
						returning id""")
					.paramSource(PositionColumns.parameters(details).addValue("session", entry.getKey().value()))
					.query(Long.class)
					.single();
				ids.add(new PositionId(id));
			}
		}
		this.auditLog.record("activity-position", ids.isEmpty() ? null : ids.get(0), "added", null,
				Map.of("positions", ids.stream().map(PositionId::value).toList()));
		return ids;
	}

	/**
	 * Changes a position. Its capacity may not drop below the places taken; when it
	 * rises, the freed places are offered to the waitlist.
	 */
	@Transactional
	public void updatePosition(UnitScope scope, PositionId id, PositionDetails details) {
		PositionView before = position(id);
		ActivityView activity = managed(scope, session(before.session()).activity(), true);
		requireStatus(activity, ActivityStatus.DRAFT, ActivityStatus.PUBLISHED);
		List<FieldProblem> problems = this.rules.check(details);
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		int updated = this.jdbc.sql("""
				update session_position set name = :name, description = :description, capacity = :capacity,
				       approval = :approval, min_age = :minAge, required_skills = :skills,
				       required_languages = :languages, required_qualifications = :qualifications
				where id = :id and taken <= :capacity""")
			.paramSource(PositionColumns.parameters(details).addValue("id", id.value()))
			.update();
		if (updated == 0) {
			throw new InvalidActivityException("capacity", "activity.invalid.capacity-below-taken",
					position(id).taken());
		}
		this.auditLog.record("activity-position", id, "updated", Map.of("capacity", before.capacity()),
				Map.of("capacity", details.capacity(), "name", details.name()));
		if (details.capacity() > before.capacity()) {
			this.places.offerFreed(id).forEach(this.events::publishEvent);
		}
	}

	/**
	 * Removes a position nobody has a live sign-up for.
	 * @throws ActivityStateException when someone has
	 */
	@Transactional
	public void removePosition(UnitScope scope, PositionId id) {
		PositionView position = position(id);
		managed(scope, session(position.session()).activity(), true);
		int live = this.jdbc.sql("select count(*) from signup where position_id = ?")
			.param(id.value())
			.query(Integer.class)
			.single();
		if (live > 0) {
			throw new ActivityStateException("activity.state.position-has-signups");
		}
		this.jdbc.sql("delete from session_position where id = ?").param(id.value()).update();
		this.auditLog.record("activity-position", id, "removed", Map.of("name", position.name()), null);
	}

	// --- helpers

	SessionView session(SessionId id) {
		return findSession(id).orElseThrow(() -> new ActivityNotFoundException("session", id));
	}

	PositionView position(PositionId id) {
		return findPosition(id).orElseThrow(() -> new ActivityNotFoundException("position", id));
	}

	private ActivityView managed(UnitScope scope, ActivityId id, boolean forChange) {
		ActivityView activity = find(id).orElseThrow(() -> new ActivityNotFoundException("activity", id));
		UnitView unit = unit(activity.unit());
		if (!scope.canSee(unit)) {
			throw new ActivityNotFoundException("activity", id);
		}
		if (forChange) {
			scope.requireMayManage(unit);
		}
		return activity;
	}

	private UnitView unit(UnitId id) {
		return this.units.get(UnitScope.everything(false), id);
	}

	private static void requireStatus(ActivityView activity, ActivityStatus... allowed) {
		if (!List.of(allowed).contains(activity.status())) {
			throw new ActivityStateException(
					"activity.state.not-" + String.join("-or-",
							List.of(allowed).stream().map((status) -> status.name().toLowerCase(Locale.ROOT)).toList()),
					activity.status());
		}
	}

	private void changeStatus(ActivityView activity, ActivityStatus target, String reason, String extraSet) {
		this.jdbc
			.sql("update activity set " + extraSet
					+ "status = :status, status_reason = :reason, updated_at = now() where id = :id")
			.param("status", target.name())
			.param("reason", reason)
			.param("id", activity.id().value())
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", target.name());
		if (reason != null) {
			after.put("reason", reason);
		}
		this.auditLog.record("activity", activity.id(), "status-" + target.name().toLowerCase(Locale.ROOT),
				Map.of("status", activity.status().name()), after);
	}

	private ActivityDetails checked(UnitScope scope, ActivityDetails details) {
		List<FieldProblem> problems = this.rules.check(details);
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		UnitView unit = this.units.find(scope, details.unit())
			.orElseThrow(() -> new InvalidActivityException("unit", "activity.invalid.unit"));
		scope.requireMayManage(unit);
		return details;
	}

	private void writeCoOrganisers(long activityId, Set<UnitId> units) {
		for (UnitId unit : units) {
			this.jdbc.sql("insert into activity_co_organiser (activity_id, unit_id) values (?, ?)")
				.params(activityId, unit.value())
				.update();
		}
	}

	private static Map<String, Object> auditState(ActivityDetails details) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", details.title());
		state.put("unit", details.unit().value());
		state.put("visibility", details.visibility().name());
		if (details.campaign() != null) {
			state.put("campaign", details.campaign().value());
		}
		return state;
	}

	private static MapSqlParameterSource parameters(ActivityDetails details) {
		UnitId visibilityUnit = (details.visibility() == Visibility.SUBTREE)
				? ((details.visibilityUnit() != null) ? details.visibilityUnit() : details.unit()) : null;
		return new MapSqlParameterSource().addValue("title", details.title().strip())
			.addValue("description", Descriptions.sanitise(details.description()))
			.addValue("campaign", (details.campaign() != null) ? details.campaign().value() : null)
			.addValue("unit", details.unit().value())
			.addValue("online", details.online())
			.addValue("address", details.online() ? null : ActivityRules.blankToNull(details.address()))
			.addValue("onlineUrl", details.online() ? ActivityRules.blankToNull(details.onlineUrl()) : null)
			.addValue("timeZone", details.timeZone())
			.addValue("visibility", details.visibility().name())
			.addValue("visibilityUnit", (visibilityUnit != null) ? visibilityUnit.value() : null)
			.addValue("contactName", ActivityRules.blankToNull(details.contactName()))
			.addValue("contactInfo", ActivityRules.blankToNull(details.contactInfo()))
			.addValue("beneficiaries", ActivityRules.blankToNull(details.beneficiaries()))
			.addValue("deadline", details.cancelDeadlineHours());
	}

	private static MapSqlParameterSource sessionParameters(SessionDetails details, ZoneId activityZone) {
		ZoneId zone = (details.timeZone() != null && !details.timeZone().isBlank()) ? ZoneId.of(details.timeZone())
				: activityZone;
		boolean ownPlace = details.online() ? ActivityRules.blankToNull(details.onlineUrl()) != null
				: ActivityRules.blankToNull(details.address()) != null;
		return new MapSqlParameterSource().addValue("title", ActivityRules.blankToNull(details.title()))
			.addValue("startsAt", offset(details.start(), zone))
			.addValue("endsAt", offset(details.end(), zone))
			.addValue("zone", zone.getId())
			.addValue("online", ownPlace && details.online())
			.addValue("address", (ownPlace && !details.online()) ? details.address().strip() : null)
			.addValue("onlineUrl", (ownPlace && details.online()) ? details.onlineUrl().strip() : null)
			.addValue("opensAt", offset(details.signupOpens(), zone))
			.addValue("closesAt", offset(details.signupCloses(), zone));
	}

	/**
	 * A wall-clock time in a zone as the instant it names (the later one in a DST
	 * overlap).
	 */
	private static OffsetDateTime offset(LocalDateTime local, ZoneId zone) {
		return (local != null) ? local.atZone(zone).toOffsetDateTime() : null;
	}

	static ActivityView activity(ResultSet rs, int row) throws SQLException {
		Set<UnitId> coOrganisers = new HashSet<>();
		for (Long id : longs(rs.getArray("co_organisers"))) {
			coOrganisers.add(new UnitId(id));
		}
		long campaign = rs.getLong("campaign_id");
		CampaignId campaignId = rs.wasNull() ? null : new CampaignId(campaign);
		long visibilityUnit = rs.getLong("visibility_unit_id");
		UnitId visibilityUnitId = rs.wasNull() ? null : new UnitId(visibilityUnit);
		return new ActivityView(new ActivityId(rs.getLong("id")), rs.getString("title"),
				rs.getString("description_html"), campaignId, rs.getObject("proposal_id", Long.class),
				new UnitId(rs.getLong("unit_id")), coOrganisers, rs.getBoolean("online"), rs.getString("address"),
				rs.getString("online_url"), ZoneId.of(rs.getString("time_zone")),
				Visibility.valueOf(rs.getString("visibility")), visibilityUnitId, rs.getString("contact_name"),
				rs.getString("contact_info"), rs.getString("beneficiaries"),
				rs.getObject("people_served", Integer.class), rs.getObject("cover_file_id", Long.class),
				ActivityStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getInt("cancel_deadline_hours"), instant(rs, "created_at"), instant(rs, "published_at"));
	}

	static SessionView session(ResultSet rs, int row) throws SQLException {
		return new SessionView(new SessionId(rs.getLong("id")), new ActivityId(rs.getLong("activity_id")),
				rs.getObject("series_id", Long.class), rs.getString("title"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), ZoneId.of(rs.getString("time_zone")), rs.getBoolean("online"),
				rs.getString("address"), rs.getString("online_url"), "CANCELLED".equals(rs.getString("status")),
				rs.getString("status_reason"), instant(rs, "signup_opens_at"), instant(rs, "signup_closes_at"));
	}

	static PositionView position(ResultSet rs, int row) throws SQLException {
		return new PositionView(new PositionId(rs.getLong("id")), new SessionId(rs.getLong("session_id")),
				rs.getString("name"), rs.getString("description"), rs.getInt("capacity"), rs.getInt("taken"),
				Approval.valueOf(rs.getString("approval")), rs.getObject("min_age", Integer.class),
				strings(rs.getArray("required_skills")), strings(rs.getArray("required_languages")),
				strings(rs.getArray("required_qualifications")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static Set<String> strings(Array array) throws SQLException {
		return (array != null) ? Set.of((String[]) array.getArray()) : Set.of();
	}

	private static List<Long> longs(Array array) throws SQLException {
		return (array != null) ? List.of((Long[]) array.getArray()) : List.of();
	}

}
