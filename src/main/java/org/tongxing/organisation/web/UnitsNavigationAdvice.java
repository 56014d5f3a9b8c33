package org.tongxing.organisation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.Units;

/**
 * Tells the layout whether to offer the unit pages: to coordinators, leadership and unit
 * admins.
 */
@ControllerAdvice
class UnitsNavigationAdvice {

	private final Units units;

	UnitsNavigationAdvice(Units units) {
		this.units = units;
	}

	@ModelAttribute("showUnits")
	boolean showUnits(@AuthenticationPrincipal SignedInAccount account) {
		if (account == null) {
			return false;
		}
		return account.seesEverything() || this.units.administersAny(account.id());
	}

}
