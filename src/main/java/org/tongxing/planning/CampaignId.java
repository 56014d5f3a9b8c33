package org.tongxing.planning;

/**
 * Identifies a campaign of the annual plan; other modules keep this.
 */
public record CampaignId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
