package org.tongxing.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;

/**
 * The annual plans, for pages and other modules. Anyone signed in may read a plan;
 * coordinators alone change it. Changes are audited in their transaction.
 */
@Service
public class Plans {

	static final String CAMPAIGN_SELECT = """
			select c.id, p.id as plan_id, p.year, t.id as theme_id, t.level, t.name as theme_name, c.name,
			       c.description, c.target_activities, c.target_participations, c.target_hours,
			       c.target_people_served, c.target_money_raised
			from campaign c join plan_theme t on t.id = c.theme_id join annual_plan p on p.id = t.plan_id
			""";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	Plans(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * Creates the plan of a year.
	 * @throws DuplicatePlanException when the year has a plan
	 */
	@Transactional
	public PlanId createPlan(UnitScope scope, int year, String title, String summary, AccountId by) {
		scope.requireCoordinator();
		try {
			long id = this.jdbc
				.sql("insert into annual_plan (year, title, summary, created_by) values (?, ?, ?, ?) returning id")
				.params(year, title, summary, (by != null) ? by.value() : null)
				.query(Long.class)
				.single();
			this.auditLog.record("plan", id, "created", Map.of(), Map.of("year", year, "title", title));
			return new PlanId(id);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("A plan for " + year + " exists");
		}
	}

	/**
	 * Adds a theme to a level of the plan.
	 * @throws DuplicatePlanException when the level has a theme of that name
	 */
	@Transactional
	public ThemeId addTheme(UnitScope scope, PlanId plan, PlanLevel level, String name, String description) {
		scope.requireCoordinator();
		try {
			long id = this.jdbc.sql("""
					insert into plan_theme (plan_id, level, name, description, sort_order)
					values (:plan, :level, :name, :description,
					        (select count(*) from plan_theme where plan_id = :plan))
					returning id""")
				.param("plan", plan.value())
				.param("level", level.name())
				.param("name", name)
				.param("description", description)
				.query(Long.class)
				.single();
			this.auditLog.record("plan-theme", id, "created", Map.of(),
					Map.of("plan", plan.value(), "level", level.name(), "name", name));
			return new ThemeId(id);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("The theme exists");
		}
	}

	/**
	 * Adds a campaign to a theme.
	 * @throws DuplicatePlanException when the theme has a campaign of that name
	 */
	@Transactional
	public CampaignId addCampaign(UnitScope scope, ThemeId theme, String name, String description,
			CampaignTargets targets) {
		scope.requireCoordinator();
		try {
			long id = this.jdbc
				.sql("""
						insert into campaign (theme_id, name, description, sort_order, target_activities,
						                      target_participations, target_hours, target_people_served, target_money_raised)
						values (:theme, :name, :description, (select count(*) from campaign where theme_id = :theme),
						        :activities, :participations, :hours, :peopleServed, :money)
						returning id""")
				.param("theme", theme.value())
				.param("name", name)
				.param("description", description)
				.param("activities", integer(targets.get(Measure.ACTIVITIES)))
				.param("participations", integer(targets.get(Measure.PARTICIPATIONS)))
				.param("hours", targets.get(Measure.HOURS))
				.param("peopleServed", integer(targets.get(Measure.PEOPLE_SERVED)))
				.param("money", targets.get(Measure.MONEY_RAISED))
				.query(Long.class)
				.single();
			this.auditLog.record("campaign", id, "created", Map.of(), Map.of("theme", theme.value(), "name", name));
			return new CampaignId(id);
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("The campaign exists");
		}
	}

	@Transactional(readOnly = true)
	public Optional<PlanId> findPlan(int year) {
		return this.jdbc.sql("select id from annual_plan where year = ?")
			.param(year)
			.query(Long.class)
			.optional()
			.map(PlanId::new);
	}

	@Transactional(readOnly = true)
	public Optional<CampaignView> findCampaign(CampaignId id) {
		return this.jdbc.sql(CAMPAIGN_SELECT + " where c.id = ?").param(id.value()).query(Plans::campaign).optional();
	}

	/** The campaigns of a year's plan, in plan order (levels, themes, campaigns). */
	@Transactional(readOnly = true)
	public List<CampaignView> campaigns(int year) {
		return this.jdbc.sql(CAMPAIGN_SELECT + " where p.year = ? order by t.level, t.sort_order, c.sort_order")
			.param(year)
			.query(Plans::campaign)
			.list();
	}

	/** The campaigns of every plan, newest year first, for choosing one. */
	@Transactional(readOnly = true)
	public List<CampaignView> allCampaigns() {
		return this.jdbc.sql(CAMPAIGN_SELECT + " order by p.year desc, t.level, t.sort_order, c.sort_order")
			.query(Plans::campaign)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ProposalView> findProposal(ProposalId id) {
		return this.jdbc.sql("select * from campaign_proposal where id = ?")
			.param(id.value())
			.query((rs, n) -> new ProposalView(new ProposalId(rs.getLong("id")),
					new CampaignId(rs.getLong("campaign_id")), new UnitId(rs.getLong("unit_id")), rs.getString("title"),
					rs.getString("summary"), rs.getObject("planned_from", LocalDate.class),
					rs.getObject("planned_to", LocalDate.class), rs.getObject("expected_participants", Integer.class),
					ProposalStatus.valueOf(rs.getString("status")), rs.getString("decision_comment")))
			.optional();
	}

	static CampaignView campaign(ResultSet rs, int row) throws SQLException {
		EnumMap<Measure, BigDecimal> targets = new EnumMap<>(Measure.class);
		targets.put(Measure.ACTIVITIES, decimal(rs, "target_activities"));
		targets.put(Measure.PARTICIPATIONS, decimal(rs, "target_participations"));
		targets.put(Measure.HOURS, rs.getBigDecimal("target_hours"));
		targets.put(Measure.PEOPLE_SERVED, decimal(rs, "target_people_served"));
		targets.put(Measure.MONEY_RAISED, rs.getBigDecimal("target_money_raised"));
		return new CampaignView(new CampaignId(rs.getLong("id")), new PlanId(rs.getLong("plan_id")), rs.getInt("year"),
				new ThemeId(rs.getLong("theme_id")), PlanLevel.valueOf(rs.getString("level")),
				rs.getString("theme_name"), rs.getString("name"), rs.getString("description"),
				new CampaignTargets(targets));
	}

	private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : BigDecimal.valueOf(value);
	}

	private static Integer integer(BigDecimal value) {
		return (value != null) ? value.intValueExact() : null;
	}

}
