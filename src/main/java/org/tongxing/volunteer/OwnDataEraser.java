package org.tongxing.volunteer;

import java.util.Map;

/**
 * Personal data another module holds about a volunteer, erased when the volunteer is
 * anonymised (a confirmed deletion request, the end of retention; PIPL: personal data are
 * deleted or anonymised when their purpose ends). A module that keeps free texts or files
 * about volunteers provides a bean; the anonymisation calls every bean in its own
 * transaction, after the volunteer's row is locked and before it commits, so that the
 * volunteer and everything said about them go together or not at all (a failure rolls the
 * whole anonymisation back, and it can be asked again). This module depends on none of
 * the implementing modules.
 *
 * <p>
 * What a module keeps is its own decision, and its documentation says why: records the
 * law requires to be kept (service hours) stay, against the anonymised volunteer.
 */
public interface OwnDataEraser {

	/**
	 * Erases what the module holds about the volunteer that is no longer needed.
	 * @return what was erased, by kind, as counts for the audit log (never the data)
	 */
	Map<String, Integer> erase(VolunteerId volunteer);

}
