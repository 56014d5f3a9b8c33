package org.tongxing.notification.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.tongxing.account.AccountId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Where a person lives in time: a volunteer abroad in their own zone, everyone else in
 * the association's; and until when their quiet hours hold a mail.
 */
@Component
public class Recipients {

	private final Volunteers volunteers;

	private final Preferences preferences;

	private final ZoneId associationZone;

	Recipients(Volunteers volunteers, Preferences preferences,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId associationZone) {
		this.volunteers = volunteers;
		this.preferences = preferences;
		this.associationZone = associationZone;
	}

	public ZoneId associationZone() {
		return this.associationZone;
	}

	/** The volunteer's own zone when abroad (and valid), else the association's. */
	public ZoneId zoneOf(VolunteerView volunteer) {
		if (volunteer != null && volunteer.timeZone() != null && !volunteer.timeZone().isBlank()) {
			try {
				return ZoneId.of(volunteer.timeZone());
			}
			catch (DateTimeException ex) {
				return this.associationZone;
			}
		}
		return this.associationZone;
	}

	/** The zone the account's quiet hours are read in. */
	public ZoneId zoneOf(AccountId account) {
		return zoneOf(this.volunteers.findByAccount(account).orElse(null));
	}

	/** The earliest instant at or after {@code at} outside the account's quiet hours. */
	public Instant releaseAt(AccountId account, ZoneId zone, Instant at) {
		return this.preferences.of(account).quietHours().releaseAt(at, zone);
	}

}
