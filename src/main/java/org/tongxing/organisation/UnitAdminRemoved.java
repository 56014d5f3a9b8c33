package org.tongxing.organisation;

import org.tongxing.account.AccountId;

/**
 * An account is no longer admin of a unit.
 */
public record UnitAdminRemoved(UnitId unit, AccountId account) {
}
