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
 * Which units an account may see, and whether it may change the tree: the ONE place where
 * unit visibility is decided. Coordinators and leadership see everything (only
 * coordinators change the tree); a unit admin sees the subtrees of the units they admin;
 * anyone else sees nothing. Obtain it from {@link Units#scopeOf} or
 * {@link Units#currentScope()}, and put every unit-scoped query through
 * {@link #pathPredicate(String)} or {@link #unitIdPredicate(String)} (SQL) or
 * {@link #canSee(String)} (in memory).
 *
 * @param everything whether every unit is visible
 * @param mayChangeTree whether units may be created, edited, moved, closed and their
 * admins appointed
 * @param subtreePaths when not {@code everything}: the paths of the topmost administered
 * units; each unit whose path starts with one of them is visible
 */
public record UnitScope(boolean everything, boolean mayChangeTree, Set<String> subtreePaths) {

	private static final String PARAMETER_PREFIX = "unitScopePath";

	public UnitScope {
		subtreePaths = everything ? Set.of() : topmost(subtreePaths);
	}

	/** Everything visible; changes allowed when {@code mayChangeTree}. */
	public static UnitScope everything(boolean mayChangeTree) {
		return new UnitScope(true, mayChangeTree, Set.of());
	}

	/** The subtrees under the given paths, read and manage their members only. */
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
	 * Refuses (403) unless this scope may change the tree.
	 * @throws AccessDeniedException when it may not
	 */
	public void requireMayChangeTree() {
		if (!this.mayChangeTree) {
			throw new AccessDeniedException("Only coordinators change the unit tree");
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
