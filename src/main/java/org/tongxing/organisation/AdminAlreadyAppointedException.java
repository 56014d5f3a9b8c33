package org.tongxing.organisation;

/**
 * The account is an admin of this unit already.
 */
public class AdminAlreadyAppointedException extends UnitRuleViolationException {

	public AdminAlreadyAppointedException() {
		super("The account is an admin of this unit already", "organisation.error.alreadyAdmin", "username");
	}

}
