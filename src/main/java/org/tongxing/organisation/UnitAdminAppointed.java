package org.tongxing.organisation;

import org.tongxing.account.AccountId;

/**
 * An account was appointed admin of a unit (and so of its subtree).
 */
public record UnitAdminAppointed(UnitId unit, AccountId account) {
}
