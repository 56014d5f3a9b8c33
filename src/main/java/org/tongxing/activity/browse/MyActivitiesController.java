package org.tongxing.activity.browse;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUpView;
import org.tongxing.activity.SignUps;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * A volunteer's own sign-ups: {@code /me/activities} (sessions to come first, then past
 * ones), {@code POST /me/activities/{signUpId}/cancel} (until the activity's deadline),
 * and the page of a place offered from the waitlist, {@code /offers/{token}}, with
 * {@code POST .../confirm} and {@code .../decline}. Someone else's sign-up or offer is
 * 404.
 */
@Controller
class MyActivitiesController {

	private final SignUps signUps;

	private final Activities activities;

	private final Volunteers volunteers;

	private final BrowseTexts texts;

	private final JdbcClient jdbc;

	MyActivitiesController(SignUps signUps, Activities activities, Volunteers volunteers, BrowseTexts texts,
			JdbcClient jdbc) {
		this.signUps = signUps;
		this.activities = activities;
		this.volunteers = volunteers;
		this.texts = texts;
		this.jdbc = jdbc;
	}

	/** A sign-up with its session's times and place, as the list shows it. */
	record Entry(SignUpView signUp, String sessionTitle, Instant startsAt, Instant endsAt, ZoneId zone,
			boolean sessionCancelled, String offerToken, Instant cancelDeadline) {

		public boolean isToCome() {
			return this.endsAt.isAfter(Instant.now());
		}

		/**
		 * As {@code SignUps.cancel} allows: a waitlisted place any time before the start.
		 */
		public boolean mayCancel() {
			return isLiveAndToStart()
					&& (this.signUp.status() == SignUpStatus.WAITLISTED || this.cancelDeadline.isAfter(Instant.now()));
		}

		/** Past the deadline only the organiser can cancel: the page says so. */
		public boolean isLateToCancel() {
			return isLiveAndToStart() && !mayCancel();
		}

		private boolean isLiveAndToStart() {
			return this.signUp.status().isLive() && !this.sessionCancelled && this.startsAt.isAfter(Instant.now());
		}

		public boolean isOffer() {
			return this.signUp.status() == SignUpStatus.OFFERED && this.offerToken != null;
		}

	}

	record Session(String title, Instant startsAt, Instant endsAt, ZoneId zone, boolean cancelled, String token,
			int cancelDeadlineHours) {
	}

	@GetMapping("/me/activities")
	String mine(@AuthenticationPrincipal SignedInAccount me, Model model) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(me.id());
		if (volunteer.isEmpty()) {
			return "activity/browse/no-volunteer";
		}
		List<SignUpView> signUps = this.signUps.ofVolunteer(volunteer.get().id());
		Map<Long, Session> sessions = new HashMap<>();
		// the times and offer links of every sign-up at once
		this.jdbc.sql("""
				select g.id, g.offer_token, s.title, s.starts_at, s.ends_at, s.time_zone, s.status,
				       a.cancel_deadline_hours
				from signup g join activity_session s on s.id = g.session_id join activity a on a.id = s.activity_id
				where g.volunteer_id = ?""").param(volunteer.get().id().value()).query((ResultSet rs) -> {
			sessions.put(rs.getLong("id"),
					new Session(rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
							rs.getObject("ends_at", OffsetDateTime.class).toInstant(),
							ZoneId.of(rs.getString("time_zone")), "CANCELLED".equals(rs.getString("status")),
							rs.getString("offer_token"), rs.getInt("cancel_deadline_hours")));
		});
		List<Entry> toCome = new ArrayList<>();
		List<Entry> past = new ArrayList<>();
		for (SignUpView signUp : signUps) {
			Session session = sessions.get(signUp.id().value());
			if (session == null) {
				continue;
			}
			Entry entry = new Entry(signUp, session.title(), session.startsAt(), session.endsAt(), session.zone(),
					session.cancelled(), session.token(),
					session.startsAt().minus(java.time.Duration.ofHours(session.cancelDeadlineHours())));
			(entry.isToCome() ? toCome : past).add(entry);
		}
		toCome.sort(Comparator.comparing(Entry::startsAt));
		past.sort(Comparator.comparing(Entry::startsAt).reversed());
		model.addAttribute("toCome", toCome);
		model.addAttribute("past", past);
		return "activity/browse/mine";
	}

	@PostMapping("/me/activities/{signUpId:\\d+}/cancel")
	RedirectView cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable long signUpId,
			RedirectAttributes redirect) {
		try {
			this.signUps.cancel(me.id(), new SignUpId(signUpId));
			redirect.addFlashAttribute("notice", this.texts.message("browse.mine.cancelled"));
		}
		catch (ActivityStateException ex) {
			redirect.addFlashAttribute("problem", this.texts.state(ex));
		}
		return seeOther("/me/activities");
	}

	@GetMapping("/offers/{token}")
	String offer(@AuthenticationPrincipal SignedInAccount me, @PathVariable String token, Model model) {
		SignUpView offer = this.signUps.findOffer(me.id(), token)
			.orElseThrow(() -> new ActivityNotFoundException("offer", "?"));
		SessionView session = this.activities.findSession(offer.session())
			.orElseThrow(() -> new ActivityNotFoundException("session", offer.session()));
		PositionView position = this.activities.findPosition(offer.position())
			.orElseThrow(() -> new ActivityNotFoundException("position", offer.position()));
		model.addAttribute("offer", offer);
		model.addAttribute("offerSession", session);
		model.addAttribute("position", position);
		model.addAttribute("token", token);
		model.addAttribute("open", offer.status() == SignUpStatus.OFFERED && offer.offerExpiresAt() != null
				&& Instant.now().isBefore(offer.offerExpiresAt()));
		return "activity/browse/offer";
	}

	@PostMapping("/offers/{token}/confirm")
	RedirectView confirm(@AuthenticationPrincipal SignedInAccount me, @PathVariable String token,
			RedirectAttributes redirect) {
		try {
			SignUpStatus status = this.signUps.confirmOffer(me.id(), token);
			redirect.addFlashAttribute("notice", this.texts.message("browse.offer.confirmed." + status.name()));
			return seeOther("/me/activities");
		}
		catch (ActivityStateException ex) {
			redirect.addFlashAttribute("problem", this.texts.state(ex));
			return seeOther("/offers/" + token);
		}
	}

	@PostMapping("/offers/{token}/decline")
	RedirectView decline(@AuthenticationPrincipal SignedInAccount me, @PathVariable String token,
			RedirectAttributes redirect) {
		try {
			this.signUps.declineOffer(me.id(), token);
			redirect.addFlashAttribute("notice", this.texts.message("browse.offer.declined"));
			return seeOther("/me/activities");
		}
		catch (ActivityStateException ex) {
			redirect.addFlashAttribute("problem", this.texts.state(ex));
			return seeOther("/offers/" + token);
		}
	}

	private static RedirectView seeOther(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return view;
	}

}
