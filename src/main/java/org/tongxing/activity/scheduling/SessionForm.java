package org.tongxing.activity.scheduling;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.format.annotation.DateTimeFormat;

import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionView;

/**
 * A one-off session: start and end as date and time in the session's zone, an own place
 * (empty: the activity's) and an optional sign-up window. Rules are the activity API's.
 */
class SessionForm {

	static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

	private String title;

	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime start;

	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime end;

	private String timeZone;

	private boolean online;

	private String address;

	private String onlineUrl;

	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime signupOpens;

	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime signupCloses;

	static SessionForm of(SessionView session, boolean ownPlace) {
		SessionForm form = new SessionForm();
		ZoneId zone = session.zone();
		form.title = session.title();
		form.start = session.localStart().toLocalDateTime();
		form.end = session.localEnd().toLocalDateTime();
		form.timeZone = zone.getId();
		if (ownPlace) {
			form.online = session.online();
			form.address = session.address();
			form.onlineUrl = session.onlineUrl();
		}
		form.signupOpens = (session.signupOpensAt() != null) ? session.signupOpensAt().atZone(zone).toLocalDateTime()
				: null;
		form.signupCloses = (session.signupClosesAt() != null) ? session.signupClosesAt().atZone(zone).toLocalDateTime()
				: null;
		return form;
	}

	SessionDetails details() {
		return new SessionDetails(this.title, this.start, this.end, this.timeZone, this.online, this.address,
				this.onlineUrl, this.signupOpens, this.signupCloses);
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDateTime getStart() {
		return this.start;
	}

	public void setStart(LocalDateTime start) {
		this.start = start;
	}

	public LocalDateTime getEnd() {
		return this.end;
	}

	public void setEnd(LocalDateTime end) {
		this.end = end;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public boolean isOnline() {
		return this.online;
	}

	public void setOnline(boolean online) {
		this.online = online;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getOnlineUrl() {
		return this.onlineUrl;
	}

	public void setOnlineUrl(String onlineUrl) {
		this.onlineUrl = onlineUrl;
	}

	public LocalDateTime getSignupOpens() {
		return this.signupOpens;
	}

	public void setSignupOpens(LocalDateTime signupOpens) {
		this.signupOpens = signupOpens;
	}

	public LocalDateTime getSignupCloses() {
		return this.signupCloses;
	}

	public void setSignupCloses(LocalDateTime signupCloses) {
		this.signupCloses = signupCloses;
	}

}
