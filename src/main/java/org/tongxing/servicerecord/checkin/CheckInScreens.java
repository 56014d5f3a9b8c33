package org.tongxing.servicerecord.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.Geofence;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * What the organiser's check-in screen shows: the session, the code of the moment, how
 * many are checked in and out against the confirmed places, and who came or left last.
 * Organisers of the activity only (404 out of scope, 403 for leadership, as
 * {@link Activities#manage} decides).
 */
@Service
public class CheckInScreens {

	/** How many of the latest check-ins and check-outs the screen lists. */
	static final int RECENT = 6;

	private final Activities activities;

	private final SignUps signUps;

	private final CheckIns checkIns;

	private final Volunteers volunteers;

	CheckInScreens(Activities activities, SignUps signUps, CheckIns checkIns, Volunteers volunteers) {
		this.activities = activities;
		this.signUps = signUps;
		this.checkIns = checkIns;
		this.volunteers = volunteers;
	}

	/** A check-in or check-out, newest first on the screen. */
	public record Recent(String name, boolean checkOut, Instant at) {
	}

	public record Screen(ActivityView activity, SessionView session, CheckInTokens.Rotating code, long secondsLeft,
			int present, int checkedOut, int confirmed, List<Recent> recent, Optional<Geofence> geofence) {

		/** The six digits in two groups of three, easier to read from afar. */
		public String codeGrouped() {
			return this.code.code().substring(0, 3) + " " + this.code.code().substring(3);
		}

		public long id() {
			return this.session.id().value();
		}

	}

	Screen screen(UnitScope scope, SessionId id, Instant now) {
		SessionView session = this.activities.findSession(id)
			.orElseThrow(() -> new ActivityNotFoundException("session", id));
		CheckInTokens.Rotating code = this.checkIns.currentCode(scope, id, now);
		ActivityView activity = this.activities.find(session.activity())
			.orElseThrow(() -> new ActivityNotFoundException("activity", session.activity()));
		List<AttendanceView> attendances = this.checkIns.ofSession(scope, id);
		int confirmed = (int) this.signUps.ofSession(scope, id)
			.stream()
			.filter((signUp) -> signUp.status() == SignUpStatus.CONFIRMED)
			.count();
		int present = (int) attendances.stream().filter(AttendanceView::isOpen).count();
		List<AttendanceView> latest = attendances.stream()
			.sorted(Comparator.comparing(CheckInScreens::lastChange).reversed())
			.limit(RECENT)
			.toList();
		Map<VolunteerId, VolunteerView> names = this.volunteers
			.views(latest.stream().map(AttendanceView::volunteer).toList());
		List<Recent> recent = latest.stream()
			.map((attendance) -> new Recent(
					names.containsKey(attendance.volunteer()) ? names.get(attendance.volunteer()).name() : "",
					!attendance.isOpen(), lastChange(attendance)))
			.toList();
		long millisLeft = Duration.between(now, code.changesAt()).toMillis();
		long secondsLeft = Math.max(1, (millisLeft + 999) / 1000);
		return new Screen(activity, session, code, secondsLeft, present, attendances.size() - present, confirmed,
				recent, this.checkIns.geofence(id));
	}

	private static Instant lastChange(AttendanceView attendance) {
		return attendance.isOpen() ? attendance.checkedInAt() : attendance.checkedOutAt();
	}

}
