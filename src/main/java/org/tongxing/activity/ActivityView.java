package org.tongxing.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.tongxing.organisation.UnitId;
import org.tongxing.planning.CampaignId;

/**
 * An activity as pages and other modules see it. The description is sanitised HTML.
 */
public record ActivityView(ActivityId id, String title, String descriptionHtml, CampaignId campaign, Long proposalId,
		UnitId unit, Set<UnitId> coOrganisers, boolean online, String address, String onlineUrl, ZoneId zone,
		Visibility visibility, UnitId visibilityUnit, String contactName, String contactInfo, String beneficiaries,
		Integer peopleServed, Long coverFileId, ActivityStatus status, String statusReason, int cancelDeadlineHours,
		Instant createdAt, Instant publishedAt) {

	/** The place in one line: the address, or "online". */
	public String place() {
		return this.online ? this.onlineUrl : this.address;
	}

}
