package org.tongxing.activity.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.PlaceOffered;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.Refusal;
import org.tongxing.activity.SignUpId;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The places of positions, held by the database: {@link #take} increments the count of
 * taken places only while it is below the capacity (a conditional update that waits for
 * any other change of the row), and a CHECK constraint refuses anything else. Freed
 * places go to the waitlist in order ({@link #offerFreed}), each offer valid for
 * {@code tongxing.activity.offer-validity} and never past the session's start. Callers
 * run these in their transaction.
 */
@Component
public class Places {

	/** Reasons that do not stand in the way of an offer to someone already waiting. */
	private static final Set<String> IGNORED_FOR_OFFERS = Set.of("already-signed-up", "window-closed",
			"window-not-open");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Slots slots;

	private final Candidates candidates;

	private final Volunteers volunteers;

	private final Duration offerValidity;

	private final Times times;

	Places(JdbcClient jdbc, Slots slots, Candidates candidates, Volunteers volunteers,
			@Value("${tongxing.activity.offer-validity:PT24H}") Duration offerValidity, Times times) {
		this.jdbc = jdbc;
		this.times = times;
		this.slots = slots;
		this.candidates = candidates;
		this.volunteers = volunteers;
		this.offerValidity = offerValidity;
	}

	/** Takes a place of the position if one is free; false when it is full. */
	public boolean take(PositionId position) {
		return this.jdbc.sql("update session_position set taken = taken + 1 where id = ? and taken < capacity")
			.param(position.value())
			.update() == 1;
	}

	/** Gives back a place a sign-up held. */
	public void release(PositionId position) {
		this.jdbc.sql("update session_position set taken = taken - 1 where id = ?").param(position.value()).update();
	}

	/**
	 * Offers the position's free places to its waitlist, first come first served,
	 * skipping volunteers who may no longer take it (suspended, a clash since, ...): they
	 * keep waiting. Nothing is offered once the session has started or the activity is
	 * not published. Locks the position's row.
	 * @return the offers made, to publish
	 */
	public List<PlaceOffered> offerFreed(PositionId position) {
		Slot slot = this.slots.lock(position).orElse(null);
		Instant now = Instant.now();
		if (slot == null || slot.activityStatus() != ActivityStatus.PUBLISHED || slot.sessionCancelled()
				|| !now.isBefore(slot.startsAt()) || slot.taken() >= slot.capacity()) {
			return List.of();
		}
		int free = slot.capacity() - slot.taken();
		List<long[]> waiting = this.jdbc.sql("""
				select id, volunteer_id from signup where position_id = ? and status = 'WAITLISTED'
				order by waitlisted_at, id""")
			.param(position.value())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<PlaceOffered> offers = new ArrayList<>();
		for (long[] row : waiting) {
			if (offers.size() == free) {
				break;
			}
			VolunteerView volunteer = this.volunteers.views(List.of(new VolunteerId(row[1])))
				.get(new VolunteerId(row[1]));
			if (volunteer == null) {
				continue;
			}
			List<Refusal> refusals = Eligibility
				.check(this.candidates.of(volunteer, slot, now), slot.opening(), now, this.times)
				.stream()
				.filter((refusal) -> !IGNORED_FOR_OFFERS.contains(refusal.reason()))
				.toList();
			if (!refusals.isEmpty()) {
				continue;
			}
			String token = token();
			Instant expires = now.plus(this.offerValidity);
			if (expires.isAfter(slot.startsAt())) {
				expires = slot.startsAt();
			}
			int offered = this.jdbc.sql("""
					update signup set status = 'OFFERED', offer_token = ?, offer_expires_at = ?, updated_at = now()
					where id = ? and status = 'WAITLISTED'""")
				.params(token, expires.atOffset(ZoneOffset.UTC), row[0])
				.update();
			if (offered == 1 && take(position)) {
				offers.add(new PlaceOffered(new SignUpId(row[0]), volunteer.id(), slot.session(), position, token,
						expires));
			}
		}
		return offers;
	}

	/**
	 * Ends the offers that were not confirmed in time: their places go back and on to the
	 * next on the waitlist.
	 * @return the expired sign-ups and the new offers, to publish
	 */
	public List<Object> expireOffers() {
		List<long[]> expired = this.jdbc.sql("""
				update signup set status = 'EXPIRED', status_reason = null, updated_at = now()
				where status = 'OFFERED' and offer_expires_at <= now()
				returning id, position_id, volunteer_id, session_id""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.list();
		List<Object> events = new ArrayList<>();
		for (long[] row : expired) {
			PositionId position = new PositionId(row[1]);
			release(position);
			events.add(new org.tongxing.activity.SignUpEnded(new SignUpId(row[0]), new VolunteerId(row[2]),
					new org.tongxing.activity.SessionId(row[3]), position, org.tongxing.activity.SignUpStatus.EXPIRED,
					false, null));
		}
		expired.stream()
			.map((row) -> new PositionId(row[1]))
			.distinct()
			.sorted(java.util.Comparator.comparingLong(PositionId::value))
			.forEach((position) -> events.addAll(offerFreed(position)));
		return events;
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
