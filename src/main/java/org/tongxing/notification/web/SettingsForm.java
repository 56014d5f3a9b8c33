package org.tongxing.notification.web;

import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.tongxing.notification.domain.Preference;
import org.tongxing.notification.domain.QuietHours;

/**
 * The settings page: mail on or off, and the quiet hours (times as HH:mm).
 */
public class SettingsForm {

	static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";

	private boolean emailEnabled;

	private boolean quietEnabled;

	@NotBlank(message = "{notification.settings.invalid.time}")
	@Pattern(regexp = TIME, message = "{notification.settings.invalid.time}")
	private String quietFrom;

	@NotBlank(message = "{notification.settings.invalid.time}")
	@Pattern(regexp = TIME, message = "{notification.settings.invalid.time}")
	private String quietTo;

	static SettingsForm of(Preference preference) {
		SettingsForm form = new SettingsForm();
		form.emailEnabled = preference.emailEnabled();
		form.quietEnabled = preference.quietHours().enabled();
		form.quietFrom = preference.quietHours().from().toString();
		form.quietTo = preference.quietHours().to().toString();
		return form;
	}

	Preference toPreference() {
		return new Preference(this.emailEnabled,
				new QuietHours(this.quietEnabled, LocalTime.parse(this.quietFrom), LocalTime.parse(this.quietTo)));
	}

	public boolean isEmailEnabled() {
		return this.emailEnabled;
	}

	public void setEmailEnabled(boolean emailEnabled) {
		this.emailEnabled = emailEnabled;
	}

	public boolean isQuietEnabled() {
		return this.quietEnabled;
	}

	public void setQuietEnabled(boolean quietEnabled) {
		this.quietEnabled = quietEnabled;
	}

	public String getQuietFrom() {
		return this.quietFrom;
	}

	public void setQuietFrom(String quietFrom) {
		this.quietFrom = quietFrom;
	}

	public String getQuietTo() {
		return this.quietTo;
	}

	public void setQuietTo(String quietTo) {
		this.quietTo = quietTo;
	}

}
