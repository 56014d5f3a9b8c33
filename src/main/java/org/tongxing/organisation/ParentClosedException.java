package org.tongxing.organisation;

/**
 * A unit cannot be reopened while its parent is closed.
 */
public class ParentClosedException extends UnitRuleViolationException {

	public ParentClosedException(UnitId unit) {
		super("The parent of unit " + unit + " is closed", "organisation.error.parentClosed", null);
	}

}
