package org.tongxing.servicerecord.card;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Marks the selected volunteers as attended from {@code from} to {@code to}, local times
 * of the session's zone.
 */
class MarkForm {

	static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm";

	@NotEmpty(message = "{servicerecord.card.attendance.select}")
	private List<Long> volunteers = new ArrayList<>();

	@NotNull(message = "{servicerecord.card.attendance.time-required}")
	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime from;

	@NotNull(message = "{servicerecord.card.attendance.time-required}")
	@DateTimeFormat(pattern = DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime to;

	public List<Long> getVolunteers() {
		return this.volunteers;
	}

	public void setVolunteers(List<Long> volunteers) {
		this.volunteers = volunteers;
	}

	public LocalDateTime getFrom() {
		return this.from;
	}

	public void setFrom(LocalDateTime from) {
		this.from = from;
	}

	public LocalDateTime getTo() {
		return this.to;
	}

	public void setTo(LocalDateTime to) {
		this.to = to;
	}

}
