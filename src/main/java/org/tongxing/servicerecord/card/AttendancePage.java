package org.tongxing.servicerecord.card;

import java.util.List;

import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionView;

/** The attendance sheet of a session: everyone with a place or an attendance. */
record AttendancePage(ActivityView activity, SessionView session, List<AttendanceRow> rows) {

	public boolean anyMarkable() {
		return this.rows.stream().anyMatch(AttendanceRow::markable);
	}

	public long needingReview() {
		return this.rows.stream().filter(AttendanceRow::needsReview).count();
	}

}
