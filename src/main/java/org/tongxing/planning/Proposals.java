package org.tongxing.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * Activities units propose into a campaign, and the coordinators' decisions. A unit admin
 * proposes for a unit they manage; every read answers only within the reader's
 * {@link UnitScope} (a proposal of a unit outside it is absent, so pages answer 404);
 * coordinators alone approve or reject, a rejection always with a comment, and a proposal
 * is decided once. Changes are audited in their transaction.
 */
@Service
public class Proposals {

	/** Longest decision comment (the column's size). */
	public static final int COMMENT_LENGTH = 1000;

	private static final String SELECT = """
			select p.* from campaign_proposal p
			""";

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Units units;

	private final AuditLog auditLog;

	Proposals(JdbcClient jdbc, Plans plans, Units units, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.units = units;
		this.auditLog = auditLog;
	}

	/**
	 * Proposes an activity into a campaign for a unit the scope manages.
	 * @throws org.tongxing.organisation.UnitNotFoundException when the scope does not see
	 * the unit
	 * @throws org.springframework.security.access.AccessDeniedException when it sees but
	 * does not manage it
	 * @throws PlanRuleViolationException when the campaign is unknown, the dates are the
	 * wrong way round or the participants negative
	 */
	@Transactional
	public ProposalId propose(UnitScope scope, ProposalDetails details, AccountId by) {
		UnitView unit = this.units.get(scope, details.unit());
		scope.requireMayManage(unit);
		if (details.campaign() == null || this.plans.findCampaign(details.campaign()).isEmpty()) {
			throw new PlanRuleViolationException("campaign", "planning.proposal.noCampaign");
		}
		if (details.title() == null || details.title().isBlank()) {
			throw new PlanRuleViolationException("title", "planning.validation.required");
		}
		if (details.plannedFrom() != null && details.plannedTo() != null
				&& details.plannedTo().isBefore(details.plannedFrom())) {
			throw new PlanRuleViolationException("plannedTo", "planning.proposal.datesReversed");
		}
		if (details.expectedParticipants() != null && details.expectedParticipants() < 0) {
			throw new PlanRuleViolationException("expectedParticipants", "planning.target.negative");
		}
		long id = this.jdbc.sql("""
				insert into campaign_proposal (campaign_id, unit_id, title, summary, planned_from, planned_to,
				                               expected_participants, proposed_by)
				values (:campaign, :unit, :title, :summary, :from, :to, :participants, :by)
				returning id""")
			.param("campaign", details.campaign().value())
			.param("unit", unit.id().value())
			.param("title", details.title().strip())
			.param("summary", details.summary())
			.param("from", details.plannedFrom())
			.param("to", details.plannedTo())
			.param("participants", details.expectedParticipants())
			.param("by", (by != null) ? by.value() : null)
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("campaign", details.campaign().value());
		after.put("unit", unit.id().value());
		after.put("title", details.title().strip());
		this.auditLog.record("campaign-proposal", id, "proposed", Map.of(), after);
		return new ProposalId(id);
	}

	/**
	 * Approves a proposal, with an optional comment.
	 * @throws PlanNotFoundException when the scope does not see it
	 * @throws org.springframework.security.access.AccessDeniedException unless a
	 * coordinator's scope
	 * @throws PlanRuleViolationException when it was decided already
	 */
	@Transactional
	public void approve(UnitScope scope, ProposalId id, String comment, AccountId by) {
		decide(scope, id, ProposalStatus.APPROVED, comment, by);
	}

	/**
	 * Rejects a proposal; the comment says why and is required.
	 * @throws PlanNotFoundException when the scope does not see it
	 * @throws org.springframework.security.access.AccessDeniedException unless a
	 * coordinator's scope
	 * @throws PlanRuleViolationException without a comment, or when it was decided
	 * already
	 */
	@Transactional
	public void reject(UnitScope scope, ProposalId id, String comment, AccountId by) {
		decide(scope, id, ProposalStatus.REJECTED, comment, by);
	}

	/** The proposal, when the scope sees its unit. */
	@Transactional(readOnly = true)
	public Optional<ProposalEntry> find(UnitScope scope, ProposalId id) {
		return query(scope, "p.id = :id", Map.of("id", id.value())).stream().findFirst();
	}

	/**
	 * The proposals the scope sees, optionally of one status only, the undecided first
	 * and then newest first.
	 */
	@Transactional(readOnly = true)
	public List<ProposalEntry> list(UnitScope scope, ProposalStatus status) {
		return (status != null) ? query(scope, "p.status = :status", Map.of("status", status.name()))
				: query(scope, "true", Map.of());
	}

	/** The proposals the scope sees in the campaigns of a year's plan. */
	@Transactional(readOnly = true)
	public List<ProposalEntry> ofPlan(UnitScope scope, int year) {
		return query(scope, "p.campaign_id in (select c.id from campaign c join plan_theme t on t.id = c.theme_id"
				+ " join annual_plan a on a.id = t.plan_id where a.year = :year)", Map.of("year", year));
	}

	private void decide(UnitScope scope, ProposalId id, ProposalStatus decision, String comment, AccountId by) {
		ProposalEntry entry = find(scope, id).orElseThrow(() -> new PlanNotFoundException("Proposal"));
		scope.requireCoordinator();
		String text = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (decision == ProposalStatus.REJECTED && text == null) {
			throw new PlanRuleViolationException("comment", "planning.proposal.commentRequired");
		}
		if (text != null && text.length() > COMMENT_LENGTH) {
			throw new PlanRuleViolationException("comment", "planning.validation.tooLong");
		}
		// decided once: the condition on the status makes a second decision, also a
		// concurrent one, change nothing
		int changed = this.jdbc.sql("""
				update campaign_proposal set status = :status, decision_comment = :comment, decided_by = :by,
				       decided_at = now()
				where id = :id and status = 'PROPOSED'""")
			.param("status", decision.name())
			.param("comment", text)
			.param("by", (by != null) ? by.value() : null)
			.param("id", id.value())
			.update();
		if (changed == 0) {
			throw new PlanRuleViolationException(null, "planning.proposal.decided");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", decision.name());
		if (text != null) {
			after.put("comment", text);
		}
		this.auditLog.record("campaign-proposal", id.value(), "decided",
				Map.of("status", entry.proposal().status().name()), after);
	}

	private List<ProposalEntry> query(UnitScope scope, String condition, Map<String, Object> parameters) {
		UnitScope.SqlPredicate visible = scope.unitIdPredicate("p.unit_id");
		Map<String, Object> all = new LinkedHashMap<>(parameters);
		all.putAll(visible.parameters());
		List<Object[]> rows = new ArrayList<>();
		this.jdbc
			.sql(SELECT + " where " + condition + " and " + visible.sql()
					+ " order by case when p.status = 'PROPOSED' then 0 else 1 end, p.proposed_at desc, p.id desc")
			.params(all)
			.query((rs,
					n) -> rows.add(new Object[] { Plans.proposal(rs, n), instant(rs.getTimestamp("proposed_at")),
							instant(rs.getTimestamp("decided_at")) }))
			.list();
		Map<CampaignId, CampaignView> campaigns = new LinkedHashMap<>();
		List<ProposalEntry> entries = new ArrayList<>();
		for (Object[] row : rows) {
			ProposalView proposal = (ProposalView) row[0];
			CampaignView campaign = campaigns.computeIfAbsent(proposal.campaign(),
					(cid) -> this.plans.findCampaign(cid).orElseThrow());
			entries.add(new ProposalEntry(proposal, campaign, (Instant) row[1], (Instant) row[2]));
		}
		return entries;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
