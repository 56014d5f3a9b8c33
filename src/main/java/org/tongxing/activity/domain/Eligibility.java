package org.tongxing.activity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.Refusal;
import org.tongxing.volunteer.VolunteerStatus;

/**
 * Whether a volunteer may sign up for a position of a session: every reason against it,
 * so the page can say all of them at once. Pure; the caller gathers the facts.
 */
public final class Eligibility {

	private Eligibility() {
	}

	/**
	 * What is known of the volunteer.
	 *
	 * @param clashTitle the title of an activity whose session overlaps and holds a
	 * place, or null
	 * @param clashStart that session's start
	 * @param noShows the recent no-shows counted against the limit
	 * @param blockedUntil when those no-shows stop blocking, or null when they do not
	 */
	public record Candidate(VolunteerStatus status, LocalDate birthDate, Set<String> skills, Set<String> languages,
			Set<String> qualifications, boolean seesActivity, boolean alreadySignedUp, String clashTitle,
			Instant clashStart, int noShows, Instant blockedUntil) {
	}

	/**
	 * What is asked of a volunteer by the position and its session.
	 *
	 * @param opensAt when sign-up opens, or null: open
	 * @param closesAt when sign-up closes
	 */
	public record Opening(ActivityStatus activityStatus, boolean sessionCancelled, Instant startsAt, ZoneId zone,
			Instant opensAt, Instant closesAt, Integer minAge, Set<String> skills, Set<String> languages,
			Set<String> qualifications) {
	}

	/**
	 * Every reason against the sign-up, in order; times in them are written by
	 * {@code times} in the session's zone.
	 */
	public static List<Refusal> check(Candidate candidate, Opening opening, Instant now, Times times) {
		List<Refusal> refusals = new ArrayList<>();
		switch (candidate.status()) {
			case ACTIVE -> {
			}
			case APPLICANT -> refusals.add(Refusal.of("applicant"));
			case SUSPENDED -> refusals.add(Refusal.of("suspended"));
			default -> refusals.add(Refusal.of("inactive"));
		}
		if (!candidate.seesActivity()) {
			refusals.add(Refusal.of("not-visible"));
		}
		if (opening.activityStatus() != ActivityStatus.PUBLISHED || opening.sessionCancelled()) {
			refusals.add(Refusal.of("not-open"));
		}
		else if (!now.isBefore(opening.startsAt())) {
			refusals.add(Refusal.of("started"));
		}
		else if (opening.opensAt() != null && now.isBefore(opening.opensAt())) {
			refusals.add(Refusal.of("window-not-open", times.format(opening.opensAt(), opening.zone())));
		}
		else if (!now.isBefore(opening.closesAt())) {
			refusals.add(Refusal.of("window-closed", times.format(opening.closesAt(), opening.zone())));
		}
		if (candidate.alreadySignedUp()) {
			refusals.add(Refusal.of("already-signed-up"));
		}
		missing(opening.skills(), candidate.skills(), "missing-skill", refusals);
		missing(opening.languages(), candidate.languages(), "missing-language", refusals);
		missing(opening.qualifications(), candidate.qualifications(), "missing-qualification", refusals);
		if (opening.minAge() != null) {
			LocalDate day = opening.startsAt().atZone(opening.zone()).toLocalDate();
			if (candidate.birthDate() == null
					|| java.time.Period.between(candidate.birthDate(), day).getYears() < opening.minAge()) {
				refusals.add(Refusal.of("too-young", opening.minAge()));
			}
		}
		if (candidate.clashTitle() != null) {
			refusals
				.add(Refusal.of("clash", candidate.clashTitle(), times.format(candidate.clashStart(), opening.zone())));
		}
		if (candidate.blockedUntil() != null && now.isBefore(candidate.blockedUntil())) {
			refusals.add(Refusal.of("no-shows", candidate.noShows(),
					times.formatDate(candidate.blockedUntil(), opening.zone())));
		}
		return refusals;
	}

	private static void missing(Set<String> required, Set<String> held, String reason, List<Refusal> refusals) {
		Set<String> missing = new TreeSet<>(required);
		missing.removeAll(held);
		if (!missing.isEmpty()) {
			refusals.add(Refusal.of(reason, String.join(",", missing)));
		}
	}

	/**
	 * When the no-shows stop blocking: once {@code limit} of them fall within
	 * {@code period} before now, the block lasts until the {@code limit}-th most recent
	 * one is a whole period old; null when they do not block.
	 * @param noShowStarts the starts of the volunteer's no-show sessions, newest first
	 */
	public static Instant blockedUntil(List<Instant> noShowStarts, int limit, java.time.Duration period, Instant now) {
		if (limit <= 0) {
			return null;
		}
		List<Instant> recent = noShowStarts.stream().filter((start) -> start.isAfter(now.minus(period))).toList();
		return (recent.size() >= limit) ? recent.get(limit - 1).plus(period) : null;
	}

}
