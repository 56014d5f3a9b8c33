package org.tongxing.activity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Gathers what {@link Eligibility} needs to know of a volunteer for a slot: status, age,
 * skills, languages, qualifications, whether they see the activity, a clashing session,
 * and their recent no-shows ({@code tongxing.activity.no-show-limit} of them within
 * {@code tongxing.activity.no-show-period} block new sign-ups until the oldest of them is
 * a whole period old).
 */
@Component
public class Candidates {

	private final JdbcClient jdbc;

	private final Volunteers volunteers;

	private final Units units;

	private final int noShowLimit;

	private final Duration noShowPeriod;

	Candidates(JdbcClient jdbc, Volunteers volunteers, Units units,
			@Value("${tongxing.activity.no-show-limit:3}") int noShowLimit,
			@Value("${tongxing.activity.no-show-period:P90D}") Duration noShowPeriod) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.units = units;
		this.noShowLimit = noShowLimit;
		this.noShowPeriod = noShowPeriod;
	}

	public Eligibility.Candidate of(VolunteerView volunteer, Slot slot, Instant now) {
		boolean already = this.jdbc
			.sql("""
					select count(*) from signup
					where session_id = ? and volunteer_id = ? and status in ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')""")
			.params(slot.session().value(), volunteer.id().value())
			.query(Integer.class)
			.single() > 0;
		var clash = this.jdbc.sql("""
				select a.title, s.starts_at from signup g
				join activity_session s on s.id = g.session_id join activity a on a.id = s.activity_id
				where g.volunteer_id = ? and g.status in ('PENDING', 'CONFIRMED', 'OFFERED') and s.id <> ?
				  and s.status = 'SCHEDULED' and s.starts_at < ? and s.ends_at > ?
				order by s.starts_at limit 1""")
			.params(volunteer.id().value(), slot.session().value(), slot.endsAt().atOffset(java.time.ZoneOffset.UTC),
					slot.startsAt().atOffset(java.time.ZoneOffset.UTC))
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant() })
			.optional();
		List<Instant> noShows = this.jdbc.sql("""
				select s.starts_at from signup g join activity_session s on s.id = g.session_id
				where g.volunteer_id = ? and g.status = 'NO_SHOW' order by s.starts_at desc limit 100""")
			.param(volunteer.id().value())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
		Instant blockedUntil = Eligibility.blockedUntil(noShows, this.noShowLimit, this.noShowPeriod, now);
		java.time.LocalDate day = slot.startsAt().atZone(slot.zone()).toLocalDate();
		return new Eligibility.Candidate(volunteer.status(), volunteer.birthDate(), volunteer.skills().keySet(),
				volunteer.languages().keySet(), this.volunteers.qualificationsHeld(volunteer.id(), day),
				sees(volunteer, slot), already, clash.map((row) -> (String) row[0]).orElse(null),
				clash.map((row) -> (Instant) row[1]).orElse(null),
				(int) noShows.stream().filter((start) -> start.isAfter(now.minus(this.noShowPeriod))).count(),
				blockedUntil);
	}

	/** Whether the volunteer sees an activity of this visibility. */
	public boolean sees(VolunteerView volunteer, Slot slot) {
		if (slot.visibility() != Visibility.SUBTREE) {
			return true;
		}
		UnitScope any = UnitScope.everything(false);
		String top = this.units.find(any, new UnitId(slot.visibilityUnit())).map(UnitView::path).orElse(null);
		String own = this.units.find(any, volunteer.unitId()).map(UnitView::path).orElse(null);
		return top != null && own != null && own.startsWith(top);
	}

}
