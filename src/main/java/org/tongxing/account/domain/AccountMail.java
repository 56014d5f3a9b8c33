package org.tongxing.account.domain;

import java.time.Duration;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Emails with one-time links (password reset, invitation), in the recipient's language as
 * the requester chose it.
 */
@Component
class AccountMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final String from;

	private final String baseUrl;

	AccountMail(JavaMailSender sender, MessageSource messages, @Value("${tongxing.mail.from}") String from,
			@Value("${tongxing.base-url}") String baseUrl) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	void sendResetLink(Account account, String token, Duration validity, Locale locale) {
		send(account, "mail.reset", new Object[] { account.displayName(), link(token), validity.toMinutes() }, locale);
	}

	void sendInvitation(Account account, String token, Duration validity, Locale locale) {
		send(account, "mail.invitation",
				new Object[] { account.displayName(), account.username(), link(token), Math.max(1, validity.toDays()) },
				locale);
	}

	private String link(String token) {
		return UriComponentsBuilder.fromUriString(this.baseUrl)
			.path("/password/reset")
			.queryParam("token", token)
			.build()
			.toUriString();
	}

	private void send(Account account, String key, Object[] arguments, Locale locale) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(account.email());
			helper.setSubject(this.messages.getMessage(key + ".subject", null, locale));
			helper.setText(this.messages.getMessage(key + ".body", arguments, locale));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not prepare the mail", ex);
		}
		this.sender.send(message);
	}

}
