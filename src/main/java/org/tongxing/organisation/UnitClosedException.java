package org.tongxing.organisation;

/**
 * The unit is closed and takes no new sub-units (nor, in other modules, members or
 * activities).
 */
public class UnitClosedException extends UnitRuleViolationException {

	public UnitClosedException(UnitId unit) {
		super("Unit " + unit + " is closed", "organisation.error.closed", null);
	}

}
