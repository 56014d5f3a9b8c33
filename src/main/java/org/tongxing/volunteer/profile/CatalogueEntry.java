package org.tongxing.volunteer.profile;

import java.util.Locale;

/**
 * One entry of a catalogue coordinators keep (a skill or a qualification type).
 *
 * @param code lower-case ASCII with hyphens, unique in its catalogue, never changed
 * @param nameEn the English name, shown to English readers when present
 */
record CatalogueEntry(long id, String code, String name, String nameEn, boolean active) {

	/** The English name for English readers when there is one, else the Chinese name. */
	public String displayName(Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage()) && this.nameEn != null && !this.nameEn.isBlank()) {
			return this.nameEn;
		}
		return this.name;
	}

}
