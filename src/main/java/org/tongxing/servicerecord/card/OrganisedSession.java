package org.tongxing.servicerecord.card;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.organisation.UnitScope;

/**
 * A session with its activity, for an organiser of the activity.
 */
record OrganisedSession(ActivityView activity, SessionView session) {

	/**
	 * @throws ActivityNotFoundException when the session does not exist or the scope does
	 * not see its activity (404)
	 * @throws org.springframework.security.access.AccessDeniedException when the scope
	 * sees but does not manage it (403)
	 */
	static OrganisedSession of(Activities activities, UnitScope scope, SessionId id) {
		SessionView session = activities.findSession(id)
			.orElseThrow(() -> new ActivityNotFoundException("session", id));
		return new OrganisedSession(activities.manage(scope, session.activity()), session);
	}

}
