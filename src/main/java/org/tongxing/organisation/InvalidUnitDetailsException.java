package org.tongxing.organisation;

/**
 * A unit's details break a rule of the domain, e.g. a mission abroad without a valid IANA
 * time zone.
 */
public class InvalidUnitDetailsException extends UnitRuleViolationException {

	public InvalidUnitDetailsException(String field, String messageKey) {
		super("Invalid unit " + field, messageKey, field);
	}

}
