package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.organisation.UnitScope;

/**
 * The hours policy of each activity ({@link HoursPolicy}), falling back to the
 * association's default ({@code tongxing.servicerecord.hours.min-share-percent} and
 * {@code tongxing.servicerecord.hours.buckets}), and the fixed hours of positions.
 */
@Service
public class HoursPolicies {

	private final JdbcClient jdbc;

	private final Activities activities;

	private final AuditLog audit;

	private final HoursPolicy defaultPolicy;

	HoursPolicies(JdbcClient jdbc, Activities activities, AuditLog audit,
			@Value("${tongxing.servicerecord.hours.min-share-percent:0}") int minShare,
			@Value("${tongxing.servicerecord.hours.buckets:15:0,45:0.5,60:1}") String buckets) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.audit = audit;
		this.defaultPolicy = HoursPolicy.of(minShare, buckets);
	}

	public HoursPolicy defaultPolicy() {
		return this.defaultPolicy;
	}

	/** The activity's own policy, if it has one. */
	@Transactional(readOnly = true)
	public Optional<HoursPolicy> ownPolicy(ActivityId activity) {
		return this.jdbc.sql("select min_share_percent, buckets from hours_policy where activity_id = ?")
			.param(activity.value())
			.query((rs, n) -> HoursPolicy.of(rs.getInt("min_share_percent"), rs.getString("buckets")))
			.optional();
	}

	public HoursPolicy policyFor(ActivityId activity) {
		return ownPolicy(activity).orElse(this.defaultPolicy);
	}

	/**
	 * Sets the activity's policy, or (null) returns it to the association's default.
	 * Records already made keep their hours; pending ones are recomputed at their next
	 * change.
	 */
	@Transactional
	public void setPolicy(UnitScope scope, ActivityId activity, HoursPolicy policy, AccountId by) {
		this.activities.manage(scope, activity);
		Optional<HoursPolicy> before = ownPolicy(activity);
		if (policy == null) {
			this.jdbc.sql("delete from hours_policy where activity_id = ?").param(activity.value()).update();
		}
		else {
			this.jdbc.sql("""
					insert into hours_policy (activity_id, min_share_percent, buckets, updated_by) values (?, ?, ?, ?)
					on conflict (activity_id) do update set min_share_percent = excluded.min_share_percent,
					  buckets = excluded.buckets, updated_at = now(), updated_by = excluded.updated_by""")
				.params(activity.value(), policy.minSharePercent(), policy.bucketsText(), by.value())
				.update();
		}
		this.audit.record("activity", activity.value(), "hours-policy",
				before.map(HoursPolicies::describe).orElse(null), (policy != null) ? describe(policy) : null);
	}

	/** The position's fixed hours, if it has them. */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> fixedHours(PositionId position) {
		return this.jdbc.sql("select hours from position_fixed_hours where position_id = ?")
			.param(position.value())
			.query(BigDecimal.class)
			.optional();
	}

	/** Fixed hours of many positions at once. */
	@Transactional(readOnly = true)
	public Map<PositionId, BigDecimal> fixedHours(java.util.Collection<PositionId> positions) {
		Map<PositionId, BigDecimal> result = new HashMap<>();
		if (!positions.isEmpty()) {
			this.jdbc.sql("select position_id, hours from position_fixed_hours where position_id in (:ids)")
				.param("ids", positions.stream().map(PositionId::value).toList())
				.query((rs, n) -> result.put(new PositionId(rs.getLong("position_id")), rs.getBigDecimal("hours")))
				.list();
		}
		return result;
	}

	/** Sets (or, null, removes) a position's fixed hours. */
	@Transactional
	public void setFixedHours(UnitScope scope, PositionId position, BigDecimal hours, AccountId by) {
		PositionView found = this.activities.findPosition(position)
			.orElseThrow(() -> new ActivityNotFoundException("position", position));
		SessionView session = this.activities.findSession(found.session())
			.orElseThrow(() -> new ActivityNotFoundException("session", found.session()));
		this.activities.manage(scope, session.activity());
		if (hours == null) {
			this.jdbc.sql("delete from position_fixed_hours where position_id = ?").param(position.value()).update();
		}
		else {
			if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
				throw new ServiceRecordException("servicerecord.invalid.fixed-hours");
			}
			this.jdbc.sql("""
					insert into position_fixed_hours (position_id, hours) values (?, ?)
					on conflict (position_id) do update set hours = excluded.hours""")
				.params(position.value(), hours)
				.update();
		}
		this.audit.record("session_position", position.value(), "fixed-hours", null,
				(hours != null) ? Map.of("hours", hours) : null);
	}

	private static Map<String, Object> describe(HoursPolicy policy) {
		return Map.of("minSharePercent", policy.minSharePercent(), "buckets", policy.bucketsText());
	}

}
