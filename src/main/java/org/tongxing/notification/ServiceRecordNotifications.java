package org.tongxing.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.notification.domain.Outbox;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.notification.domain.Recipients;
import org.tongxing.notification.domain.SessionTexts;
import org.tongxing.organisation.UnitAdmin;
import org.tongxing.organisation.UnitId;
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
 * volunteer, else Chinese), mails held during quiet hours. Each listener runs after the
 * publishing transaction commits, in its own, recorded in the event publication registry.
 * <p>
 * Unit admins are accounts rather than volunteers, so this class writes the in-app entry
 * and queues the mail itself, the way {@code Notifications} does for volunteers.
 */
@Component
class ServiceRecordNotifications {

	static final String KIND_OVERDUE = "RECORDS_OVERDUE";

	static final String KIND_CONFIRMED = "RECORD_CONFIRMED";

	static final String KIND_REJECTED = "RECORD_REJECTED";

	private static final UnitScope SYSTEM = UnitScope.everything(true);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final Preferences preferences;

	private final Recipients recipients;

	private final MessageSource messages;

	private final Units units;

	private final Accounts accounts;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final String baseUrl;

	ServiceRecordNotifications(JdbcClient jdbc, Outbox outbox, Preferences preferences, Recipients recipients,
			MessageSource messages, Units units, Accounts accounts, Volunteers volunteers, ServiceRecords records,
			@Value("${tongxing.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.preferences = preferences;
		this.recipients = recipients;
		this.messages = messages;
		this.units = units;
		this.accounts = accounts;
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
		for (AccountId admin : adminsFor(unit)) {
			Optional<AccountView> account = this.accounts.find(admin).filter(AccountView::enabled);
			if (account.isEmpty()) {
				continue;
			}
			VolunteerView asVolunteer = this.volunteers.findByAccount(admin).orElse(null);
			Locale locale = (asVolunteer != null) ? SessionTexts.locale(asVolunteer) : Locale.SIMPLIFIED_CHINESE;
			Object[] arguments = { unit.displayName(locale), event.overdue(), event.dueSoon(),
					(event.oldestDue() != null) ? event.oldestDue().toString() : "" };
			String title = text("servicerecord.records.notify.overdue.title", locale, arguments);
			String body = text((event.overdue() > 0) ? "servicerecord.records.notify.overdue.body"
					: "servicerecord.records.notify.due-soon.body", locale, arguments);
			send(admin, account.get().email(), KIND_OVERDUE, title, body, "/records?unit=" + unit.id().value(),
					text("servicerecord.records.notify.link", locale));
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
		send(volunteer.accountId(), volunteer.email(), confirmed ? KIND_CONFIRMED : KIND_REJECTED, title, body,
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

	/**
	 * An in-app entry at once and, when the account has an address and wants mail, a mail
	 * held until its quiet hours end (in the caller's transaction; sent after the commit
	 * when due).
	 */
	private void send(AccountId account, String email, String kind, String title, String body, String link,
			String linkLine) {
		this.jdbc.sql("insert into notification (account_id, kind, title, body, link) values (?, ?, ?, ?, ?)")
			.params(account.value(), kind, truncate(title, 300), body, link)
			.update();
		if (email == null || email.isBlank() || !this.preferences.of(account).emailEnabled()) {
			return;
		}
		Instant now = Instant.now();
		Instant notBefore = this.recipients.releaseAt(account, this.recipients.zoneOf(account), now);
		String text = body + "\n\n" + linkLine + "\n" + this.baseUrl + link;
		long id = this.outbox.enqueue(account, email, truncate(title, 300), text, notBefore);
		if (!notBefore.isAfter(now)) {
			this.outbox.sendAfterCommit(List.of(id));
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
