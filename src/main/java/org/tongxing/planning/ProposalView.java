package org.tongxing.planning;

import java.time.LocalDate;

import org.tongxing.organisation.UnitId;

/**
 * An activity a unit proposed into a campaign, and the coordinator's decision.
 */
public record ProposalView(ProposalId id, CampaignId campaign, UnitId unit, String title, String summary,
		LocalDate plannedFrom, LocalDate plannedTo, Integer expectedParticipants, ProposalStatus status,
		String decisionComment) {
}
