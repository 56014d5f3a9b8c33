package org.tongxing.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitScope.SqlPredicate;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Who sees which activities: the one place that decides it. Those who see an activity's
 * organising unit in their {@link UnitScope} see it in every status (drafts too); anyone
 * else sees it once published: the public sees PUBLIC activities, everyone signed in also
 * ASSOCIATION ones, and a volunteer also the SUBTREE activities whose subtree holds their
 * unit. Use {@link #canSee} in memory and {@link #predicate} in SQL.
 */
@Service
public class ActivityVisibility {

	private final Units units;

	private final Volunteers volunteers;

	ActivityVisibility(Units units, Volunteers volunteers) {
		this.units = units;
		this.volunteers = volunteers;
	}

	/**
	 * Who is looking.
	 *
	 * @param account the signed-in account, or null for the public
	 * @param scope the units the account sees as an admin, coordinator or leader
	 * @param volunteerUnitPath the path of the account's volunteer's unit, or null
	 */
	public record Viewer(AccountId account, UnitScope scope, String volunteerUnitPath) {

		public static Viewer anonymous() {
			return new Viewer(null, UnitScope.nothing(), null);
		}

		public boolean isSignedIn() {
			return this.account != null;
		}

	}

	/** The viewer of a signed-in account. */
	@Transactional(readOnly = true)
	public Viewer viewer(SignedInAccount account) {
		return viewer(account, this.volunteers.findByAccount(account.id()));
	}

	/**
	 * The viewer of a signed-in account whose volunteer record the caller has read
	 * already (saves reading it twice in one request).
	 * @param volunteer the account's volunteer record, or empty when it has none
	 */
	@Transactional(readOnly = true)
	public Viewer viewer(SignedInAccount account, Optional<VolunteerView> volunteer) {
		String path = volunteer.flatMap((view) -> this.units.find(UnitScope.everything(false), view.unitId()))
			.map(UnitView::path)
			.orElse(null);
		return new Viewer(account.id(), this.units.scopeOf(account), path);
	}

	/** The viewer signed in on this thread, or the public. */
	@Transactional(readOnly = true)
	public Viewer current() {
		return Accounts.current().map(this::viewer).orElseGet(Viewer::anonymous);
	}

	@Transactional(readOnly = true)
	public boolean canSee(Viewer viewer, ActivityView activity) {
		if (this.units.canSee(viewer.scope(), activity.unit())) {
			return true;
		}
		if (!activity.status().isVisibleToVolunteers()) {
			return false;
		}
		return switch (activity.visibility()) {
			case PUBLIC -> true;
			case ASSOCIATION -> viewer.isSignedIn();
			case SUBTREE -> viewer.volunteerUnitPath() != null && activity.visibilityUnit() != null
					&& pathOf(activity.visibilityUnit()).map(viewer.volunteerUnitPath()::startsWith).orElse(false);
		};
	}

	/**
	 * A SQL condition on an {@code activity} table alias, e.g.
	 * {@code predicate(viewer, "a")}: the activities the viewer sees. Bind its parameters
	 * as named parameters.
	 */
	public SqlPredicate predicate(Viewer viewer, String alias) {
		SqlPredicate managed = viewer.scope().unitIdPredicate(alias + ".unit_id");
		Map<String, Object> parameters = new LinkedHashMap<>(managed.parameters());
		String published = alias + ".status <> 'DRAFT'";
		String visible;
		if (!viewer.isSignedIn()) {
			visible = alias + ".visibility = 'PUBLIC'";
		}
		else if (viewer.volunteerUnitPath() == null) {
			visible = alias + ".visibility in ('PUBLIC', 'ASSOCIATION')";
		}
		else {
			// a subtree holds the volunteer's unit when its top unit is on the unit's
			// path
			// ("/1/7/12/"): a list of ids, not a look-up of each activity's unit, so the
			// planner can join the activities by hash instead of one by one
			visible = "(" + alias + ".visibility in ('PUBLIC', 'ASSOCIATION') or (" + alias
					+ ".visibility = 'SUBTREE' and " + alias + ".visibility_unit_id in (:viewerUnitPathIds)))";
			parameters.put("viewerUnitPathIds", pathIds(viewer.volunteerUnitPath()));
		}
		String sql = viewer.scope().seesNothing() ? "(" + published + " and " + visible + ")"
				: "(" + managed.sql() + " or (" + published + " and " + visible + "))";
		return new SqlPredicate(sql, parameters);
	}

	/** The ids of the units on a path, from the top: "/1/7/12/" gives 1, 7, 12. */
	static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.valueOf(part));
			}
		}
		return ids;
	}

	private java.util.Optional<String> pathOf(UnitId unit) {
		return this.units.find(UnitScope.everything(false), unit).map(UnitView::path);
	}

}
