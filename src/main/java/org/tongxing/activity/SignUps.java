package org.tongxing.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.AuditLog;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.activity.domain.Candidates;
import org.tongxing.activity.domain.Eligibility;
import org.tongxing.activity.domain.Places;
import org.tongxing.activity.domain.Slot;
import org.tongxing.activity.domain.Slots;
import org.tongxing.activity.domain.Times;
import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Volunteers' sign-ups for positions, and what organisers do with them. Capacity is held
 * by the database ({@code Places}); a volunteer's own sign-ups are serialised by a
 * transaction-scoped advisory lock on the volunteer, so two quick clicks or two
 * overlapping sessions at once cannot slip past the checks. Every change is audited and
 * publishes an event in its transaction.
 */
@Service
public class SignUps {

	/**
	 * The advisory-lock namespace of a volunteer's sign-ups (the first key of the pair).
	 */
	private static final int LOCK_NAMESPACE = 0x5349474E;

	static final String VIEW_SELECT = """
			select g.*, p.name as position_name, s.activity_id, a.title as activity_title
			from signup g join session_position p on p.id = g.position_id
			join activity_session s on s.id = g.session_id join activity a on a.id = s.activity_id
			""";

	private final JdbcClient jdbc;

	private final Slots slots;

	private final Places places;

	private final Candidates candidates;

	private final Volunteers volunteers;

	private final Activities activities;

	private final ActivityRules rules;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Times times;

