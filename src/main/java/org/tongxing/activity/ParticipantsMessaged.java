package org.tongxing.activity;

import java.util.List;

import org.tongxing.account.AccountId;
import org.tongxing.volunteer.VolunteerId;

/**
 * An organiser wrote to participants of a session (all or some): delivered by email and
 * in the app.
 */
public record ParticipantsMessaged(ActivityId activity, SessionId session, AccountId from, String subject, String body,
		List<VolunteerId> recipients) {

	public ParticipantsMessaged {
		recipients = List.copyOf(recipients);
	}

}
