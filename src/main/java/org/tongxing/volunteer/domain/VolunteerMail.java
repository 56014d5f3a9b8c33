package org.tongxing.volunteer.domain;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerStatusChanged;

/**
 * Emails to volunteers, in the language they registered in. Sent after the change commits
 * (the event publication registry retries a mail that failed).
 */
@Component
public class VolunteerMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final VolunteerRepository volunteers;

	private final String from;

	private final String baseUrl;

	VolunteerMail(JavaMailSender sender, MessageSource messages, VolunteerRepository volunteers,
			@Value("${tongxing.mail.from}") String from, @Value("${tongxing.base-url}") String baseUrl) {
		this.sender = sender;
		this.messages = messages;
		this.volunteers = volunteers;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(VolunteerStatusChanged event) {
		if (event.from() != VolunteerStatus.APPLICANT) {
			return;
		}
		this.volunteers.findById(event.volunteer().value()).filter((v) -> v.email() != null).ifPresent((volunteer) -> {
			if (event.to() == VolunteerStatus.ACTIVE) {
				send(volunteer, "volunteer.mail.approved",
						new Object[] { volunteer.name(), volunteer.number(), this.baseUrl + "/login" });
			}
			else if (event.to() == VolunteerStatus.REJECTED) {
				send(volunteer, "volunteer.mail.rejected", new Object[] { volunteer.name(), event.reason() });
			}
		});
	}

	/**
	 * Sends a mail with subject {@code key.subject} and body {@code key.body} of the
	 * volunteer bundle to a volunteer, in their language.
	 */
	public void send(Volunteer volunteer, String key, Object[] arguments) {
		send(volunteer.email(), Locale.forLanguageTag(volunteer.locale()), key, arguments);
	}

	public void send(String to, Locale locale, String key, Object[] arguments) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(this.messages.getMessage(key + ".subject", null, locale));
			helper.setText(this.messages.getMessage(key + ".body", arguments, locale));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not prepare the mail", ex);
		}
		this.sender.send(message);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

}
