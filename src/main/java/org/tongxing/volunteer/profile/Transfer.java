package org.tongxing.volunteer.profile;

import java.time.LocalDate;

import org.tongxing.organisation.UnitId;

/**
 * A transfer of a volunteer to another unit.
 *
 * @param from the unit the volunteer was in when the transfer was asked for; the transfer
 * is refused when they have moved since
 * @param to the new unit, open and managed by whoever transfers
 * @param effective the first day in the new unit: not after today, not before the open
 * membership began
 * @param country, city, timeZone where the volunteer lives abroad, all three or none;
 * taken from the unit when it is a mission abroad and all are empty
 */
record Transfer(UnitId from, UnitId to, LocalDate effective, String note, String country, String city,
		String timeZone) {
}
