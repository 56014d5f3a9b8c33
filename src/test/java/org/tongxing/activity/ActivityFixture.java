package org.tongxing.activity;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.tongxing.account.AccountId;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Published activities with a session and a position, and active volunteers with their
 * accounts, for the activity module's tests; made through the modules' APIs.
 */
public final class ActivityFixture {

	public static final UnitScope SYSTEM = VolunteerFixture.SYSTEM;

	public static final String ZONE = "Asia/Shanghai";

	public final VolunteerFixture volunteers;

	private final Activities activities;

	private final Volunteers registry;

	public ActivityFixture(VolunteerFixture volunteers, Activities activities, Volunteers registry) {
		this.volunteers = volunteers;
		this.activities = activities;
		this.registry = registry;
	}

	/**
	 * Details of an association-wide activity of the unit, at an address, in Beijing
	 * time.
	 */
	public static ActivityDetails details(UnitId unit, String title) {
		return new ActivityDetails(title, "<p>" + title + "</p>", null, unit, Set.of(), false, "北京市朝阳区 1 号", null, ZONE,
				Visibility.ASSOCIATION, null, "王老师", "010-12345678", "20 位居民", 24);
	}

	/** A draft activity of the unit. */
	public ActivityId draft(UnitId unit, String title) {
		return this.activities.create(SYSTEM, details(unit, title), null);
	}

	/**
	 * A published activity of the unit with one session starting in {@code daysAhead}
	 * days (09:00–12:00 Beijing time) and one position; returns the position.
	 */
	public PositionId published(UnitId unit, String title, int daysAhead, PositionDetails position) {
		ActivityId activity = draft(unit, title);
		SessionId session = session(activity, daysAhead, 9, 12);
		PositionId id = this.activities.addPosition(SYSTEM, session, position);
		this.activities.publish(SYSTEM, activity);
		return id;
	}

	public SessionId session(ActivityId activity, int daysAhead, int fromHour, int toHour) {
		LocalDateTime day = LocalDateTime.now(ZoneId.of(ZONE)).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead);
		return this.activities.addSession(SYSTEM, activity,
				SessionDetails.at(day.withHour(fromHour), day.withHour(toHour), ZONE));
	}

	/** An active volunteer of the unit; returns their account. */
	public AccountId volunteer(UnitId unit, String name) {
		VolunteerId id = this.volunteers.active(unit, name);
		return this.registry.views(Set.of(id)).get(id).accountId();
	}

	public VolunteerView volunteerOf(AccountId account) {
		return this.registry.findByAccount(account).orElseThrow();
	}

}
