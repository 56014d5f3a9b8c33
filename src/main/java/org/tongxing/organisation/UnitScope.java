package org.tongxing.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;

/**
 * Which units an account may see and which it may change: the ONE place where unit
 * visibility and the right to manage units are decided. Coordinators see and manage
 * everything and alone appoint admins and create the root; leadership sees everything and
 * changes nothing; a unit admin sees and manages the subtrees of the units they admin
 * ({@link #mayManage}: create sub-units in it, edit its units), but moves, closes and
 * reopens only units strictly below an administered unit ({@link #mayManageBelow});
 * anyone else sees nothing. Obtain it from {@link Units#scopeOf} or
 * {@link Units#currentScope()}, and put every unit-scoped query through
 * {@link #pathPredicate(String)} or {@link #unitIdPredicate(String)} (SQL) or
 * {@link #canSee(String)} (in memory).
 *
 * @param everything whether every unit is visible
 * @param coordinator whether every unit may be changed, admins appointed and the root
 * created
 * @param subtreePaths when not {@code everything}: the paths of the topmost administered
 * units; each unit whose path starts with one of them is visible
 */
public record UnitScope(boolean everything, boolean coordinator, Set<String> subtreePaths) {

	private static final String PARAMETER_PREFIX = "unitScopePath";

	public UnitScope {
		subtreePaths = everything ? Set.of() : topmost(subtreePaths);
	}

	/** Everything visible; every change allowed when {@code coordinator}, none else. */
	public static UnitScope everything(boolean coordinator) {
		return new UnitScope(true, coordinator, Set.of());
	}

	/** The subtrees under the given paths (a unit admin's), to read and manage. */
	public static UnitScope subtrees(Collection<String> paths) {
		return new UnitScope(false, false, Set.copyOf(paths));
	}

	public static UnitScope nothing() {
		return new UnitScope(false, false, Set.of());
	}

	public boolean seesNothing() {
		return !this.everything && this.subtreePaths.isEmpty();
	}

	/** Whether the unit with this materialised path is visible. */
	public boolean canSee(String path) {
		return this.everything || this.subtreePaths.stream().anyMatch(path::startsWith);
	}

	public boolean canSee(UnitView unit) {
		return canSee(unit.path());
	}

	/**
	 * Whether units may be created under, and the details edited of, the unit with this
	 * path: for a coordinator any unit, for an admin any unit in their subtrees,
	 * including the administered unit itself.
	 */
	public boolean mayManage(String path) {
		return this.coordinator || (!this.everything && canSee(path));
	}

	public boolean mayManage(UnitView unit) {
		return mayManage(unit.path());
	}

	/**
	 * Whether the unit with this path may be moved, closed and reopened: for a
	 * coordinator any unit (the tree's own rules still guard the root), for an admin only
	 * units strictly below a unit they administer, never that unit itself.
	 */
	public boolean mayManageBelow(String path) {
		return this.coordinator || (!this.everything
				&& this.subtreePaths.stream().anyMatch((top) -> path.startsWith(top) && !path.equals(top)));
	}

	public boolean mayManageBelow(UnitView unit) {
		return mayManageBelow(unit.path());
	}

	/**
	 * Refuses (403) unless {@link #mayManage(String)}. Callers answer 404 first for units
	 * the scope does not see.
	 * @throws AccessDeniedException when it may not
	 */
	public void requireMayManage(String path) {
		if (!mayManage(path)) {
			throw new AccessDeniedException("This account does not manage the unit");
		}
	}

	public void requireMayManage(UnitView unit) {
		requireMayManage(unit.path());
	}

	/**
	 * Refuses (403) unless {@link #mayManageBelow(String)}.
	 * @throws AdministeredUnitException when an admin tries it on a unit they administer
	 * themselves
	 * @throws AccessDeniedException when it may not otherwise
	 */
	public void requireMayManageBelow(String path) {
		if (!mayManageBelow(path)) {
			if (mayManage(path)) {
				throw new AdministeredUnitException();
			}
			throw new AccessDeniedException("This account does not manage the unit");
		}
	}

	public void requireMayManageBelow(UnitView unit) {
		requireMayManageBelow(unit.path());
	}

	/**
	 * Refuses (403) unless this is a coordinator's scope: for appointing and removing
	 * admins and creating the root.
	 * @throws AccessDeniedException when it is not
	 */
	public void requireCoordinator() {
		if (!this.coordinator) {
			throw new AccessDeniedException("Only coordinators appoint unit admins and create the root");
		}
	}

	/**
	 * A SQL condition on a column holding a unit's materialised path, e.g.
	 * {@code pathPredicate("u.path")}; bind its {@link SqlPredicate#parameters()} as
	 * named parameters.
	 */
	public SqlPredicate pathPredicate(String pathColumn) {
		if (this.everything) {
			return new SqlPredicate("true", Map.of());
		}
		if (this.subtreePaths.isEmpty()) {
			return new SqlPredicate("false", Map.of());
		}
		List<String> conditions = new ArrayList<>();
		Map<String, Object> parameters = new LinkedHashMap<>();
		int i = 0;
		for (String path : this.subtreePaths) {
			String name = PARAMETER_PREFIX + i++;
			conditions.add(pathColumn + " like :" + name);
			parameters.put(name, path + "%");
		}
		return new SqlPredicate("(" + String.join(" or ", conditions) + ")", parameters);
	}

	/**
	 * A SQL condition on a column holding a unit id, for tables of other modules that
	 * keep a {@link UnitId}, e.g. {@code unitIdPredicate("v.unit_id")}.
	 */
	public SqlPredicate unitIdPredicate(String unitIdColumn) {
		if (this.everything) {
			return new SqlPredicate("true", Map.of());
		}
		SqlPredicate paths = pathPredicate("scope_unit.path");
		return new SqlPredicate(
				unitIdColumn + " in (select scope_unit.id from unit scope_unit where " + paths.sql() + ")",
				paths.parameters());
	}

	private static Set<String> topmost(Set<String> paths) {
		Set<String> result = new TreeSet<>();
		for (String path : paths) {
			if (paths.stream().noneMatch((other) -> !other.equals(path) && path.startsWith(other))) {
				result.add(path);
			}
		}
		return Set.copyOf(result);
	}

	/**
	 * A piece of SQL and the named parameters it needs.
	 */
	public record SqlPredicate(String sql, Map<String, Object> parameters) {
	}

}
