package org.tongxing.activity;

import java.util.List;

import org.tongxing.volunteer.VolunteerId;

/**
 * A published session changed its time or place, or was cancelled (also when its whole
 * activity was); {@code participants} are the volunteers with a live sign-up then.
 */
public record SessionChanged(SessionId session, ActivityId activity, boolean cancelled, String reason,
		List<VolunteerId> participants) {

	public SessionChanged {
		participants = List.copyOf(participants);
	}

}
