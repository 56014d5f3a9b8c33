package org.tongxing.activity.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.roster.RosterPage.PositionRoster;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Reads a session's roster for an organiser of its activity (404 out of scope, 403 for
 * leadership, as {@link Activities#manage} decides): the positions with their places and
 * sign-ups, the volunteers' masked views read in one call.
 */
@Service
class Rosters {

	private final Activities activities;

	private final SignUps signUps;

	private final Volunteers volunteers;

	private final Units units;

	Rosters(Activities activities, SignUps signUps, Volunteers volunteers, Units units) {
		this.activities = activities;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.units = units;
	}

	/** The session, when it exists and the scope manages its activity. */
	@Transactional(readOnly = true)
	SessionView session(UnitScope scope, SessionId id) {
		SessionView session = this.activities.findSession(id)
			.orElseThrow(() -> new ActivityNotFoundException("session", id));
		this.activities.manage(scope, session.activity());
		return session;
	}

	@Transactional(readOnly = true)
	RosterPage page(UnitScope scope, SessionId id) {
		SessionView session = session(scope, id);
		ActivityView activity = this.activities.manage(scope, session.activity());
		List<SignUpView> signUps = this.signUps.ofSession(scope, id);
		Map<VolunteerId, VolunteerView> people = this.volunteers
			.views(signUps.stream().map(SignUpView::volunteer).distinct().toList());
		LocalDate day = session.localStart().toLocalDate();
		Map<UnitId, Boolean> manages = new HashMap<>();
		Map<Long, List<RosterEntry>> byPosition = new LinkedHashMap<>();
		Map<Long, Integer> waitlistPlaces = new HashMap<>();
		for (SignUpView signUp : signUps) {
			VolunteerView person = people.get(signUp.volunteer());
			int place = 0;
			if (signUp.status() == SignUpStatus.WAITLISTED) {
				// ofSession lists a position's waitlist in its order
				place = waitlistPlaces.merge(signUp.position().value(), 1, Integer::sum);
			}
			RosterEntry entry = (person != null)
					? new RosterEntry(signUp, person.name(), person.number(), person.phoneMasked(), person.email(),
							(person.birthDate() != null) ? person.ageOn(day) : null,
							manages.computeIfAbsent(person.unitId(), (unit) -> mayManage(scope, unit)), place,
							overrides(signUp))
					: new RosterEntry(signUp, null, null, null, null, null, false, place, overrides(signUp));
			byPosition.computeIfAbsent(signUp.position().value(), (key) -> new ArrayList<>()).add(entry);
		}
		List<PositionRoster> positions = new ArrayList<>();
		for (PositionView position : this.activities.positions(id)) {
			List<RosterEntry> entries = byPosition.getOrDefault(position.id().value(), List.of());
			positions.add(new PositionRoster(position, with(entries, SignUpStatus.CONFIRMED),
					with(entries, SignUpStatus.PENDING), with(entries, SignUpStatus.OFFERED),
					with(entries, SignUpStatus.WAITLISTED), entries.stream().filter((e) -> !e.live()).toList()));
		}
		return new RosterPage(activity, session, positions, Instant.now());
	}

	/** A sign-up of this session, or 404. */
	@Transactional(readOnly = true)
	SignUpView signUp(SessionId session, SignUpId id) {
		return this.signUps.find(id)
			.filter((signUp) -> signUp.session().equals(session))
			.orElseThrow(() -> new ActivityNotFoundException("sign-up", id));
	}

	@Transactional(readOnly = true)
	Optional<PositionView> position(PositionId id) {
		return this.activities.findPosition(id);
	}

	private boolean mayManage(UnitScope scope, UnitId unit) {
		return this.units.find(scope, unit).map(scope::mayManage).orElse(false);
	}

	private static List<RosterEntry> with(List<RosterEntry> entries, SignUpStatus status) {
		return entries.stream().filter((entry) -> entry.status() == status).toList();
	}

	private static List<String> overrides(SignUpView signUp) {
		String reasons = signUp.overrideReasons();
		return (reasons == null || reasons.isBlank()) ? List.of()
				: Arrays.stream(reasons.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

}
