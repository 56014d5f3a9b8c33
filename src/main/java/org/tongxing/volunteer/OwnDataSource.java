package org.tongxing.volunteer;

import java.util.List;
import java.util.Map;

/**
 * Data another module holds about a volunteer, for their own-data export (PIPL's right of
 * access and copy): a module that keeps such data provides a bean, and the export adds
 * its sections, so that this module depends on none of them. A section is a table: rows
 * of named values (text, numbers, dates as ISO text); its name and field names are shown
 * through the message keys {@code privacy.export.section.<name>} and
 * {@code privacy.export.field.<field>}, falling back to the names.
 */
public interface OwnDataSource {

	/** The sections, in the order they are to appear, for the volunteer. */
	Map<String, List<Map<String, Object>>> ownData(VolunteerId volunteer);

}
