package org.tongxing.organisation;

import java.time.Instant;

import org.tongxing.account.AccountId;

/**
 * An account appointed admin of a unit.
 */
public record UnitAdmin(UnitId unit, AccountId account, String username, String displayName, Instant appointedAt) {
}
