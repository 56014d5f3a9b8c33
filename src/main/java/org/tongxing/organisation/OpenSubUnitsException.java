package org.tongxing.organisation;

/**
 * A unit with open sub-units cannot be closed; close the sub-units first (or move them).
 */
public class OpenSubUnitsException extends UnitRuleViolationException {

	public OpenSubUnitsException(UnitId unit, long openSubUnits) {
		super("Unit " + unit + " has " + openSubUnits + " open sub-units", "organisation.error.openSubUnits", null,
				openSubUnits);
	}

}
