package org.tongxing.activity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.Refusal;
import org.tongxing.volunteer.VolunteerStatus;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final Times TIMES = new Times(BEIJING);

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final Instant START = Instant.parse("2026-06-10T01:00:00Z");

	private static final Eligibility.Candidate ABLE = new Eligibility.Candidate(VolunteerStatus.ACTIVE,
			LocalDate.of(2000, 6, 10), Set.of("first-aid"), Set.of("en"), Set.of(), true, false, null, null, 0, null);

	private static final Eligibility.Opening OPEN = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START,
			BEIJING, null, START, null, Set.of(), Set.of(), Set.of());

	@Test
	void anActiveVolunteerMayTakeAnOpenPosition() {
		assertThat(Eligibility.check(ABLE, OPEN, NOW, TIMES)).isEmpty();
	}

	@Test
	void statusesOtherThanActiveAreRefused() {
		assertThat(reasons(candidate(VolunteerStatus.APPLICANT), OPEN)).containsExactly("applicant");
		assertThat(reasons(candidate(VolunteerStatus.SUSPENDED), OPEN)).containsExactly("suspended");
		assertThat(reasons(candidate(VolunteerStatus.LEFT), OPEN)).containsExactly("inactive");
	}

	@Test
	void theWindowDecidesBeforeAndAfter() {
		Eligibility.Opening later = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START, BEIJING,
				NOW.plusSeconds(3600), START, null, Set.of(), Set.of(), Set.of());
		List<Refusal> refusals = Eligibility.check(ABLE, later, NOW, TIMES);
		assertThat(refusals).extracting(Refusal::reason).containsExactly("window-not-open");
		// shown in the session's zone
		assertThat(refusals.get(0).arguments()).containsExactly("2026-06-01 09:00");
		Eligibility.Opening closed = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START, BEIJING, null,
				NOW.minusSeconds(1), null, Set.of(), Set.of(), Set.of());
		assertThat(reasons(ABLE, closed)).containsExactly("window-closed");
		assertThat(Eligibility.check(ABLE, OPEN, START, TIMES)).extracting(Refusal::reason).containsExactly("started");
	}

	@Test
	void draftsAndCancelledSessionsAreNotOpen() {
		assertThat(reasons(ABLE, new Eligibility.Opening(ActivityStatus.DRAFT, false, START, BEIJING, null, START, null,
				Set.of(), Set.of(), Set.of())))
			.containsExactly("not-open");
		assertThat(reasons(ABLE, new Eligibility.Opening(ActivityStatus.PUBLISHED, true, START, BEIJING, null, START,
				null, Set.of(), Set.of(), Set.of())))
			.containsExactly("not-open");
	}

	@Test
	void ageCountsOnTheSessionsDayInItsZone() {
		// born 2008-06-10: 18 on 10 June in Beijing, where the session (01:00 UTC) is on
		// the 10th
		Eligibility.Candidate seventeen = new Eligibility.Candidate(VolunteerStatus.ACTIVE, LocalDate.of(2008, 6, 10),
				Set.of(), Set.of(), Set.of(), true, false, null, null, 0, null);
		Eligibility.Opening adults = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START, BEIJING, null,
				START, 18, Set.of(), Set.of(), Set.of());
		assertThat(reasons(seventeen, adults)).isEmpty();
		// in New York the same instant is still the 9th
		Eligibility.Opening inNewYork = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START,
				ZoneId.of("America/New_York"), null, START, 18, Set.of(), Set.of(), Set.of());
		assertThat(reasons(seventeen, inNewYork)).containsExactly("too-young");
	}

	@Test
	void missingSkillsLanguagesAndQualificationsAreNamed() {
		Eligibility.Opening demanding = new Eligibility.Opening(ActivityStatus.PUBLISHED, false, START, BEIJING, null,
				START, null, Set.of("first-aid", "law"), Set.of("en", "fr"), Set.of("lawyer-licence"));
		List<Refusal> refusals = Eligibility.check(ABLE, demanding, NOW, TIMES);
		assertThat(refusals).extracting(Refusal::reason)
			.containsExactly("missing-skill", "missing-language", "missing-qualification");
		assertThat(refusals).extracting((refusal) -> refusal.arguments().get(0))
			.containsExactly("law", "fr", "lawyer-licence");
	}

	@Test
	void aClashAndAlreadySigningUpAreRefused() {
		Eligibility.Candidate clashing = new Eligibility.Candidate(VolunteerStatus.ACTIVE, LocalDate.of(2000, 1, 1),
				Set.of(), Set.of(), Set.of(), true, true, "文明用餐", START, 0, null);
		assertThat(reasons(clashing, OPEN)).containsExactly("already-signed-up", "clash");
	}

	@Test
	void noShowsBlockUntilTheLimitThNewestIsAPeriodOld() {
		Duration period = Duration.ofDays(90);
		List<Instant> starts = List.of(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(20)),
				NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(200)));
		assertThat(Eligibility.blockedUntil(starts, 3, period, NOW))
			.isEqualTo(NOW.minus(Duration.ofDays(60)).plus(period));
		assertThat(Eligibility.blockedUntil(starts, 4, period, NOW)).isNull();
		assertThat(Eligibility.blockedUntil(starts, 0, period, NOW)).isNull();
	}

	private static Eligibility.Candidate candidate(VolunteerStatus status) {
		return new Eligibility.Candidate(status, LocalDate.of(2000, 1, 1), Set.of(), Set.of(), Set.of(), true, false,
				null, null, 0, null);
	}

	private static List<String> reasons(Eligibility.Candidate candidate, Eligibility.Opening opening) {
		return Eligibility.check(candidate, opening, NOW, TIMES).stream().map(Refusal::reason).toList();
	}

}
