package org.tongxing.servicerecord;

import java.time.LocalDate;

import org.tongxing.organisation.UnitId;

/**
 * A recording unit has pending service entries past their last day to be confirmed
 * ({@code overdue}) or due within two working days ({@code dueSoon}); {@code oldestDue}
 * is the earliest last day among them. Published once a day per such unit, for reminders
 * to the unit's admins.
 */
public record RecordsOverdue(UnitId unit, int overdue, int dueSoon, LocalDate oldestDue) {
}
