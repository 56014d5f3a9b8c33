package org.tongxing.activity;

import java.util.Set;

import org.tongxing.organisation.UnitId;
import org.tongxing.planning.CampaignId;

/**
 * What an organiser enters about an activity. The description is rich text; it is
 * sanitised (a safelist of formatting tags) before it is stored.
 *
 * @param campaign the campaign of the annual plan it belongs to, or null
 * @param unit the organising unit
 * @param timeZone the activity's time zone (an IANA id); sessions default to it
 * @param visibilityUnit the subtree that sees a {@link Visibility#SUBTREE} activity
 * @param cancelDeadlineHours volunteers may cancel until this many hours before a session
 */
public record ActivityDetails(String title, String description, CampaignId campaign, UnitId unit,
		Set<UnitId> coOrganisers, boolean online, String address, String onlineUrl, String timeZone,
		Visibility visibility, UnitId visibilityUnit, String contactName, String contactInfo, String beneficiaries,
		int cancelDeadlineHours) {

	public ActivityDetails {
		coOrganisers = (coOrganisers != null) ? Set.copyOf(coOrganisers) : Set.of();
	}

}
