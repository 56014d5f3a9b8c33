package org.tongxing.activity.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.activity.scheduling.Recurrence.Occurrence;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.FieldProblem;

/**
 * Many sessions of an activity in one step, each with the same positions: a recurring
 * series (the rule kept as an {@code activity_series} row, its sessions carrying the
 * series' id) or a mega-event's shifts. Sessions and positions are created in one
 * transaction: all or none.
 */
@Service
public class SessionPlans {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AuditLog auditLog;

	SessionPlans(JdbcClient jdbc, Activities activities, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.auditLog = auditLog;
	}

	/**
	 * Stores the rule and creates its sessions (with the title and address given, or the
	 * activity's place) and on each the positions.
	 * @throws InvalidActivityException when the rule, a session or a position breaks
	 * rules (the rule's problems name the fields of {@link Recurrence#problems()})
	 */
	@Transactional
	public List<SessionId> createSeries(UnitScope scope, ActivityId activity, Recurrence rule, String title,
			String address, List<PositionDetails> positions, AccountId by) {
		this.activities.manage(scope, activity);
		List<FieldProblem> problems = rule.problems();
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		long seriesId = this.jdbc.sql("""
				insert into activity_series (activity_id, rule_kind, weekdays, week_of_month, start_time, end_time,
				                             time_zone, first_date, last_date, exception_dates, title, address,
				                             created_by)
				values (:activity, :kind, cast(:weekdays as smallint[]), :week, :start, :end, :zone, :first, :last,
				        cast(:exceptions as date[]), :title,
				        :address, :by)
				returning id""")
			.param("activity", activity.value())
			.param("kind", rule.kind().name())
			.param("weekdays", rule.weekdays().stream().map((day) -> day.getValue()).sorted().toArray(Integer[]::new))
			.param("week", (rule.kind() == Recurrence.Kind.MONTHLY_WEEKDAY) ? rule.weekOfMonth() : null)
			.param("start", rule.start())
			.param("end", rule.end())
			.param("zone", rule.zone().getId())
			.param("first", rule.first())
			.param("last", rule.last())
			.param("exceptions", rule.exceptions().stream().sorted().map(Object::toString).toArray(String[]::new))
			.param("title", ActivityRules.blankToNull(title))
			.param("address", ActivityRules.blankToNull(address))
			.param("by", (by != null) ? by.value() : null)
			.query(Long.class)
			.single();
		List<SessionId> sessions = create(scope, activity, rule.occurrences(), rule.zone().getId(), title, address,
				positions, seriesId);
		this.auditLog.record("activity-series", seriesId, "created", null,
				Map.of("activity", activity.value(), "kind", rule.kind().name(), "sessions", sessions.size()));
		return sessions;
	}

	/**
	 * Creates the shifts of the plan as sessions at the activity's place, each with the
	 * positions.
	 * @throws InvalidActivityException when the plan has problems (more than
	 * {@code limit} shifts among them), or a session or position breaks rules
	 */
	@Transactional
	public List<SessionId> createShifts(UnitScope scope, ActivityId activity, ShiftPlan plan, int limit,
			List<PositionDetails> positions) {
		this.activities.manage(scope, activity);
		List<FieldProblem> problems = plan.problems(limit);
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
		return create(scope, activity, plan.occurrences(), plan.zone().getId(), null, null, positions, null);
	}

	/**
	 * Creates sessions each with its own time and place (a tour's stops), each with the
	 * positions.
	 * @throws InvalidActivityException when one breaks rules (fields
	 * {@code sessions[i].start} ... when more than one)
	 */
	@Transactional
	public List<SessionId> createSessions(UnitScope scope, ActivityId activity, List<SessionDetails> details,
			List<PositionDetails> positions) {
		List<SessionId> sessions = this.activities.addSessions(scope, activity, details, null);
		addPositions(scope, sessions, positions);
		return sessions;
	}

	private List<SessionId> create(UnitScope scope, ActivityId activity, List<Occurrence> occurrences, String zone,
			String title, String address, List<PositionDetails> positions, Long seriesId) {
		List<SessionDetails> details = new ArrayList<>();
		for (Occurrence occurrence : occurrences) {
			details.add(new SessionDetails(ActivityRules.blankToNull(title), occurrence.start(), occurrence.end(), zone,
					false, ActivityRules.blankToNull(address), null, null, null));
		}
		List<SessionId> sessions = this.activities.addSessions(scope, activity, details, seriesId);
		addPositions(scope, sessions, positions);
		return sessions;
	}

	private void addPositions(UnitScope scope, List<SessionId> sessions, List<PositionDetails> positions) {
		if (!positions.isEmpty()) {
			Map<SessionId, List<PositionDetails>> all = new LinkedHashMap<>();
			for (SessionId session : sessions) {
				all.put(session, positions);
			}
			this.activities.addPositions(scope, all);
		}
	}

}
