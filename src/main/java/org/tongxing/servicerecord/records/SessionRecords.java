package org.tongxing.servicerecord.records;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Reads a session's records for its organisers (the activity's managers; others are
 * refused by the activity module: 404 when they do not see the unit, 403 when they see
 * but do not manage it).
 */
@Service
class SessionRecords {

	private final Activities activities;

	private final SignUps signUps;

	private final CheckIns checkIns;

	private final ServiceRecords records;

	private final Volunteers volunteers;

	private final ZoneId zone;

	SessionRecords(Activities activities, SignUps signUps, CheckIns checkIns, ServiceRecords records,
			Volunteers volunteers, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.activities = activities;
		this.signUps = signUps;
		this.checkIns = checkIns;
		this.records = records;
		this.volunteers = volunteers;
		this.zone = zone;
	}

	@Transactional(readOnly = true)
	SessionRecordsPage page(UnitScope scope, SessionId id) {
		SessionView session = this.activities.findSession(id)
			.orElseThrow(() -> new ServiceRecordNotFoundException("session", id));
		ActivityView activity = this.activities.manage(scope, session.activity());
		List<EntryView> entries = this.records.ofSession(scope, id);
		Map<VolunteerId, AttendanceView> attendances = new HashMap<>();
		for (AttendanceView attendance : this.checkIns.ofSession(scope, id)) {
			attendances.put(attendance.volunteer(), attendance);
		}
		List<SignUpView> places = this.signUps.ofSession(scope, id)
			.stream()
			.filter((signUp) -> signUp.status() == SignUpStatus.CONFIRMED)
			.toList();
		Set<VolunteerId> ids = new LinkedHashSet<>();
		entries.forEach((entry) -> ids.add(entry.volunteer()));
		places.forEach((place) -> ids.add(place.volunteer()));
		Map<VolunteerId, VolunteerView> views = this.volunteers.views(ids);
		LocalDate today = LocalDate.now(this.zone);

		List<SessionRecordsPage.Row> rows = new ArrayList<>();
		Set<VolunteerId> recorded = new HashSet<>();
		for (EntryView entry : entries) {
			recorded.add(entry.volunteer());
			rows.add(new SessionRecordsPage.Row(entry, views.get(entry.volunteer()), attendances.get(entry.volunteer()),
					entry.isOverdueOn(today), this.records.mayDecide(scope, entry)));
		}
		List<SessionRecordsPage.Missing> missing = new ArrayList<>();
		for (SignUpView place : places) {
			if (recorded.add(place.volunteer())) {
				missing.add(new SessionRecordsPage.Missing(views.get(place.volunteer()), place.positionName(),
						attendances.get(place.volunteer())));
			}
		}
		return new SessionRecordsPage(session, activity, today, rows, missing);
	}

}
