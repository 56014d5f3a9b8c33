package org.tongxing.organisation;

/**
 * The association, the root of the tree, cannot be moved, closed or turned into another
 * type; and no other unit can become an association.
 */
public class RootUnitException extends UnitRuleViolationException {

	public RootUnitException(String message, String messageKey, String field) {
		super(message, messageKey, field);
	}

}
