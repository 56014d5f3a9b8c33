package org.tongxing.volunteer;

import java.util.Locale;

/**
 * A volunteer to register.
 *
 * @param details what they told us, checked by the registry's rules
 * @param consents the notice and sensitive-data consent they gave
 * @param source how they came: {@code REGISTRATION} (an applicant, approved later),
 * {@code IMPORT} or {@code ADMIN} (active at once, with a number)
 * @param driveId the recruitment drive, or {@code null}
 * @param password their chosen password, or {@code null} for a random one to be replaced
 * through an invitation link
 * @param locale the language of their emails
 */
public record NewVolunteer(VolunteerDetails details, Consents consents, String source, Long driveId, String password,
		Locale locale) {

	public static final String REGISTRATION = "REGISTRATION";

	public static final String IMPORT = "IMPORT";

	public static final String ADMIN = "ADMIN";

}
