package org.tongxing.servicerecord;

import java.math.BigDecimal;

import org.tongxing.account.AccountId;
import org.tongxing.volunteer.VolunteerId;

/** A volunteer reached a new star level (announced once per level). */
public record StarLevelReached(VolunteerId volunteer, AccountId account, int level, BigDecimal hours) {
}
