package org.tongxing.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.planning.domain.Actuals;

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

	/** The first and last year a plan may be for (the table's CHECK). */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	private static final BigDecimal MAX_HOURS = new BigDecimal("99999999999.9");

	private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

	private static final String THEME_SELECT = """
			select t.id, t.plan_id, p.year, t.level, t.name, t.description
			from plan_theme t join annual_plan p on p.id = t.plan_id
			""";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Actuals actuals;

	Plans(JdbcClient jdbc, AuditLog auditLog, Actuals actuals) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.actuals = actuals;
	}

	/**
	 * Creates the plan of a year.
	 * @throws DuplicatePlanException when the year has a plan
	 */
	@Transactional
	public PlanId createPlan(UnitScope scope, int year, String title, String summary, AccountId by) {
		scope.requireCoordinator();
		checkYear("year", year);
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
		lockPlan(plan);
		try {
			// the plan's row lock keeps two additions from taking the same last position
			long id = this.jdbc.sql("""
					insert into plan_theme (plan_id, level, name, description, sort_order)
					values (:plan, :level, :name, :description,
					        (select coalesce(max(sort_order) + 1, 0) from plan_theme
					         where plan_id = :plan and level = :level))
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
		checkTargets(targets);
		lockThemeForOrder(theme);
		try {
			long id = this.jdbc
				.sql("""
						insert into campaign (theme_id, name, description, sort_order, target_activities,
						                      target_participations, target_hours, target_people_served, target_money_raised)
						values (:theme, :name, :description,
						        (select coalesce(max(sort_order) + 1, 0) from campaign where theme_id = :theme),
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
			.query(Plans::proposal)
			.optional();
	}

	static ProposalView proposal(ResultSet rs, int row) throws SQLException {
		return new ProposalView(new ProposalId(rs.getLong("id")), new CampaignId(rs.getLong("campaign_id")),
				new UnitId(rs.getLong("unit_id")), rs.getString("title"), rs.getString("summary"),
				rs.getObject("planned_from", LocalDate.class), rs.getObject("planned_to", LocalDate.class),
				rs.getObject("expected_participants", Integer.class), ProposalStatus.valueOf(rs.getString("status")),
				rs.getString("decision_comment"));
	}

	/** Every plan, newest year first. */
	@Transactional(readOnly = true)
	public List<PlanView> plans() {
		return this.jdbc.sql("select id, year, title, summary from annual_plan order by year desc")
			.query(Plans::plan)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<PlanView> plan(int year) {
		return this.jdbc.sql("select id, year, title, summary from annual_plan where year = ?")
			.param(year)
			.query(Plans::plan)
			.optional();
	}

	/** Changes the title and summary of a year's plan. */
	@Transactional
	public void updatePlan(UnitScope scope, int year, String title, String summary) {
		scope.requireCoordinator();
		PlanView before = plan(year).orElseThrow(() -> new PlanNotFoundException("Plan"));
		this.jdbc.sql("update annual_plan set title = ?, summary = ? where id = ?")
			.params(title, summary, before.id().value())
			.update();
		this.auditLog.record("plan", before.id().value(), "updated", Map.of("title", before.title()),
				Map.of("title", title));
	}

	/** The themes of a year's plan, in plan order (level, then their order). */
	@Transactional(readOnly = true)
	public List<ThemeView> themes(int year) {
		return this.jdbc.sql(THEME_SELECT + " where p.year = ? order by t.level, t.sort_order, t.id")
			.param(year)
			.query(Plans::theme)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ThemeView> findTheme(ThemeId id) {
		return this.jdbc.sql(THEME_SELECT + " where t.id = ?").param(id.value()).query(Plans::theme).optional();
	}

	/**
	 * Renames a theme or changes its description.
	 * @throws DuplicatePlanException when the level has another theme of that name
	 */
	@Transactional
	public void updateTheme(UnitScope scope, ThemeId id, String name, String description) {
		scope.requireCoordinator();
		ThemeView before = findTheme(id).orElseThrow(() -> new PlanNotFoundException("Theme"));
		try {
			this.jdbc.sql("update plan_theme set name = ?, description = ? where id = ?")
				.params(name, description, id.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("The theme exists");
		}
		this.auditLog.record("plan-theme", id.value(), "updated", Map.of("name", before.name()), Map.of("name", name));
	}

	/**
	 * Removes a theme that has no campaigns.
	 * @throws PlanRuleViolationException when it still has campaigns
	 */
	@Transactional
	public void removeTheme(UnitScope scope, ThemeId id) {
		scope.requireCoordinator();
		// parent before child, as every change of the order locks them
		lockPlan(findTheme(id).orElseThrow(() -> new PlanNotFoundException("Theme")).planId());
		ThemeView theme = lockTheme(id);
		int position = position("plan_theme", id.value());
		long campaigns = this.jdbc.sql("select count(*) from campaign where theme_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
		if (campaigns > 0) {
			throw new PlanRuleViolationException(null, "planning.theme.inUse", campaigns);
		}
		this.jdbc.sql("delete from plan_theme where id = ?").param(id.value()).update();
		// close the gap, so that positions stay 0, 1, 2, ...
		this.jdbc
			.sql("update plan_theme set sort_order = sort_order - 1 where plan_id = ? and level = ? and sort_order > ?")
			.params(theme.planId().value(), theme.level().name(), position)
			.update();
		this.auditLog.record("plan-theme", id.value(), "removed",
				Map.of("plan", theme.planId().value(), "level", theme.level().name(), "name", theme.name()), Map.of());
	}

	/**
	 * Changes a campaign's name, description and targets.
	 * @throws PlanRuleViolationException when a target is negative, too large or not a
	 * whole number where one is needed
	 * @throws DuplicatePlanException when the theme has another campaign of that name
	 */
	@Transactional
	public void updateCampaign(UnitScope scope, CampaignId id, String name, String description,
			CampaignTargets targets) {
		scope.requireCoordinator();
		checkTargets(targets);
		CampaignView before = findCampaign(id).orElseThrow(() -> new PlanNotFoundException("Campaign"));
		try {
			this.jdbc.sql("""
					update campaign set name = :name, description = :description, target_activities = :activities,
					       target_participations = :participations, target_hours = :hours,
					       target_people_served = :peopleServed, target_money_raised = :money
					where id = :id""")
				.param("id", id.value())
				.param("name", name)
				.param("description", description)
				.param("activities", integer(targets.get(Measure.ACTIVITIES)))
				.param("participations", integer(targets.get(Measure.PARTICIPATIONS)))
				.param("hours", targets.get(Measure.HOURS))
				.param("peopleServed", integer(targets.get(Measure.PEOPLE_SERVED)))
				.param("money", targets.get(Measure.MONEY_RAISED))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("The campaign exists");
		}
		this.auditLog.record("campaign", id.value(), "updated", auditState(before.name(), before.targets()),
				auditState(name, targets));
	}

	/**
	 * Removes a campaign nothing refers to.
	 * @throws PlanRuleViolationException when activities or proposals refer to it
	 */
	@Transactional
	public void removeCampaign(UnitScope scope, CampaignId id) {
		scope.requireCoordinator();
		// parent before child, as every change of the order locks them
		lockThemeForOrder(findCampaign(id).orElseThrow(() -> new PlanNotFoundException("Campaign")).themeId());
		// the row lock keeps a proposal from arriving between the check and the delete
		this.jdbc.sql("select id from campaign where id = ? for update")
			.param(id.value())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new PlanNotFoundException("Campaign"));
		CampaignView campaign = findCampaign(id).orElseThrow(() -> new PlanNotFoundException("Campaign"));
		// The one read of another module's table (activity): the planning module cannot
		// use
		// the activity module's API (activity depends on planning), and the foreign key
		// from activity.campaign_id would refuse the delete anyway; this turns that into
		// a
		// clear message.
		long activities = this.jdbc.sql("select count(*) from activity where campaign_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
		long proposals = this.jdbc.sql("select count(*) from campaign_proposal where campaign_id = ?")
			.param(id.value())
			.query(Long.class)
			.single();
		if (activities > 0 || proposals > 0) {
			throw new PlanRuleViolationException(null, "planning.campaign.inUse", activities, proposals);
		}
		int position = position("campaign", id.value());
		this.jdbc.sql("delete from campaign where id = ?").param(id.value()).update();
		this.jdbc.sql("update campaign set sort_order = sort_order - 1 where theme_id = ? and sort_order > ?")
			.params(campaign.themeId().value(), position)
			.update();
		this.auditLog.record("campaign", id.value(), "removed", auditState(campaign.name(), campaign.targets()),
				Map.of());
	}

	/**
	 * Moves a theme one place up or down among the themes of its level, swapping it with
	 * its neighbour. Moves of one plan are serialised by a lock on the plan's row, so
	 * positions stay unique and without gaps however many coordinators move at once.
	 * @return whether it moved: false when it is already first (up) or last (down)
	 * @throws PlanNotFoundException when there is no such theme
	 */
	@Transactional
	public boolean moveTheme(UnitScope scope, ThemeId id, Move move) {
		scope.requireCoordinator();
		ThemeView theme = findTheme(id).orElseThrow(() -> new PlanNotFoundException("Theme"));
		lockPlan(theme.planId());
		return swap("plan-theme", "plan_theme", "n.plan_id = s.plan_id and n.level = s.level", id.value(), move);
	}

	/**
	 * Moves a campaign one place up or down among the campaigns of its theme, swapping it
	 * with its neighbour. Moves in one theme are serialised by a lock on the theme's row.
	 * @return whether it moved: false when it is already first (up) or last (down)
	 * @throws PlanNotFoundException when there is no such campaign
	 */
	@Transactional
	public boolean moveCampaign(UnitScope scope, CampaignId id, Move move) {
		scope.requireCoordinator();
		CampaignView campaign = findCampaign(id).orElseThrow(() -> new PlanNotFoundException("Campaign"));
		lockThemeForOrder(campaign.themeId());
		return swap("campaign", "campaign", "n.theme_id = s.theme_id", id.value(), move);
	}

	/**
	 * Copies a year's plan into a year that has none: its levels, themes, campaigns and
	 * targets, not its proposals or activities. All or nothing.
	 * @param title the new plan's title; null or blank for the source's title with its
	 * year replaced
	 * @throws PlanNotFoundException when the source year has no plan
	 * @throws DuplicatePlanException when the target year has a plan
	 * @throws PlanRuleViolationException when the target year is out of range or the
	 * source year itself
	 */
	@Transactional
	public PlanId copyPlan(UnitScope scope, int fromYear, int toYear, String title, AccountId by) {
		scope.requireCoordinator();
		checkYear("targetYear", toYear);
		if (fromYear == toYear) {
			throw new PlanRuleViolationException("targetYear", "planning.copy.sameYear");
		}
		PlanView source = plan(fromYear).orElseThrow(() -> new PlanNotFoundException("Plan"));
		String newTitle = (title == null || title.isBlank())
				? source.title().replace(String.valueOf(fromYear), String.valueOf(toYear)) : title.strip();
		long id;
		try {
			id = this.jdbc
				.sql("insert into annual_plan (year, title, summary, created_by) values (?, ?, ?, ?) returning id")
				.params(toYear, newTitle, source.summary(), (by != null) ? by.value() : null)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicatePlanException("A plan for " + toYear + " exists");
		}
		int themes = this.jdbc.sql("""
				insert into plan_theme (plan_id, level, name, description, sort_order)
				select :target, level, name, description, sort_order from plan_theme where plan_id = :source""")
			.param("target", id)
			.param("source", source.id().value())
			.update();
		// a theme's name is unique on its level, so (level, name) finds its copy
		int campaigns = this.jdbc.sql("""
				insert into campaign (theme_id, name, description, sort_order, target_activities,
				                      target_participations, target_hours, target_people_served, target_money_raised)
				select nt.id, c.name, c.description, c.sort_order, c.target_activities, c.target_participations,
				       c.target_hours, c.target_people_served, c.target_money_raised
				from campaign c
				join plan_theme ot on ot.id = c.theme_id
				join plan_theme nt on nt.plan_id = :target and nt.level = ot.level and nt.name = ot.name
				where ot.plan_id = :source""").param("target", id).param("source", source.id().value()).update();
		this.auditLog.record("plan", id, "copied", Map.of("fromYear", fromYear),
				Map.of("year", toYear, "title", newTitle, "themes", themes, "campaigns", campaigns));
		return new PlanId(id);
	}

	/**
	 * The actuals of the campaigns, summed over every {@link CampaignMeasure}; a campaign
	 * nothing counted is absent.
	 */
	@Transactional(readOnly = true)
	public Map<CampaignId, Map<Measure, BigDecimal>> actuals(List<CampaignView> campaigns) {
		Set<CampaignId> ids = campaigns.stream().map(CampaignView::id).collect(Collectors.toSet());
		return this.actuals.of(ids);
	}

	/**
	 * Refuses targets that are negative, too large, or not whole numbers where a count is
	 * meant (hours take one decimal, money two).
	 * @throws PlanRuleViolationException naming the measure's form field
	 */
	public static void checkTargets(CampaignTargets targets) {
		for (Map.Entry<Measure, BigDecimal> entry : new java.util.TreeMap<>(targets.values()).entrySet()) {
			Measure measure = entry.getKey();
			BigDecimal value = entry.getValue();
			String field = targetField(measure);
			if (value.signum() < 0) {
				throw new PlanRuleViolationException(field, "planning.target.negative");
			}
			switch (measure) {
				case HOURS -> {
					if (value.stripTrailingZeros().scale() > 1) {
						throw new PlanRuleViolationException(field, "planning.target.decimals", 1);
					}
					if (value.compareTo(MAX_HOURS) > 0) {
						throw new PlanRuleViolationException(field, "planning.target.tooLarge");
					}
				}
				case MONEY_RAISED -> {
					if (value.stripTrailingZeros().scale() > 2) {
						throw new PlanRuleViolationException(field, "planning.target.decimals", 2);
					}
					if (value.compareTo(MAX_MONEY) > 0) {
						throw new PlanRuleViolationException(field, "planning.target.tooLarge");
					}
				}
				default -> {
					if (value.stripTrailingZeros().scale() > 0) {
						throw new PlanRuleViolationException(field, "planning.target.wholeNumber");
					}
					if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
						throw new PlanRuleViolationException(field, "planning.target.tooLarge");
					}
				}
			}
		}
	}

	/** The form field of a measure's target: {@code targetActivities}, ... */
	public static String targetField(Measure measure) {
		return switch (measure) {
			case ACTIVITIES -> "targetActivities";
			case PARTICIPATIONS -> "targetParticipations";
			case HOURS -> "targetHours";
			case PEOPLE_SERVED -> "targetPeopleServed";
			case MONEY_RAISED -> "targetMoneyRaised";
		};
	}

	/**
	 * Swaps a row's position with its neighbour's in one statement (the unique constraint
	 * on the positions is deferred to the statement's end). The caller holds the parent's
	 * lock, so the positions read here are the ones committed last.
	 * @param siblings SQL joining the neighbour {@code n} to the row {@code s}; a
	 * constant
	 */
	private boolean swap(String auditType, String table, String siblings, long id, Move move) {
		Optional<long[]> pair = this.jdbc
			.sql("select s.sort_order as here, n.id as other, n.sort_order as there from " + table + " s join " + table
					+ " n on " + siblings + " and n.sort_order = s.sort_order + :step where s.id = :id")
			.param("step", move.step())
			.param("id", id)
			.query((rs, row) -> new long[] { rs.getLong("here"), rs.getLong("other"), rs.getLong("there") })
			.optional();
		if (pair.isEmpty()) {
			return false;
		}
		long here = pair.get()[0];
		long other = pair.get()[1];
		long there = pair.get()[2];
		this.jdbc
			.sql("update " + table + " set sort_order = case when id = :id then :there else :here end"
					+ " where id in (:id, :other)")
			.param("id", id)
			.param("other", other)
			.param("here", here)
			.param("there", there)
			.update();
		this.auditLog.record(auditType, id, "moved", Map.of("position", here),
				Map.of("position", there, "swappedWith", other));
		return true;
	}

	private int position(String table, long id) {
		return this.jdbc.sql("select sort_order from " + table + " where id = ?")
			.param(id)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new PlanNotFoundException(table));
	}

	/**
	 * Locks a plan's row while its themes change order. NO KEY UPDATE: it serialises the
	 * changes of order but lets rows that refer to the plan be inserted meanwhile.
	 */
	private void lockPlan(PlanId plan) {
		this.jdbc.sql("select id from annual_plan where id = ? for no key update")
			.param(plan.value())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new PlanNotFoundException("Plan"));
	}

	/** Locks a theme's row while its campaigns change order; see {@link #lockPlan}. */
	private void lockThemeForOrder(ThemeId theme) {
		this.jdbc.sql("select id from plan_theme where id = ? for no key update")
			.param(theme.value())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new PlanNotFoundException("Theme"));
	}

	private ThemeView lockTheme(ThemeId id) {
		this.jdbc.sql("select id from plan_theme where id = ? for update")
			.param(id.value())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new PlanNotFoundException("Theme"));
		return findTheme(id).orElseThrow(() -> new PlanNotFoundException("Theme"));
	}

	private static void checkYear(String field, int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new PlanRuleViolationException(field, "planning.invalid.year", String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
	}

	private static Map<String, Object> auditState(String name, CampaignTargets targets) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		targets.values().forEach((measure, value) -> state.put(measure.name(), value.toPlainString()));
		return state;
	}

	static PlanView plan(ResultSet rs, int row) throws SQLException {
		return new PlanView(new PlanId(rs.getLong("id")), rs.getInt("year"), rs.getString("title"),
				rs.getString("summary"));
	}

	static ThemeView theme(ResultSet rs, int row) throws SQLException {
		return new ThemeView(new ThemeId(rs.getLong("id")), new PlanId(rs.getLong("plan_id")), rs.getInt("year"),
				PlanLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("description"));
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
