package org.tongxing.organisation.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitScope.SqlPredicate;
import org.tongxing.organisation.UnitStatus;
import org.tongxing.organisation.UnitType;

/**
 * Units in the {@code unit} table. The tree is kept as parent ids plus materialised
 * paths; writes lock rows with {@code SELECT ... FOR UPDATE}, reads go through a
 * {@link UnitScope}.
 */
@Repository
public class UnitRepository {

	private static final String COLUMNS = """
			u.id, u.parent_id, u.path, u.name, u.name_en, u.short_code, u.type, u.country, u.city, u.time_zone,
			u.description, u.contact, u.status, u.closed_at, u.closed_reason""";

	private final JdbcClient jdbc;

	UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Reserves an id, so that a new unit's path can be written in its insert. */
	public long nextId() {
		return this.jdbc.sql("select nextval(pg_get_serial_sequence('unit', 'id'))").query(Long.class).single();
	}

	public void insert(Unit unit) {
		withDetails(this.jdbc.sql("""
				insert into unit (id, parent_id, path, name, name_en, short_code, type, country, city, time_zone,
				                  description, contact, status)
				values (:id, :parentId, :path, :name, :nameEn, :shortCode, :type, :country, :city, :timeZone,
				        :description, :contact, :status)"""), unit.details()).param("id", unit.id())
			.param("parentId", unit.parentId())
			.param("path", unit.path())
			.param("status", unit.status().name())
			.update();
	}

	/**
	 * Saves details and status; the tree position changes only by {@link #moveSubtree}.
	 */
	public void update(Unit unit) {
		withDetails(this.jdbc.sql("""
				update unit set name = :name, name_en = :nameEn, short_code = :shortCode, type = :type,
				       country = :country, city = :city, time_zone = :timeZone, description = :description,
				       contact = :contact, status = :status, closed_at = :closedAt, closed_reason = :closedReason,
				       updated_at = now()
				where id = :id"""), unit.details()).param("id", unit.id())
			.param("status", unit.status().name())
			.param("closedAt", (unit.closedAt() != null) ? Timestamp.from(unit.closedAt()) : null)
			.param("closedReason", unit.closedReason())
			.update();
	}

	/**
	 * Rewrites the parent of the moved unit and the paths of its whole subtree in one
	 * statement.
	 * @return the number of units whose path changed
	 */
	public int moveSubtree(long unitId, long newParentId, String oldPath, String newPath) {
		return this.jdbc.sql("""
				update unit
				set path = :newPath || substr(path, length(:oldPath) + 1),
				    parent_id = case when id = :id then :parentId else parent_id end,
				    updated_at = case when id = :id then now() else updated_at end
				where path like :prefix""")
			.param("newPath", newPath)
			.param("oldPath", oldPath)
			.param("id", unitId)
			.param("parentId", newParentId)
			.param("prefix", oldPath + "%")
			.update();
	}

	public Optional<Unit> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from unit u where u.id = :id")
			.param("id", id)
			.query(UnitRepository::map)
			.optional();
	}

	/** Reads the unit and holds its row lock until the transaction ends. */
	public Optional<Unit> lock(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from unit u where u.id = :id for update")
			.param("id", id)
			.query(UnitRepository::map)
			.optional();
	}

	/** Locks the root's row: every restructuring of the tree takes it first. */
	public Optional<Unit> lockRoot() {
		return this.jdbc.sql("select " + COLUMNS + " from unit u where u.parent_id is null for update")
			.query(UnitRepository::map)
			.optional();
	}

	/** Locks every unit of the subtree under {@code path}, in id order. */
	public List<Long> lockSubtree(String path) {
		return this.jdbc.sql("select u.id from unit u where u.path like :prefix order by u.id for update")
			.param("prefix", path + "%")
			.query(Long.class)
			.list();
	}

	public long countOpenChildren(long id) {
		return this.jdbc.sql("select count(*) from unit u where u.parent_id = :id and u.status = 'OPEN'")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	public boolean rootExists() {
		return this.jdbc.sql("select count(*) > 0 from unit u where u.parent_id is null").query(Boolean.class).single();
	}

	/** The visible unit with this id. */
	public Optional<Unit> findVisible(UnitScope scope, long id) {
		SqlPredicate visible = scope.pathPredicate("u.path");
		return this.jdbc.sql("select " + COLUMNS + " from unit u where u.id = :id and " + visible.sql())
			.param("id", id)
			.params(visible.parameters())
			.query(UnitRepository::map)
			.optional();
	}

	/** Every visible unit, in tree order (by path). */
	public List<Unit> findAllVisible(UnitScope scope) {
		SqlPredicate visible = scope.pathPredicate("u.path");
		return this.jdbc.sql("select " + COLUMNS + " from unit u where " + visible.sql() + " order by u.path")
			.params(visible.parameters())
			.query(UnitRepository::map)
			.list();
	}

	/** The visible units among those with these ids (e.g. the ancestors on a path). */
	public List<Unit> findVisible(UnitScope scope, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		SqlPredicate visible = scope.pathPredicate("u.path");
		return this.jdbc
			.sql("select " + COLUMNS + " from unit u where u.id in (:ids) and " + visible.sql() + " order by u.path")
			.param("ids", ids)
			.params(visible.parameters())
			.query(UnitRepository::map)
			.list();
	}

	/** The visible direct sub-units of a unit, by name. */
	public List<Unit> findVisibleChildren(UnitScope scope, long parentId) {
		SqlPredicate visible = scope.pathPredicate("u.path");
		return this.jdbc
			.sql("select " + COLUMNS + " from unit u where u.parent_id = :id and " + visible.sql()
					+ " order by u.name, u.id")
			.param("id", parentId)
			.params(visible.parameters())
			.query(UnitRepository::map)
			.list();
	}

	private static Unit map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		Timestamp closedAt = rs.getTimestamp("closed_at");
		UnitDetails details = new UnitDetails(rs.getString("name"), rs.getString("name_en"), rs.getString("short_code"),
				UnitType.valueOf(rs.getString("type")), rs.getString("country"), rs.getString("city"),
				rs.getString("time_zone"), rs.getString("description"), rs.getString("contact"));
		return Unit.restore(rs.getLong("id"), parentId, rs.getString("path"), details,
				UnitStatus.valueOf(rs.getString("status")), (closedAt != null) ? closedAt.toInstant() : null,
				rs.getString("closed_reason"));
	}

	private static JdbcClient.StatementSpec withDetails(JdbcClient.StatementSpec statement, UnitDetails d) {
		return statement.param("name", d.name())
			.param("nameEn", d.nameEn())
			.param("shortCode", d.shortCode())
			.param("type", d.type().name())
			.param("country", d.country())
			.param("city", d.city())
			.param("timeZone", d.timeZone())
			.param("description", d.description())
			.param("contact", d.contact());
	}

}
