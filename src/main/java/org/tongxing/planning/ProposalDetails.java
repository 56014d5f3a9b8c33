package org.tongxing.planning;

import java.time.LocalDate;

import org.tongxing.organisation.UnitId;

/**
 * What a unit admin enters when proposing an activity into a campaign.
 *
 * @param unit the proposing unit; the proposer must manage it
 * @param plannedFrom the first planned day, or null
 * @param plannedTo the last planned day (not before the first), or null
 * @param expectedParticipants how many volunteers are expected, or null
 */
public record ProposalDetails(CampaignId campaign, UnitId unit, String title, String summary, LocalDate plannedFrom,
		LocalDate plannedTo, Integer expectedParticipants) {
}
