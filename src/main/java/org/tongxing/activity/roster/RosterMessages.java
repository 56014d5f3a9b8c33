package org.tongxing.activity.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.ParticipantsMessaged;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerId;

/**
 * Organisers write to participants of a session: the message is published as
 * {@link ParticipantsMessaged} (the notification module delivers it) and audited, in one
 * transaction. Only volunteers on the session's roster receive it.
 */
@Service
class RosterMessages {

	private final Rosters rosters;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	RosterMessages(Rosters rosters, AuditLog auditLog, ApplicationEventPublisher events) {
		this.rosters = rosters;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Sends the message to the chosen audience of the session's live sign-ups.
	 * @return how many volunteers it goes to (0: nothing was sent)
	 */
	@Transactional
	int send(UnitScope scope, SessionId id, MessageForm form, AccountId from) {
		RosterPage page = this.rosters.page(scope, id);
		SessionView session = page.session();
		List<VolunteerId> recipients = page.entries()
			.stream()
			.filter(RosterEntry::live)
			.filter((entry) -> switch (form.getAudience()) {
				case ALL -> true;
				case CONFIRMED -> entry.status() == org.tongxing.activity.SignUpStatus.CONFIRMED;
				case WAITLIST -> entry.status() == org.tongxing.activity.SignUpStatus.WAITLISTED;
				case SELECTED -> form.getRecipients().contains(entry.volunteerId());
			})
			.map((entry) -> entry.signUp().volunteer())
			.distinct()
			.toList();
		if (recipients.isEmpty()) {
			return 0;
		}
		String subject = form.getSubject().strip();
		this.events.publishEvent(new ParticipantsMessaged(session.activity(), session.id(), from, subject,
				form.getBody().strip(), recipients));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("audience", form.getAudience().name());
		after.put("count", recipients.size());
		after.put("subject", subject);
		this.auditLog.record("session", session.id(), "messaged", null, after);
		return recipients.size();
	}

}
