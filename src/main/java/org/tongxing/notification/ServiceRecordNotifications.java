package org.tongxing.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.tongxing.account.AccountId;
import org.tongxing.notification.domain.NotificationKind;
import org.tongxing.notification.domain.Notifications;
import org.tongxing.notification.domain.Notifications.Message;
import org.tongxing.notification.domain.SessionTexts;
import org.tongxing.organisation.UnitAdmin;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryDecided;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.RecordsOverdue;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Tells people about service records: a unit's admins when pending records are overdue or
 * nearly so ({@link RecordsOverdue}, with a link to the queue), and a volunteer when a
 * self-declaration or a correction was decided, or a session's record was rejected (a
 * confirmed session record is what the volunteer expects: no message for each). In the
 * app and by mail, in the person's language (a volunteer's own; an admin's as a
 * volunteer, else Chinese), mails held during quiet hours, all through
 * {@link Notifications} (admins as accounts, volunteers as volunteers). Each listener
 * runs after the publishing transaction commits, in its own, recorded in the event
 * publication registry.
 */
@Component
class ServiceRecordNotifications {

	private static final UnitScope SYSTEM = UnitScope.everything(true);

	private final Notifications notifications;

	private final MessageSource messages;

	private final Units units;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	ServiceRecordNotifications(Notifications notifications, MessageSource messages, Units units, Volunteers volunteers,
			ServiceRecords records) {
		this.notifications = notifications;
		this.messages = messages;
		this.units = units;
		this.volunteers = volunteers;
		this.records = records;
	}

	/**
	 * The unit's admins; when it has none, those of the nearest unit above with admins
	 * (someone must hear of overdue records).
	 */
	@ApplicationModuleListener
	void on(RecordsOverdue event) {
		Optional<UnitView> found = this.units.find(SYSTEM, event.unit());
		if (found.isEmpty()) {
			return;
		}
		UnitView unit = found.get();
		String oldest = (event.oldestDue() != null) ? event.oldestDue().toString() : "";
		for (AccountId admin : adminsFor(unit)) {
			this.notifications.notify(admin, NotificationKind.RECORDS_OVERDUE, (locale) -> {
				Object[] arguments = { unit.displayName(locale), event.overdue(), event.dueSoon(), oldest };
				return new Message(text("servicerecord.records.notify.overdue.title", locale, arguments),
						text((event.overdue() > 0) ? "servicerecord.records.notify.overdue.body"
								: "servicerecord.records.notify.due-soon.body", locale, arguments),
						text("servicerecord.records.notify.link", locale));
			}, "/records?unit=" + unit.id().value());
		}
	}

	@ApplicationModuleListener
	void on(EntryDecided event) {
		boolean confirmed = event.status() == EntryStatus.CONFIRMED;
		if (event.kind() == EntryKind.SESSION && confirmed) {
			return;
		}
		VolunteerView volunteer = this.volunteers.views(Set.of(event.volunteer())).get(event.volunteer());
		if (volunteer == null || volunteer.isAnonymised() || volunteer.accountId() == null) {
			return;
		}
		Locale locale = SessionTexts.locale(volunteer);
		String kind = text("servicerecord.kind." + event.kind().name(), locale);
		String status = confirmed ? "confirmed" : "rejected";
		Object[] arguments = { event.activityName(), kind, hours(event), (event.note() != null) ? event.note() : "" };
		String title = text("servicerecord.records.notify." + status + ".title", locale, arguments);
		String body = text("servicerecord.records.notify." + status + ".body", locale, arguments);
		this.notifications.notify(volunteer,
				confirmed ? NotificationKind.RECORD_CONFIRMED : NotificationKind.RECORD_REJECTED, title, body,
				"/me/hours", text("servicerecord.records.notify.link.hours", locale));
	}

	/** The hours that count now: for a correction, the corrected entry's standing. */
	private String hours(EntryDecided event) {
		BigDecimal hours = event.hours();
		if (event.kind() == EntryKind.CORRECTION) {
			EntryView correction = this.records.get(event.entryId());
			if (correction.correctsId() != null) {
				hours = this.records.standing(correction.correctsId());
				if (event.status() != EntryStatus.CONFIRMED) {
					// rejected: what it would have been
					hours = hours.add(event.hours());
				}
			}
		}
		return hours.stripTrailingZeros().toPlainString();
	}

	private List<AccountId> adminsFor(UnitView unit) {
		List<UnitView> chain = new ArrayList<>(this.units.ancestors(SYSTEM, unit));
		chain.add(unit);
		for (int i = chain.size() - 1; i >= 0; i--) {
			List<UnitAdmin> admins = this.units.admins(SYSTEM, chain.get(i).id());
			if (!admins.isEmpty()) {
				Map<AccountId, Boolean> distinct = new LinkedHashMap<>();
				admins.forEach((admin) -> distinct.put(admin.account(), true));
				return List.copyOf(distinct.keySet());
			}
		}
		return List.of();
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
