package org.tongxing.volunteer.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the platform holds about one volunteer, in named sections: a section is one
 * record (a map of field to value) or a table (a list of such maps). Values are texts,
 * numbers, booleans or lists of texts.
 */
record OwnData(long volunteerId, Map<String, Object> sections) {

	OwnData {
		sections = new LinkedHashMap<>(sections);
	}

	@SuppressWarnings("unchecked")
	static boolean isTable(Object section) {
		return section instanceof List<?>;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> table(Object section) {
		return (List<Map<String, Object>>) section;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> record(Object section) {
		return (Map<String, Object>) section;
	}

}
