package org.tongxing.volunteer.registration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * Registration by the person themselves, on the public page: the registry's registration
 * and, once it commits, a link to verify their email. Volunteers registered by others
 * (imports, admins, demo data) get no such link; an invitation to set a password proves
 * their address instead.
 */
@Service
class SelfRegistrations {

	private final Volunteers volunteers;

	private final ApplicationEventPublisher events;

	SelfRegistrations(Volunteers volunteers, ApplicationEventPublisher events) {
		this.volunteers = volunteers;
		this.events = events;
	}

	/**
	 * @throws org.tongxing.volunteer.InvalidVolunteerException,
	 * org.tongxing.volunteer.DuplicateVolunteerException,
	 * org.tongxing.account.WeakPasswordException as {@link Volunteers#register}
	 */
	@Transactional
	VolunteerId register(NewVolunteer request) {
		VolunteerId id = this.volunteers.register(request);
		this.events.publishEvent(new VerificationLinkRequested(id));
		return id;
	}

}
