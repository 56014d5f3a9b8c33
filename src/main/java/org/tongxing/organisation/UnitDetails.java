package org.tongxing.organisation;

/**
 * What describes a unit, as entered by a coordinator. {@code country}, {@code city} and
 * {@code timeZone} (an IANA id such as {@code Europe/Paris}) are required for
 * {@link UnitType#MISSION_ABROAD} and ignored for the other types; blank optional values
 * count as absent.
 */
public record UnitDetails(String name, String nameEn, String shortCode, UnitType type, String country, String city,
		String timeZone, String description, String contact) {

	/** Details of a unit that is not a mission abroad. */
	public static UnitDetails of(String name, String nameEn, UnitType type) {
		return new UnitDetails(name, nameEn, null, type, null, null, null, null, null);
	}

	/** Details of a mission abroad. */
	public static UnitDetails mission(String name, String nameEn, String country, String city, String timeZone) {
		return new UnitDetails(name, nameEn, null, UnitType.MISSION_ABROAD, country, city, timeZone, null, null);
	}

}
