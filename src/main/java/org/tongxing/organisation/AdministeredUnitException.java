package org.tongxing.organisation;

import org.springframework.security.access.AccessDeniedException;

/**
 * A unit admin tried to move, close or reopen a unit they administer themselves (403):
 * only units strictly below it are theirs to restructure; the unit itself belongs to the
 * level above. Carries a message key for the user.
 */
public class AdministeredUnitException extends AccessDeniedException {

	private final String messageKey;

	public AdministeredUnitException() {
		super("A unit admin restructures only the units below the unit they administer");
		this.messageKey = "organisation.error.administeredUnit";
	}

	public String messageKey() {
		return this.messageKey;
	}

}