	SignUps(JdbcClient jdbc, Slots slots, Places places, Candidates candidates, Volunteers volunteers,
			Activities activities, ActivityRules rules, AuditLog auditLog, ApplicationEventPublisher events,
			Times times) {
		this.jdbc = jdbc;
		this.times = times;
		this.slots = slots;
		this.places = places;
		this.candidates = candidates;
		this.volunteers = volunteers;
		this.activities = activities;
		this.rules = rules;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Every reason the account's volunteer may not sign up for the position now; empty
	 * when they may.
	 */
	@Transactional(readOnly = true)
	public List<Refusal> check(AccountId account, PositionId position) {
		Slot slot = slot(position);
		return this.volunteers.findByAccount(account)
			.map((volunteer) -> Eligibility.check(this.candidates.of(volunteer, slot, Instant.now()), slot.opening(),
					Instant.now(), this.times))
			.orElse(List.of(Refusal.of("no-volunteer")));
	}

	/**
	 * Signs the account's volunteer up for a position: CONFIRMED (or PENDING where the
	 * organiser approves) while a place is free, WAITLISTED when it is full, or refused
	 * with every reason.
	 */
	@Transactional
	public SignUpOutcome signUp(AccountId account, PositionId position) {
		return signUpAll(account, List.of(position)).get(0);
	}

	/**
	 * Signs up for several positions (of different sessions) at once; each has its own
	 * outcome, in the order given. Sessions of the same batch that overlap clash like any
	 * others: the later one in the list is refused.
	 */
	@Transactional
	public List<SignUpOutcome> signUpAll(AccountId account, List<PositionId> positions) {
		Optional<VolunteerView> found = this.volunteers.findByAccount(account);
		if (found.isEmpty()) {
			return positions.stream()
				.map((position) -> SignUpOutcome.refused(position, List.of(Refusal.of("no-volunteer"))))
				.toList();
		}
		VolunteerView volunteer = found.get();
		lockVolunteer(volunteer.id());
		List<SignUpOutcome> outcomes = new ArrayList<>();
		for (PositionId position : positions) {
			Slot slot = slot(position);
			Instant now = Instant.now();
			List<Refusal> refusals = Eligibility.check(this.candidates.of(volunteer, slot, now), slot.opening(), now,
					this.times);
			if (!refusals.isEmpty()) {
				outcomes.add(SignUpOutcome.refused(position, refusals));
				continue;
			}
			SignUpStatus status = this.places.take(position) ? initialStatus(slot) : SignUpStatus.WAITLISTED;
			SignUpId id = insert(slot, volunteer.id(), status, null, null);
			this.auditLog.record("signup", id, "created", null,
					Map.of("position", position.value(), "volunteer", volunteer.id().value(), "status", status.name()));
			this.events.publishEvent(new SignedUp(id, volunteer.id(), slot.session(), position, status, false));
			outcomes.add(SignUpOutcome.made(position, id, status));
		}
		return outcomes;
	}

	/**
	 * An organiser adds a volunteer by hand, confirmed, overriding the rules the
	 * volunteer breaks (recorded in the audit log with the note), but never the capacity.
	 * @throws ActivityStateException when the position is full or the volunteer already
	 * has a live sign-up for the session
	 */
	@Transactional
	public SignUpId addByHand(UnitScope scope, PositionId position, VolunteerId volunteerId, String note,
			AccountId by) {
		Slot slot = slot(position);
		this.activities.manage(scope, slot.activity());
		VolunteerView volunteer = this.volunteers.views(List.of(volunteerId)).get(volunteerId);
		if (volunteer == null) {
			throw new ActivityNotFoundException("volunteer", volunteerId);
		}
		lockVolunteer(volunteerId);
		Instant now = Instant.now();
		List<Refusal> refusals = Eligibility.check(this.candidates.of(volunteer, slot, now), slot.opening(), now,
				this.times);
		if (refusals.stream().anyMatch((refusal) -> refusal.reason().equals("already-signed-up"))) {
			throw new ActivityStateException("activity.state.already-signed-up");
		}
		if (!this.places.take(position)) {
			throw new ActivityStateException("activity.state.full");
		}
		String overridden = String.join(",", refusals.stream().map(Refusal::reason).toList());
		SignUpId id = insert(slot, volunteerId, SignUpStatus.CONFIRMED, by, overridden.isEmpty() ? null : overridden);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("position", position.value());
		after.put("volunteer", volunteerId.value());
		after.put("status", SignUpStatus.CONFIRMED.name());
		after.put("overridden", overridden);
		if (note != null && !note.isBlank()) {
			after.put("note", note.strip());
		}
		this.auditLog.record("signup", id, "added-by-organiser", null, after);
		this.events.publishEvent(new SignedUp(id, volunteerId, slot.session(), position, SignUpStatus.CONFIRMED, true));
		return id;
	}

	/**
	 * The volunteer cancels their own live sign-up, until the activity's deadline before
	 * the start; the place goes to the waitlist.
	 * @throws ActivityStateException after the deadline, or when it is not live
	 */
	@Transactional
	public void cancel(AccountId account, SignUpId id) {
		SignUpView signUp = own(account, id);
		Slot slot = slot(signUp.position());
		if (signUp.status() != SignUpStatus.WAITLISTED && !Instant.now().isBefore(slot.cancelDeadline())) {
			throw new ActivityStateException("activity.state.cancel-deadline",
					this.times.format(slot.cancelDeadline(), slot.zone()));
		}
		end(signUp, SignUpStatus.CANCELLED, false, null, account);
	}

	/** An organiser cancels a live sign-up, at any time, with a reason. */
	@Transactional
	public void cancelByOrganiser(UnitScope scope, SignUpId id, String reason, AccountId by) {
		SignUpView signUp = managed(scope, id);
		end(signUp, SignUpStatus.CANCELLED, true, this.rules.reason(reason), by);
	}

	/**
	 * The volunteer confirms a place offered to them.
	 * @return CONFIRMED, or PENDING where the organiser approves
	 * @throws ActivityStateException when the offer expired or was already answered
	 */
	@Transactional
	public SignUpStatus confirmOffer(AccountId account, String token) {
		SignUpView signUp = offer(account, token);
		Slot slot = slot(signUp.position());
		SignUpStatus status = initialStatus(slot);
		this.jdbc.sql("update signup set status = ?, updated_at = now(), updated_by = ? where id = ?")
			.params(status.name(), account.value(), signUp.id().value())
			.update();
		this.auditLog.record("signup", signUp.id(), "offer-confirmed", Map.of("status", "OFFERED"),
				Map.of("status", status.name()));
		this.events.publishEvent(
				new SignedUp(signUp.id(), signUp.volunteer(), slot.session(), slot.position(), status, false));
		return status;
	}

	/** The volunteer declines a place offered to them: it goes to the next. */
	@Transactional
	public void declineOffer(AccountId account, String token) {
		end(offer(account, token), SignUpStatus.CANCELLED, false, null, account);
	}

	/** An offer of the account's volunteer, live or not, to show its page. */
	@Transactional(readOnly = true)
	public Optional<SignUpView> findOffer(AccountId account, String token) {
		return this.jdbc.sql(VIEW_SELECT + " where g.offer_token = ?")
			.param(token)
			.query(SignUps::view)
			.optional()
			.filter((signUp) -> ownedBy(account, signUp));
	}

	/** The organiser approves a pending sign-up. */
	@Transactional
	public void approve(UnitScope scope, SignUpId id, AccountId by) {
		SignUpView signUp = managed(scope, id);
		requireStatus(signUp, SignUpStatus.PENDING);
		setStatus(signUp, SignUpStatus.CONFIRMED, null, by, "approved");
		this.events
			.publishEvent(new SignUpDecided(id, signUp.volunteer(), signUp.session(), signUp.position(), true, null));
	}

	/**
	 * The organiser rejects a pending sign-up with a reason; the place goes to the
	 * waitlist.
	 */
	@Transactional
	public void reject(UnitScope scope, SignUpId id, String reason, AccountId by) {
		SignUpView signUp = managed(scope, id);
		requireStatus(signUp, SignUpStatus.PENDING);
		String checked = this.rules.reason(reason);
		setStatus(signUp, SignUpStatus.REJECTED, checked, by, "rejected");
		this.places.release(signUp.position());
		this.events.publishEvent(
				new SignUpDecided(id, signUp.volunteer(), signUp.session(), signUp.position(), false, checked));
		this.places.offerFreed(signUp.position()).forEach(this.events::publishEvent);
	}

	/**
	 * The organiser marks a confirmed volunteer as not having come, once the session has
	 * started; no-shows count against new sign-ups.
	 */
	@Transactional
	public void markNoShow(UnitScope scope, SignUpId id, AccountId by) {
		SignUpView signUp = managed(scope, id);
		requireStatus(signUp, SignUpStatus.CONFIRMED);
		Slot slot = slot(signUp.position());
		if (Instant.now().isBefore(slot.startsAt())) {
			throw new ActivityStateException("activity.state.not-started");
		}
		setStatus(signUp, SignUpStatus.NO_SHOW, null, by, "no-show");
		this.places.release(signUp.position());
	}

	/** Takes back a no-show marked by mistake. */
	@Transactional
	public void undoNoShow(UnitScope scope, SignUpId id, AccountId by) {
		SignUpView signUp = managed(scope, id);
		requireStatus(signUp, SignUpStatus.NO_SHOW);
		if (!this.places.take(signUp.position())) {
			throw new ActivityStateException("activity.state.full");
		}
		setStatus(signUp, SignUpStatus.CONFIRMED, null, by, "no-show-undone");
	}

	/**
	 * Ends unconfirmed offers whose time is up and offers their places to the next; run
	 * by a scheduled job on one node at a time.
	 * @return how many offers expired
	 */
	@Transactional
	public int expireOffers() {
		List<Object> happened = this.places.expireOffers();
		happened.forEach(this.events::publishEvent);
		return (int) happened.stream().filter(SignUpEnded.class::isInstance).count();
	}

	// --- reads

	@Transactional(readOnly = true)
	public Optional<SignUpView> find(SignUpId id) {
		return this.jdbc.sql(VIEW_SELECT + " where g.id = ?").param(id.value()).query(SignUps::view).optional();
	}

	/** The volunteer's sign-ups, newest session first. */
	@Transactional(readOnly = true)
	public List<SignUpView> ofVolunteer(VolunteerId volunteer) {
		return this.jdbc.sql(VIEW_SELECT + " where g.volunteer_id = ? order by s.starts_at desc, g.id desc")
			.param(volunteer.value())
			.query(SignUps::view)
			.list();
	}

	/**
	 * The volunteer's confirmed sign-up for the session, if any: who may check in.
	 */
	@Transactional(readOnly = true)
	public Optional<SignUpView> confirmedFor(VolunteerId volunteer, SessionId session) {
		return this.jdbc.sql(VIEW_SELECT + " where g.volunteer_id = ? and g.session_id = ? and g.status = 'CONFIRMED'")
			.params(volunteer.value(), session.value())
			.query(SignUps::view)
			.optional();
	}

	/**
	 * The confirmed sign-ups of a volunteer for sessions running between {@code from} and
	 * {@code to} (overlapping it): the sessions a typed check-in code may be for.
	 */
	@Transactional(readOnly = true)
	public List<SignUpView> confirmedDuring(VolunteerId volunteer, Instant from, Instant to) {
		return this.jdbc.sql(VIEW_SELECT + """
				where g.volunteer_id = ? and g.status = 'CONFIRMED' and s.status = 'SCHEDULED'
				  and s.starts_at < ? and s.ends_at > ? order by s.starts_at, g.id""")
			.params(volunteer.value(), to.atOffset(java.time.ZoneOffset.UTC), from.atOffset(java.time.ZoneOffset.UTC))
			.query(SignUps::view)
			.list();
	}

	/**
	 * A session's sign-ups for an organiser of its activity, by position and then the
	 * order they came in (the waitlist's order for waitlisted ones).
	 */
	@Transactional(readOnly = true)
	public List<SignUpView> ofSession(UnitScope scope, SessionId session) {
		SessionView found = this.activities.findSession(session)
			.orElseThrow(() -> new ActivityNotFoundException("session", session));
		this.activities.manage(scope, found.activity());
		return this.jdbc.sql(VIEW_SELECT
				+ " where g.session_id = ? order by p.sort_order, p.id, coalesce(g.waitlisted_at, g.created_at), g.id")
			.param(session.value())
			.query(SignUps::view)
			.list();
	}

	/**
	 * Confirmed sign-ups of sessions (not cancelled, of published activities) starting
	 * from {@code from} (inclusive) to {@code to} (exclusive), for reminders.
	 */
	@Transactional(readOnly = true)
	public List<SignUpView> confirmedStartingBetween(Instant from, Instant to) {
		return this.jdbc.sql(VIEW_SELECT + """
				where g.status = 'CONFIRMED' and s.status = 'SCHEDULED' and a.status = 'PUBLISHED'
				  and s.starts_at >= ? and s.starts_at < ? order by s.starts_at, g.id""")
			.params(from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
			.query(SignUps::view)
			.list();
	}

	// --- helpers

	private SignUpStatus initialStatus(Slot slot) {
		return (slot.approval() == Approval.ORGANISER) ? SignUpStatus.PENDING : SignUpStatus.CONFIRMED;
	}

	private SignUpId insert(Slot slot, VolunteerId volunteer, SignUpStatus status, AccountId addedBy,
			String overridden) {
		long id = this.jdbc
			.sql("""
					insert into signup (position_id, session_id, volunteer_id, status, waitlisted_at, added_by, override_reasons)
					values (?, ?, ?, ?, case when ? then now() end, ?, ?)
					returning id""")
			.params(slot.position().value(), slot.session().value(), volunteer.value(), status.name(),
					status == SignUpStatus.WAITLISTED, (addedBy != null) ? addedBy.value() : null, overridden)
			.query(Long.class)
			.single();
		return new SignUpId(id);
	}

	private void end(SignUpView signUp, SignUpStatus target, boolean byOrganiser, String reason, AccountId by) {
		if (!signUp.status().isLive()) {
			throw new ActivityStateException("activity.state.not-live");
		}
		setStatus(signUp, target, reason, by, byOrganiser ? "cancelled-by-organiser" : "cancelled");
		this.events.publishEvent(new SignUpEnded(signUp.id(), signUp.volunteer(), signUp.session(), signUp.position(),
				target, byOrganiser, reason));
		if (signUp.status().holdsPlace()) {
			this.places.release(signUp.position());
			this.places.offerFreed(signUp.position()).forEach(this.events::publishEvent);
		}
	}

	private void setStatus(SignUpView signUp, SignUpStatus target, String reason, AccountId by, String action) {
		int updated = this.jdbc.sql("""
				update signup set status = ?, status_reason = ?, updated_at = now(), updated_by = ?
				where id = ? and status = ?""")
			.params(target.name(), reason, (by != null) ? by.value() : null, signUp.id().value(),
					signUp.status().name())
			.update();
		if (updated == 0) {
			// changed by someone else since it was read
			throw new ActivityStateException("activity.state.changed");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", target.name());
		if (reason != null) {
			after.put("reason", reason);
		}
		this.auditLog.record("signup", signUp.id(), action, Map.of("status", signUp.status().name()), after);
	}

	private SignUpView offer(AccountId account, String token) {
		SignUpView signUp = findOffer(account, token).orElseThrow(() -> new ActivityNotFoundException("offer", "?"));
		if (signUp.status() != SignUpStatus.OFFERED || !Instant.now().isBefore(signUp.offerExpiresAt())) {
			throw new ActivityStateException("activity.state.offer-over");
		}
		return signUp;
	}

	private SignUpView own(AccountId account, SignUpId id) {
		return find(id).filter((signUp) -> ownedBy(account, signUp))
			.orElseThrow(() -> new ActivityNotFoundException("sign-up", id));
	}

	private boolean ownedBy(AccountId account, SignUpView signUp) {
		return this.volunteers.findByAccount(account)
			.map((volunteer) -> volunteer.id().equals(signUp.volunteer()))
			.orElse(false);
	}

	private SignUpView managed(UnitScope scope, SignUpId id) {
		SignUpView signUp = find(id).orElseThrow(() -> new ActivityNotFoundException("sign-up", id));
		this.activities.manage(scope, signUp.activity());
		return signUp;
	}

	private static void requireStatus(SignUpView signUp, SignUpStatus expected) {
		if (signUp.status() != expected) {
			throw new ActivityStateException(
					"activity.state.signup-not-" + expected.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	private Slot slot(PositionId position) {
		return this.slots.find(position).orElseThrow(() -> new ActivityNotFoundException("position", position));
	}

	private void lockVolunteer(VolunteerId volunteer) {
		this.jdbc.sql("select pg_advisory_xact_lock(?, ?)")
			.params(LOCK_NAMESPACE, (int) volunteer.value())
			.query((rs, n) -> 1)
			.list();
	}

	static SignUpView view(ResultSet rs, int row) throws SQLException {
		return new SignUpView(new SignUpId(rs.getLong("id")), new VolunteerId(rs.getLong("volunteer_id")),
				new PositionId(rs.getLong("position_id")), rs.getString("position_name"),
				new SessionId(rs.getLong("session_id")), new ActivityId(rs.getLong("activity_id")),
				rs.getString("activity_title"), SignUpStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), Activities.instant(rs, "waitlisted_at"),
				Activities.instant(rs, "offer_expires_at"), rs.getObject("added_by") != null,
				rs.getString("override_reasons"), Activities.instant(rs, "created_at"));
	}

}
