package org.tongxing.servicerecord.records;

import java.time.LocalDate;
import java.util.List;

import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionView;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.volunteer.VolunteerView;

/**
 * A session's service records as its organisers review them: one row per entry, and the
 * volunteers with a confirmed place who have no record yet (no attendance, or still
 * checked in).
 */
record SessionRecordsPage(SessionView session, ActivityView activity, LocalDate today, List<Row> rows,
		List<Missing> missing) {

	/** An entry with its volunteer (masked) and attendance. */
	record Row(EntryView entry, VolunteerView volunteer, AttendanceView attendance, boolean overdue,
			boolean mayDecide) {

		public String name() {
			return (this.volunteer != null) ? this.volunteer.name() : null;
		}

		public String number() {
			return (this.volunteer != null) ? this.volunteer.number() : null;
		}

		public boolean adjustable() {
			return this.mayDecide && this.entry.isPending()
					&& this.entry.kind() != org.tongxing.servicerecord.EntryKind.CORRECTION;
		}

	}

	/** A volunteer with a place and no record: never checked in, or not checked out. */
	record Missing(VolunteerView volunteer, String positionName, AttendanceView attendance) {

		public boolean checkedIn() {
			return this.attendance != null;
		}

	}

	public long pendingCount() {
		return this.rows.stream().filter((row) -> row.entry().isPending()).count();
	}

	public boolean mayConfirmAll() {
		return this.rows.stream().anyMatch((row) -> row.entry().isPending() && row.mayDecide());
	}

}
