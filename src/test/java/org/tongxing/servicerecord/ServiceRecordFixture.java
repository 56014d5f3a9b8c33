package org.tongxing.servicerecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.tongxing.account.AccountId;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;

/**
 * Sessions that are running (or ran) with volunteers holding places, and attendances made
 * through the one path scans take: for the service-record tests of every part.
 */
public final class ServiceRecordFixture {

	public static final UnitScope SYSTEM = VolunteerFixture.SYSTEM;

	public final ActivityFixture activities;

	private final Activities activityApi;

	private final SignUps signUps;

	private final CheckIns checkIns;

	public ServiceRecordFixture(ActivityFixture activities, Activities activityApi, SignUps signUps,
			CheckIns checkIns) {
		this.activities = activities;
		this.activityApi = activityApi;
		this.signUps = signUps;
		this.checkIns = checkIns;
	}

	/** A published activity's session and its one position. */
	public record Running(ActivityId activity, SessionId session, PositionId position, Instant startsAt,
			Instant endsAt) {
	}

	/**
	 * A published activity of the unit with one session that started {@code startedAgo}
	 * ago (negative: starts later) and lasts {@code length}, whole minutes, Beijing time;
	 * one position of 500 places.
	 */
	public Running session(UnitId unit, String title, Duration startedAgo, Duration length) {
		ZoneId zone = ZoneId.of(ActivityFixture.ZONE);
		LocalDateTime start = LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES).minus(startedAgo);
		ActivityId activity = this.activities.draft(unit, title);
		SessionId session = this.activityApi.addSession(SYSTEM, activity,
				SessionDetails.at(start, start.plus(length), ActivityFixture.ZONE));
		PositionId position = this.activityApi.addPosition(SYSTEM, session, PositionDetails.open("服务岗", 500));
		this.activityApi.publish(SYSTEM, activity);
		return new Running(activity, session, position, start.atZone(zone).toInstant(),
				start.plus(length).atZone(zone).toInstant());
	}

	/**
	 * A volunteer of the unit with a confirmed place in the session; returns their
	 * account.
	 */
	public AccountId attendee(Running running, UnitId unit, String name) {
		AccountId account = this.activities.volunteer(unit, name);
		place(running, account);
		return account;
	}

	/** Gives the volunteer of the account a confirmed place (added by the organiser). */
	public void place(Running running, AccountId account) {
		this.signUps.addByHand(SYSTEM, running.position(), volunteerId(account), "fixture", null);
	}

	public VolunteerId volunteerId(AccountId account) {
		return this.activities.volunteerOf(account).id();
	}

	/**
	 * Checks the volunteer in at {@code in} and out at {@code out}, as two card scans
	 * would.
	 */
	public AttendanceView attend(Running running, AccountId account, Instant in, Instant out) {
		VolunteerId volunteer = volunteerId(account);
		this.checkIns.toggle(running.session(), volunteer, CheckInMethod.CARD, null, null, in);
		return this.checkIns.toggle(running.session(), volunteer, CheckInMethod.CARD, null, null, out).attendance();
	}

}
