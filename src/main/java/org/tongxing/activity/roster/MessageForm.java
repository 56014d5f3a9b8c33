package org.tongxing.activity.roster;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A message to participants of a session: to whom, subject and body. */
public class MessageForm {

	/** Who receives the message. */
	public enum Audience {

		ALL, CONFIRMED, WAITLIST, SELECTED

	}

	public static final int SUBJECT_MAX = 120;

	public static final int BODY_MAX = 4000;

	@NotNull(message = "{roster.validation.required}")
	private Audience audience = Audience.ALL;

	private List<Long> recipients = new ArrayList<>();

	@NotBlank(message = "{roster.validation.required}")
	@Size(max = SUBJECT_MAX, message = "{roster.validation.tooLong}")
	private String subject;

	@NotBlank(message = "{roster.validation.required}")
	@Size(max = BODY_MAX, message = "{roster.validation.tooLong}")
	private String body;

	public Audience getAudience() {
		return this.audience;
	}

	public void setAudience(Audience audience) {
		this.audience = audience;
	}

	public List<Long> getRecipients() {
		return this.recipients;
	}

	public void setRecipients(List<Long> recipients) {
		this.recipients = (recipients != null) ? recipients : new ArrayList<>();
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
