package org.tongxing.volunteer.profile;

import java.time.LocalDate;

import org.tongxing.organisation.UnitView;

/**
 * One effective-dated unit membership of a volunteer; open while {@code validTo} is
 * empty.
 *
 * @param country, city, timeZone where the volunteer lived abroad during it, if they did
 */
public record MembershipEntry(UnitView unit, LocalDate validFrom, LocalDate validTo, String note, String country,
		String city, String timeZone) {

	public boolean isOpen() {
		return this.validTo == null;
	}

}
