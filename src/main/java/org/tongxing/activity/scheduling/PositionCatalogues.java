package org.tongxing.activity.scheduling;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.tongxing.volunteer.VolunteerCatalogue;

/**
 * The codes a position may require, with names in the reader's language: skills and
 * qualification types (read from the volunteer module's catalogue tables, the one allowed
 * exception to reading another module's tables) and languages (message keys
 * {@code volunteer.language.<code>}).
 */
@Component
class PositionCatalogues {

	private final JdbcClient jdbc;

	PositionCatalogues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The names a position form or list shows: skillNames, qualificationNames,
	 * languageCodes.
	 */
	void addTo(Model model, Locale locale) {
		model.addAttribute("skillNames", skills(locale));
		model.addAttribute("qualificationNames", qualifications(locale));
		model.addAttribute("languageCodes", languages());
	}

	Map<String, String> skills(Locale locale) {
		return names("skill", locale);
	}

	Map<String, String> qualifications(Locale locale) {
		return names("qualification_type", locale);
	}

	Iterable<String> languages() {
		return VolunteerCatalogue.LANGUAGES;
	}

	private Map<String, String> names(String table, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> names = new LinkedHashMap<>();
		// the table name is one of two constants above, never input
		this.jdbc.sql("select code, name, name_en from " + table + " where active order by name").query((rs) -> {
			String en = rs.getString("name_en");
			names.put(rs.getString("code"), (english && en != null) ? en : rs.getString("name"));
		});
		return names;
	}

}
