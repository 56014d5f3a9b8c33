package org.tongxing.servicerecord.card;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/** An attendance's corrected times, local times of the session's zone. */
class TimesForm {

	@NotNull(message = "{servicerecord.card.attendance.time-required}")
	@DateTimeFormat(pattern = MarkForm.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime checkedIn;

	@NotNull(message = "{servicerecord.card.attendance.time-required}")
	@DateTimeFormat(pattern = MarkForm.DATE_TIME, fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
	private LocalDateTime checkedOut;

	public LocalDateTime getCheckedIn() {
		return this.checkedIn;
	}

	public void setCheckedIn(LocalDateTime checkedIn) {
		this.checkedIn = checkedIn;
	}

	public LocalDateTime getCheckedOut() {
		return this.checkedOut;
	}

	public void setCheckedOut(LocalDateTime checkedOut) {
		this.checkedOut = checkedOut;
	}

}
