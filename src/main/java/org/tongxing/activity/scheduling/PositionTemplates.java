package org.tongxing.activity.scheduling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.Activities;
import org.tongxing.activity.Approval;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.activity.domain.PositionColumns;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.FieldProblem;

/**
 * Position templates of units: whoever sees a unit sees its templates, whoever manages it
 * changes them; a template out of scope is absent (404). Stamping one onto sessions adds
 * the same position to each, all or none, through {@link Activities#addPositions}.
 */
@Service
public class PositionTemplates {

	private final JdbcClient jdbc;

	private final Units units;

	private final ActivityRules rules;

	private final Activities activities;

	private final AuditLog auditLog;

	PositionTemplates(JdbcClient jdbc, Units units, ActivityRules rules, Activities activities, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.units = units;
		this.rules = rules;
		this.activities = activities;
		this.auditLog = auditLog;
	}

	/** The units whose templates the scope may change. */
	@Transactional(readOnly = true)
	public List<UnitView> unitsFor(UnitScope scope) {
		return this.units.list(scope).stream().filter(scope::mayManage).filter(UnitView::isOpen).toList();
	}

	/** Templates of every unit the scope sees, by unit and name. */
	@Transactional(readOnly = true)
	public List<PositionTemplateView> list(UnitScope scope) {
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("t.unit_id");
		return this.jdbc
			.sql("select t.* from position_template t where " + visible.sql() + " order by t.unit_id, t.name")
			.params(visible.parameters())
			.query(PositionTemplates::template)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<PositionTemplateView> find(UnitScope scope, long id) {
		return this.jdbc.sql("select t.* from position_template t where t.id = ?")
			.param(id)
			.query(PositionTemplates::template)
			.optional()
			.filter((template) -> this.units.canSee(scope, template.unit()));
	}

	@Transactional(readOnly = true)
	public PositionTemplateView get(UnitScope scope, long id) {
		return find(scope, id).orElseThrow(() -> new PositionTemplateNotFoundException(id));
	}

	/**
	 * Creates a template of a unit the scope manages.
	 * @throws InvalidActivityException when the details break the rules of a position or
	 * the unit is not one the scope manages (field {@code unit})
	 */
	@Transactional
	public long create(UnitScope scope, UnitId unit, PositionDetails details, AccountId by) {
		check(scope, unit, details);
		long id = this.jdbc.sql("""
				insert into position_template (unit_id, name, description, capacity, approval, min_age, required_skills,
				                               required_languages, required_qualifications, created_by)
				values (:unit, :name, :description, :capacity, :approval, :minAge, :skills, :languages,
				        :qualifications, :by)
				returning id""")
			.paramSource(parameters(unit, details).addValue("by", (by != null) ? by.value() : null))
			.query(Long.class)
			.single();
		this.auditLog.record("position-template", id, "created", null, audit(unit, details));
		return id;
	}

	@Transactional
	public void update(UnitScope scope, long id, UnitId unit, PositionDetails details) {
		PositionTemplateView before = managed(scope, id);
		check(scope, unit, details);
		this.jdbc.sql("""
				update position_template set unit_id = :unit, name = :name, description = :description,
				       capacity = :capacity, approval = :approval, min_age = :minAge, required_skills = :skills,
				       required_languages = :languages, required_qualifications = :qualifications, updated_at = now()
				where id = :id""").paramSource(parameters(unit, details).addValue("id", id)).update();
		this.auditLog.record("position-template", id, "updated", audit(before.unit(), before.details()),
				audit(unit, details));
	}

	@Transactional
	public void delete(UnitScope scope, long id) {
		PositionTemplateView before = managed(scope, id);
		this.jdbc.sql("delete from position_template where id = ?").param(id).update();
		this.auditLog.record("position-template", id, "deleted", audit(before.unit(), before.details()), null);
	}

	/**
	 * Adds the template's position to each of the sessions (of activities the scope
	 * manages), all or none.
	 */
	@Transactional
	public List<PositionId> stamp(UnitScope scope, long templateId, List<SessionId> sessions) {
		PositionTemplateView template = get(scope, templateId);
		Map<SessionId, List<PositionDetails>> positions = new LinkedHashMap<>();
		for (SessionId session : sessions) {
			positions.put(session, List.of(template.details()));
		}
		List<PositionId> ids = this.activities.addPositions(scope, positions);
		this.auditLog.record("position-template", templateId, "stamped", null,
				Map.of("sessions", sessions.stream().map(SessionId::value).toList()));
		return ids;
	}

	private PositionTemplateView managed(UnitScope scope, long id) {
		PositionTemplateView template = get(scope, id);
		scope.requireMayManage(this.units.get(scope, template.unit()));
		return template;
	}

	private void check(UnitScope scope, UnitId unit, PositionDetails details) {
		List<FieldProblem> problems = new java.util.ArrayList<>(this.rules.check(details));
		if (unit == null || this.units.find(scope, unit).filter(scope::mayManage).isEmpty()) {
			problems.add(FieldProblem.of("unit", "activity.invalid.unit"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidActivityException(problems);
		}
	}

	private static Map<String, Object> audit(UnitId unit, PositionDetails details) {
		return Map.of("unit", unit.value(), "name", details.name().strip(), "capacity", details.capacity());
	}

	private static MapSqlParameterSource parameters(UnitId unit, PositionDetails details) {
		return PositionColumns.parameters(details).addValue("unit", unit.value());
	}

	static PositionTemplateView template(ResultSet rs, int row) throws SQLException {
		return new PositionTemplateView(rs.getLong("id"), new UnitId(rs.getLong("unit_id")), rs.getString("name"),
				rs.getString("description"), rs.getInt("capacity"), Approval.valueOf(rs.getString("approval")),
				rs.getObject("min_age", Integer.class), strings(rs.getArray("required_skills")),
				strings(rs.getArray("required_languages")), strings(rs.getArray("required_qualifications")));
	}

	private static Set<String> strings(Array array) throws SQLException {
		return (array != null) ? Set.of((String[]) array.getArray()) : Set.of();
	}

}
