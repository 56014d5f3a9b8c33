package org.tongxing.activity.roster;

import java.time.Instant;
import java.util.List;

import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;

/**
 * What the roster page shows of one session: its activity, and per position the places
 * and the sign-ups grouped by where they stand.
 */
public record RosterPage(ActivityView activity, SessionView session, List<PositionRoster> positions, Instant now) {

	/** Whether the session has started: no-shows may be marked from then on. */
	public boolean started() {
		return !this.now.isBefore(this.session.startsAt());
	}

	/** Every entry of every position. */
	public List<RosterEntry> entries() {
		return this.positions.stream().flatMap((position) -> position.all().stream()).toList();
	}

	/** One position with its sign-ups by status group. */
	public record PositionRoster(PositionView position, List<RosterEntry> confirmed, List<RosterEntry> pending,
			List<RosterEntry> offered, List<RosterEntry> waitlist, List<RosterEntry> ended) {

		public List<RosterEntry> all() {
			return java.util.stream.Stream.of(this.confirmed, this.pending, this.offered, this.waitlist, this.ended)
				.flatMap(List::stream)
				.toList();
		}

		public boolean isEmpty() {
			return all().isEmpty();
		}

	}

}
