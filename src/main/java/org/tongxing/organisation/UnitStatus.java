package org.tongxing.organisation;

/**
 * A closed unit keeps its history but takes no new sub-units, members or activities.
 */
public enum UnitStatus {

	OPEN, CLOSED

}
