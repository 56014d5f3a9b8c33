package org.tongxing.activity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sign-ups through the API: the waitlist and its timed offers, organiser approval,
 * cancellation deadlines, clashes, no-shows, adding by hand, and capacity changes.
 */
@IntegrationTest
class SignUpsIT {

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture fixture;

	UnitId unit;

	@BeforeEach
	void setUp() {
		this.fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		this.unit = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "signups");
	}

	@Test
	void aFreedPlaceIsOfferedToTheFirstOnTheWaitlistAndPassesOnWhenTheOfferExpires() {
		PositionId position = this.fixture.published(this.unit, "候补", 5, PositionDetails.open("引导员", 1));
		AccountId first = this.fixture.volunteer(this.unit, "甲");
		AccountId second = this.fixture.volunteer(this.unit, "乙");
		AccountId third = this.fixture.volunteer(this.unit, "丙");
		SignUpOutcome taken = this.signUps.signUp(first, position);
		SignUpOutcome waiting2 = this.signUps.signUp(second, position);
		SignUpOutcome waiting3 = this.signUps.signUp(third, position);
		assertThat(List.of(taken.status(), waiting2.status(), waiting3.status()))
			.containsExactly(SignUpStatus.CONFIRMED, SignUpStatus.WAITLISTED, SignUpStatus.WAITLISTED);

		this.signUps.cancel(first, taken.signUp());

		SignUpView offered = this.signUps.find(waiting2.signUp()).orElseThrow();
		assertThat(offered.status()).isEqualTo(SignUpStatus.OFFERED);
		assertThat(offered.offerExpiresAt()).isNotNull();
		assertThat(this.signUps.find(waiting3.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.WAITLISTED);
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isEqualTo(1);

		// the offer runs out unconfirmed: it passes to the next
		this.jdbc.sql("update signup set offer_expires_at = now() - interval '1 minute' where id = ?")
			.param(waiting2.signUp().value())
			.update();
		assertThat(this.signUps.expireOffers()).isGreaterThanOrEqualTo(1);
		assertThat(this.signUps.find(waiting2.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.EXPIRED);
		SignUpView next = this.signUps.find(waiting3.signUp()).orElseThrow();
		assertThat(next.status()).isEqualTo(SignUpStatus.OFFERED);

		String token = this.jdbc.sql("select offer_token from signup where id = ?")
			.param(next.id().value())
			.query(String.class)
			.single();
		assertThatExceptionOfType(ActivityNotFoundException.class)
			.isThrownBy(() -> this.signUps.confirmOffer(second, token));
		assertThat(this.signUps.confirmOffer(third, token)).isEqualTo(SignUpStatus.CONFIRMED);
		assertThatExceptionOfType(ActivityStateException.class)
			.isThrownBy(() -> this.signUps.confirmOffer(third, token));
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isEqualTo(1);
	}

	@Test
	void raisingTheCapacityOffersTheNewPlacesAndItCannotDropBelowThePlacesTaken() {
		PositionId position = this.fixture.published(this.unit, "扩容", 5, PositionDetails.open("收银员", 1));
		AccountId first = this.fixture.volunteer(this.unit, "甲");
		AccountId second = this.fixture.volunteer(this.unit, "乙");
		this.signUps.signUp(first, position);
		SignUpOutcome waiting = this.signUps.signUp(second, position);

		assertThatExceptionOfType(InvalidActivityException.class).isThrownBy(
				() -> this.activities.updatePosition(ActivityFixture.SYSTEM, position, PositionDetails.open("收银员", 0)));
		this.activities.updatePosition(ActivityFixture.SYSTEM, position, PositionDetails.open("收银员", 2));

		assertThat(this.signUps.find(waiting.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.OFFERED);
	}

	@Test
	void whereTheOrganiserApprovesASignUpHoldsAPlaceUntilRejected() {
		PositionId position = this.fixture.published(this.unit, "审核", 5,
				new PositionDetails("讲师", null, 1, Approval.ORGANISER, null, Set.of(), Set.of(), Set.of()));
		AccountId first = this.fixture.volunteer(this.unit, "甲");
		AccountId second = this.fixture.volunteer(this.unit, "乙");
		SignUpOutcome pending = this.signUps.signUp(first, position);
		SignUpOutcome waiting = this.signUps.signUp(second, position);
		assertThat(pending.status()).isEqualTo(SignUpStatus.PENDING);
		assertThat(waiting.status()).isEqualTo(SignUpStatus.WAITLISTED);

		assertThatExceptionOfType(InvalidActivityException.class)
			.isThrownBy(() -> this.signUps.reject(ActivityFixture.SYSTEM, pending.signUp(), " ", null));
		this.signUps.reject(ActivityFixture.SYSTEM, pending.signUp(), "名额留给有经验的讲师", null);

		SignUpView rejected = this.signUps.find(pending.signUp()).orElseThrow();
		assertThat(rejected.status()).isEqualTo(SignUpStatus.REJECTED);
		assertThat(rejected.statusReason()).isEqualTo("名额留给有经验的讲师");
		assertThat(this.signUps.find(waiting.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.OFFERED);
		String token = this.jdbc.sql("select offer_token from signup where id = ?")
			.param(waiting.signUp().value())
			.query(String.class)
			.single();
		// confirming an offered place where the organiser approves makes it pending
		assertThat(this.signUps.confirmOffer(second, token)).isEqualTo(SignUpStatus.PENDING);
		this.signUps.approve(ActivityFixture.SYSTEM, waiting.signUp(), null);
		assertThat(this.signUps.find(waiting.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.CONFIRMED);
	}

	@Test
	void volunteersCancelOnlyBeforeTheDeadlineAndOrganisersAlways() {
		// the session starts tomorrow at 09:00; the deadline is 48 hours before
		ActivityId activity = this.activities.create(ActivityFixture.SYSTEM,
				withDeadline(ActivityFixture.details(this.unit, "截止"), 48), null);
		SessionId session = this.fixture.session(activity, 1, 9, 12);
		PositionId position = this.activities.addPosition(ActivityFixture.SYSTEM, session,
				PositionDetails.open("向导", 3));
		this.activities.publish(ActivityFixture.SYSTEM, activity);
		AccountId volunteer = this.fixture.volunteer(this.unit, "甲");
		SignUpOutcome outcome = this.signUps.signUp(volunteer, position);

		assertThatExceptionOfType(ActivityStateException.class)
			.isThrownBy(() -> this.signUps.cancel(volunteer, outcome.signUp()))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("activity.state.cancel-deadline"));
		this.signUps.cancelByOrganiser(ActivityFixture.SYSTEM, outcome.signUp(), "身体不适，电话请假", null);
		assertThat(this.signUps.find(outcome.signUp()).orElseThrow().status()).isEqualTo(SignUpStatus.CANCELLED);
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isZero();
	}

	@Test
	void eachReasonAgainstASignUpIsGiven() {
		PositionId position = this.fixture.published(this.unit, "资格", 5, new PositionDetails("翻译", null, 5,
				Approval.AUTOMATIC, 60, Set.of("law"), Set.of("fr"), Set.of("lawyer-licence")));
		AccountId volunteer = this.fixture.volunteer(this.unit, "甲");

		List<Refusal> refusals = this.signUps.check(volunteer, position);

		assertThat(refusals).extracting(Refusal::reason)
			.containsExactlyInAnyOrder("missing-skill", "missing-language", "missing-qualification", "too-young");
		SignUpOutcome outcome = this.signUps.signUp(volunteer, position);
		assertThat(outcome.isRefused()).isTrue();
		assertThat(this.activities.findPosition(position).orElseThrow().taken()).isZero();
	}

	@Test
	void overlappingSessionsClashButAWaitlistedOneDoesNot() {
		PositionId morning = this.fixture.published(this.unit, "上午场", 6, PositionDetails.open("引导员", 1));
		PositionId overlapping = this.fixture.published(this.unit, "同时段", 6, PositionDetails.open("引导员", 5));
		AccountId volunteer = this.fixture.volunteer(this.unit, "甲");
		AccountId other = this.fixture.volunteer(this.unit, "乙");

		assertThat(this.signUps.signUp(volunteer, morning).status()).isEqualTo(SignUpStatus.CONFIRMED);
		assertThat(this.signUps.signUp(volunteer, overlapping).refusals()).extracting(Refusal::reason)
			.containsExactly("clash");

		// waiting for a place is not holding one
		assertThat(this.signUps.signUp(other, morning).status()).isEqualTo(SignUpStatus.WAITLISTED);
		assertThat(this.signUps.signUp(other, overlapping).status()).isEqualTo(SignUpStatus.CONFIRMED);
	}

	@Test
	void noShowsBlockNewSignUpsForAPeriod() {
		AccountId volunteer = this.fixture.volunteer(this.unit, "缺席者");
		for (int i = 0; i < 3; i++) {
			PositionId past = this.fixture.published(this.unit, "已开始" + i, 3 + i, PositionDetails.open("引导员", 2));
			SignUpId id = this.signUps.signUp(volunteer, past).signUp();
			// the session has started since
			this.jdbc
				.sql("""
						update activity_session set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour'
						where id = (select session_id from signup where id = ?)""")
				.param(id.value())
				.update();
			this.signUps.markNoShow(ActivityFixture.SYSTEM, id, null);
		}
		PositionId next = this.fixture.published(this.unit, "下一次", 20, PositionDetails.open("引导员", 2));

		assertThat(this.signUps.check(volunteer, next)).extracting(Refusal::reason).containsExactly("no-shows");
	}

	@Test
	void anOrganiserAddsAVolunteerByHandOverridingRulesButNotTheCapacity() {
		PositionId position = this.fixture.published(this.unit, "手动添加", 5, new PositionDetails("律师", null, 1,
				Approval.AUTOMATIC, null, Set.of(), Set.of(), Set.of("lawyer-licence")));
		AccountId volunteer = this.fixture.volunteer(this.unit, "甲");
		AccountId another = this.fixture.volunteer(this.unit, "乙");

		SignUpId id = this.signUps.addByHand(ActivityFixture.SYSTEM, position, this.fixture.volunteerOf(volunteer).id(),
				"执业证审核中", null);

		SignUpView added = this.signUps.find(id).orElseThrow();
		assertThat(added.status()).isEqualTo(SignUpStatus.CONFIRMED);
		assertThat(added.overrideReasons()).isEqualTo("missing-qualification");
		assertThat(this.jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'signup' and entity_id = ? and action = 'added-by-organiser'")
			.param(String.valueOf(id.value()))
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThatExceptionOfType(ActivityStateException.class)
			.isThrownBy(() -> this.signUps.addByHand(ActivityFixture.SYSTEM, position,
					this.fixture.volunteerOf(another).id(), null, null))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("activity.state.full"));
	}

	@Test
	void organisersOfOtherSubtreesDoNotSeeTheRoster() {
		PositionId position = this.fixture.published(this.unit, "范围", 5, PositionDetails.open("引导员", 2));
		UnitId elsewhere = this.fixture.volunteers.unit(this.fixture.volunteers.root(), "elsewhere");
		var outsider = this.units.scopeOf(this.fixture.volunteers.adminOf(elsewhere));
		SessionId session = this.activities.findPosition(position).orElseThrow().session();

		assertThatExceptionOfType(ActivityNotFoundException.class)
			.isThrownBy(() -> this.signUps.ofSession(outsider, session));
		assertThat(this.signUps.ofSession(this.units.scopeOf(this.fixture.volunteers.adminOf(this.unit)), session))
			.isEmpty();
	}

	private static ActivityDetails withDeadline(ActivityDetails d, int hours) {
		return new ActivityDetails(d.title(), d.description(), d.campaign(), d.unit(), d.coOrganisers(), d.online(),
				d.address(), d.onlineUrl(), d.timeZone(), d.visibility(), d.visibilityUnit(), d.contactName(),
				d.contactInfo(), d.beneficiaries(), hours);
	}

}
