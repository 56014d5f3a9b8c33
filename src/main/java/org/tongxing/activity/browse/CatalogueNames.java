package org.tongxing.activity.browse;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of skill, language and qualification codes in the reader's language: skills
 * and qualifications from the catalogues coordinators keep, languages from the volunteer
 * bundle. An unknown code reads as itself.
 */
@Component
class CatalogueNames {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	CatalogueNames(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** The names of every kind, read once for a page. */
	Names read(Locale locale) {
		return new Names(catalogue("skill", locale), catalogue("qualification_type", locale), locale);
	}

	private Map<String, String> catalogue(String table, Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		Map<String, String> names = new HashMap<>();
		// the table name is one of two constants, never input
		this.jdbc.sql("select code, name, name_en from " + table).query((java.sql.ResultSet rs) -> {
			String en = rs.getString("name_en");
			names.put(rs.getString("code"), (english && en != null && !en.isBlank()) ? en : rs.getString("name"));
		});
		return names;
	}

	final class Names {

		private final Map<String, String> skills;

		private final Map<String, String> qualifications;

		private final Locale locale;

		Names(Map<String, String> skills, Map<String, String> qualifications, Locale locale) {
			this.skills = skills;
			this.qualifications = qualifications;
			this.locale = locale;
		}

		String skill(String code) {
			return this.skills.getOrDefault(code, code);
		}

		String qualification(String code) {
			return this.qualifications.getOrDefault(code, code);
		}

		String language(String code) {
			return CatalogueNames.this.messages.getMessage("volunteer.language." + code, null, code, this.locale);
		}

		List<String> skills(Collection<String> codes) {
			return codes.stream().sorted().map(this::skill).toList();
		}

		List<String> languages(Collection<String> codes) {
			return codes.stream().sorted().map(this::language).toList();
		}

		List<String> qualifications(Collection<String> codes) {
			return codes.stream().sorted().map(this::qualification).toList();
		}

	}

}
