package org.tongxing.activity.browse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.Refusal;

/**
 * Messages of the browse pages resolved in the reader's language: refusal reasons (with
 * skill, language and qualification names instead of codes) and state errors.
 */
@Component
class BrowseTexts {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	BrowseTexts(MessageSource messages) {
		this.messages = messages;
	}

	String refusal(Refusal refusal, CatalogueNames.Names names) {
		Object[] arguments = refusal.argumentArray();
		if (arguments.length > 0 && arguments[0] instanceof String codes) {
			List<String> list = Arrays.stream(codes.split(",")).map(String::strip).toList();
			String separator = message("browse.list.separator");
			switch (refusal.reason()) {
				case "missing-skill" -> arguments[0] = String.join(separator, names.skills(list));
				case "missing-language" -> arguments[0] = String.join(separator, names.languages(list));
				case "missing-qualification" -> arguments[0] = String.join(separator, names.qualifications(list));
				default -> {
				}
			}
		}
		return message(refusal.messageKey(), arguments);
	}

	String state(ActivityStateException ex) {
		return message(ex.messageKey(), ex.argumentArray());
	}

	String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale());
	}

	/** A time in a zone, with the zone named when it is not the association's. */
	String time(Instant instant, ZoneId zone, ZoneId association) {
		String text = TIME.format(instant.atZone(zone));
		return zone.equals(association) ? text : text + " (" + zone.getId() + ")";
	}

	static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
