package org.tongxing.servicerecord.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.tongxing.account.AccountId;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUps;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ScanOutcome;
import org.tongxing.servicerecord.ScanResult;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * What the volunteer's check-in pages show: before a scan counts, what it will do (check
 * in, check out, nothing yet); after it, the outcome with the time and, once checked out,
 * the hours and the rule that made them.
 */
@Service
public class CheckInPages {

	private final Activities activities;

	private final SignUps signUps;

	private final CheckIns checkIns;

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final Duration repeatWithin;

	CheckInPages(Activities activities, SignUps signUps, CheckIns checkIns, Volunteers volunteers,
			ServiceRecords records,
			@Value("${tongxing.servicerecord.check-in.repeat-within:PT10M}") Duration repeatWithin) {
		this.activities = activities;
		this.signUps = signUps;
		this.checkIns = checkIns;
		this.volunteers = volunteers;
		this.records = records;
		this.repeatWithin = repeatWithin;
	}

	/** What a scan of the session's code would do for the account now. */
	public enum Step {

		CHECK_IN, CHECK_OUT,
		/** Checked in moments ago: a scan now would change nothing. */
		TOO_SOON,
		/** Checked out already. */
		DONE, NOT_SIGNED_UP, NOT_A_VOLUNTEER;

		public boolean scans() {
			return this == CHECK_IN || this == CHECK_OUT;
		}

	}

	public record ScanPage(ActivityView activity, SessionView session, Step step, AttendanceView attendance,
			boolean needsLocation) {
	}

	public record Done(ScanOutcome outcome, ActivityView activity, SessionView session, AttendanceView attendance,
			EntryView entry) {

		public boolean out() {
			return this.outcome == ScanOutcome.CHECKED_OUT || this.outcome == ScanOutcome.ALREADY_CHECKED_OUT;
		}

		/** When the volunteer checked in, or out once they have. */
		public Instant at() {
			return out() ? this.attendance.checkedOutAt() : this.attendance.checkedInAt();
		}

	}

	ScanPage scanPage(AccountId account, SessionView session, Instant now) {
		ActivityView activity = activity(session);
		boolean needsLocation = this.checkIns.geofence(session.id()).isPresent();
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(account);
		if (volunteer.isEmpty()) {
			return new ScanPage(activity, session, Step.NOT_A_VOLUNTEER, null, false);
		}
		AttendanceView attendance = this.checkIns.find(volunteer.get().id(), session.id()).orElse(null);
		Step step;
		if (attendance == null) {
			step = this.signUps.confirmedFor(volunteer.get().id(), session.id()).isPresent() ? Step.CHECK_IN
					: Step.NOT_SIGNED_UP;
		}
		else if (!attendance.isOpen()) {
			step = Step.DONE;
		}
		else {
			step = now.isBefore(attendance.checkedInAt().plus(this.repeatWithin)) ? Step.TOO_SOON : Step.CHECK_OUT;
		}
		return new ScanPage(activity, session, step, attendance, needsLocation && step.scans());
	}

	Done done(ScanResult result) {
		SessionView session = session(result.session());
		AttendanceView attendance = result.attendance();
		Done done = new Done(result.outcome(), activity(session), session, attendance, null);
		if (!done.out()) {
			return done;
		}
		LocalDate day = session.localStart().toLocalDate();
		EntryView entry = this.records.history(attendance.volunteer(), day, day)
			.stream()
			.filter((candidate) -> candidate.kind() == EntryKind.SESSION && session.id().equals(candidate.session()))
			.findFirst()
			.orElse(null);
		return new Done(done.outcome(), done.activity(), session, attendance, entry);
	}

	SessionView session(SessionId id) {
		return this.activities.findSession(id).orElseThrow(() -> new ActivityNotFoundException("session", id));
	}

	private ActivityView activity(SessionView session) {
		return this.activities.find(session.activity())
			.orElseThrow(() -> new ActivityNotFoundException("activity", session.activity()));
	}

}
