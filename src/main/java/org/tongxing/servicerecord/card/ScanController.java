package org.tongxing.servicerecord.card;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ScanOutcome;
import org.tongxing.servicerecord.ScanResult;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The organiser's card scanner for one session: the page reads volunteers' card QR codes
 * with the device's camera (static/js/card-scanner.js) or takes the card's text typed or
 * pasted, and posts each one; the answer is the outcome with the volunteer's name and
 * number, and a line for the page's log of recent scans. Scans are idempotent in
 * {@link CheckIns#scanCard}; refusals are shown, not thrown. Organisers of the activity
 * only (404 for those who do not see it, 403 for those who see but do not manage it).
 */
@Controller
class ScanController {

	static final String VIEW = "servicerecord/card/scan";

	private final Activities activities;

	private final CheckIns checkIns;

	private final CheckInTokens tokens;

	private final Volunteers volunteers;

	private final Units units;

	ScanController(Activities activities, CheckIns checkIns, CheckInTokens tokens, Volunteers volunteers, Units units) {
		this.activities = activities;
		this.checkIns = checkIns;
		this.tokens = tokens;
		this.volunteers = volunteers;
		this.units = units;
	}

	@GetMapping("/sessions/{id}/scan")
	String page(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
		UnitScope scope = this.units.scopeOf(me);
		model.addAttribute("organised", OrganisedSession.of(this.activities, scope, new SessionId(id)));
		model.addAttribute("scanForm", new ScanForm());
		model.addAttribute("cardMax", ScanForm.CARD_MAX);
		return VIEW;
	}

	@PostMapping("/sessions/{id}/scan")
	String scan(@PathVariable long id, @Valid @ModelAttribute("scanForm") ScanForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UnitScope scope = this.units.scopeOf(me);
		SessionId session = new SessionId(id);
		OrganisedSession organised = OrganisedSession.of(this.activities, scope, session);
		model.addAttribute("organised", organised);
		model.addAttribute("cardMax", ScanForm.CARD_MAX);
		boolean htmx = Htmx.isHtmx(request);
		if (errors.hasErrors()) {
			// htmx swaps only successful answers: the message must reach the page
			if (!htmx) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			return htmx ? VIEW + " :: result" : VIEW;
		}
		Instant now = Instant.now();
		ScanLine line;
		try {
			ScanResult result = this.checkIns.scanCard(scope, session, form.getCard(), me.id(), now);
			line = line(result, organised);
		}
		catch (ServiceRecordException ex) {
			Optional<VolunteerView> holder = this.tokens.cardNumber(form.getCard())
				.flatMap(this.volunteers::findByNumber);
			line = new ScanLine(null, ex.messageKey(), ex.argumentArray(), holder.map(VolunteerView::name).orElse(null),
					holder.map(VolunteerView::number).orElse(null), now.atZone(organised.session().zone()));
			if (!htmx) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
		}
		model.addAttribute("line", line);
		if (htmx) {
			return VIEW + " :: result";
		}
		model.addAttribute("scanForm", new ScanForm());
		return VIEW;
	}

	private ScanLine line(ScanResult result, OrganisedSession organised) {
		AttendanceView attendance = result.attendance();
		VolunteerView volunteer = this.volunteers.views(List.of(attendance.volunteer())).get(attendance.volunteer());
		boolean in = result.outcome() == ScanOutcome.CHECKED_IN || result.outcome() == ScanOutcome.ALREADY_CHECKED_IN;
		Instant at = (in || attendance.checkedOutAt() == null) ? attendance.checkedInAt() : attendance.checkedOutAt();
		ZonedDateTime local = at.atZone(organised.session().zone());
		return new ScanLine(result.outcome(), "servicerecord.scan." + result.outcome().name(), new Object[0],
				(volunteer != null) ? volunteer.name() : null, (volunteer != null) ? volunteer.number() : null, local);
	}

}
