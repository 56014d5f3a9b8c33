package org.tongxing.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.AccountId;
import org.tongxing.notification.domain.Preference;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.notification.domain.QuietHours;
import org.tongxing.organisation.UnitId;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Volunteers in a language and zone, with or without quiet hours, and waiting for their
 * (asynchronous) notifications and mails.
 */
public final class NotificationTestSupport {

	public static final QuietHours OFF = new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(8, 0));

	private final Volunteers volunteers;

	private final Preferences preferences;

	private final JdbcClient jdbc;

	private final GreenMail mail;

	public NotificationTestSupport(Volunteers volunteers, Preferences preferences, JdbcClient jdbc, GreenMail mail) {
		this.volunteers = volunteers;
		this.preferences = preferences;
		this.jdbc = jdbc;
		this.mail = mail;
	}

	/**
	 * An active volunteer of the unit speaking the language, abroad in {@code zone} (or
	 * at home when null), without quiet hours so mails go at once whatever the hour.
	 */
	public VolunteerView volunteer(UnitId unit, String name, Locale locale, String zone) {
		VolunteerDetails home = VolunteerFixture.adult(unit, name);
		VolunteerDetails details = (zone == null) ? home
				: new VolunteerDetails(home.name(), home.sex(), home.birthDate(), home.idType(), home.idNumber(),
						home.phone(), home.email(), home.unit(), home.residentialArea(), home.skills(),
						home.languages(), home.serviceCategories(), home.availability(), "France", "Paris", zone,
						home.guardian());
		VolunteerId id = this.volunteers
			.register(new NewVolunteer(details, Consents.current(true, true), NewVolunteer.ADMIN, null, null, locale));
		VolunteerView view = this.volunteers.views(Set.of(id)).get(id);
		this.preferences.save(view.accountId(), new Preference(true, OFF));
		return view;
	}

	public VolunteerView volunteer(UnitId unit, String name) {
		return volunteer(unit, name, Locale.SIMPLIFIED_CHINESE, null);
	}

	/** The titles of the account's in-app notifications of a kind, waiting up to 15 s. */
	public List<String> inApp(AccountId account, String kind) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		List<String> titles;
		do {
			titles = this.jdbc.sql("select title from notification where account_id = ? and kind = ? order by id")
				.params(account.value(), kind)
				.query(String.class)
				.list();
			if (!titles.isEmpty()) {
				return titles;
			}
			sleep();
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("No in-app notification of kind " + kind);
	}

	/** The first mail to the address whose subject passes, waiting up to 15 s. */
	public Mail mailTo(String address, Predicate<String> subject) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		do {
			for (Mail found : mailsTo(address)) {
				if (subject.test(found.subject())) {
					return found;
				}
			}
			sleep();
		}
		while (Instant.now().isBefore(deadline));
		throw new AssertionError("No such mail; got " + mailsTo(address).stream().map(Mail::subject).toList());
	}

	public List<Mail> mailsTo(String address) {
		return Arrays.stream(this.mail.getReceivedMessages()).filter((m) -> to(m, address)).map((m) -> {
			try {
				return new Mail(m.getSubject(), m.getContent().toString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static boolean to(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Mail(String subject, String body) {
	}

}
