package org.tongxing.servicerecord.card;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.activity.Activities;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Reads a session's attendance sheet for its organisers: the confirmed sign-ups in the
 * roster's order, then anyone else who has an attendance (a place cancelled after
 * checking in), each with their attendance and session entry.
 */
@Component
class AttendanceSheets {

	private final Activities activities;

	private final SignUps signUps;

	private final CheckIns checkIns;

	private final ServiceRecords records;

	private final Volunteers volunteers;

	AttendanceSheets(Activities activities, SignUps signUps, CheckIns checkIns, ServiceRecords records,
			Volunteers volunteers) {
		this.activities = activities;
		this.signUps = signUps;
		this.checkIns = checkIns;
		this.records = records;
		this.volunteers = volunteers;
	}

	@Transactional(readOnly = true)
	AttendancePage page(UnitScope scope, SessionId session) {
		OrganisedSession organised = OrganisedSession.of(this.activities, scope, session);
		List<SignUpView> confirmed = this.signUps.ofSession(scope, session)
			.stream()
			.filter((signUp) -> signUp.status() == SignUpStatus.CONFIRMED)
			.toList();
		Map<VolunteerId, AttendanceView> attendances = new LinkedHashMap<>();
		for (AttendanceView attendance : this.checkIns.ofSession(scope, session)) {
			attendances.put(attendance.volunteer(), attendance);
		}
		Map<VolunteerId, EntryView> entries = new LinkedHashMap<>();
		this.records.ofSession(scope, session)
			.stream()
			.filter((entry) -> entry.kind() == EntryKind.SESSION)
			.sorted(Comparator.comparingLong(EntryView::id))
			.forEach((entry) -> entries.put(entry.volunteer(), entry));
		Set<VolunteerId> ids = new LinkedHashSet<>();
		confirmed.forEach((signUp) -> ids.add(signUp.volunteer()));
		ids.addAll(attendances.keySet());
		Map<VolunteerId, VolunteerView> views = this.volunteers.views(ids);
		Map<VolunteerId, SignUpView> places = new LinkedHashMap<>();
		confirmed.forEach((signUp) -> places.put(signUp.volunteer(), signUp));
		Map<Long, String> positionNames = new LinkedHashMap<>();
		for (PositionView position : this.activities.positions(session)) {
			positionNames.put(position.id().value(), position.name());
		}
		List<AttendanceRow> rows = new ArrayList<>();
		for (VolunteerId id : ids) {
			VolunteerView volunteer = views.get(id);
			SignUpView place = places.get(id);
			AttendanceView attendance = attendances.get(id);
			String positionName = Optional.ofNullable(place)
				.map(SignUpView::positionName)
				.orElseGet(() -> (attendance != null && attendance.position() != null)
						? positionNames.get(attendance.position().value()) : null);
			rows.add(new AttendanceRow(id.value(), (volunteer != null) ? volunteer.name() : "",
					(volunteer != null) ? volunteer.number() : "", positionName, place != null, attendance,
					entries.get(id), organised.session().zone()));
		}
		return new AttendancePage(organised.activity(), organised.session(), rows);
	}

}
