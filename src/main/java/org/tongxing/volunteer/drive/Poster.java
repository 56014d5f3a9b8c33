package org.tongxing.volunteer.drive;

/**
 * What a recruitment poster says.
 *
 * @param association the association's name
 * @param driveName the drive's name
 * @param unitName the unit that recruits
 * @param dates the line with the drive's dates
 * @param callToAction one line in Chinese
 * @param callToActionEn the same in English
 * @param link the short registration link the QR code holds
 */
public record Poster(String association, String driveName, String unitName, String dates, String callToAction,
		String callToActionEn, String link) {

}
