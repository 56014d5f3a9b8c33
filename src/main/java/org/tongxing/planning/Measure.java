package org.tongxing.planning;

/**
 * What a campaign can set a target for and count actuals of.
 */
public enum Measure {

	/** Activities held in the campaign. */
	ACTIVITIES,
	/** Volunteers' participations (one per volunteer and session). */
	PARTICIPATIONS,
	/** Confirmed service hours. */
	HOURS,
	/** People served, as reported by the activities. */
	PEOPLE_SERVED,
	/** Money raised, in yuan. */
	MONEY_RAISED

}
