package org.tongxing.planning;

import java.time.Instant;

/**
 * A proposal as the proposal pages list it: the proposal, the campaign it is proposed
 * into and when it was proposed and decided.
 */
public record ProposalEntry(ProposalView proposal, CampaignView campaign, Instant proposedAt, Instant decidedAt) {
}
