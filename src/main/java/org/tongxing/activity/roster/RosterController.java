package org.tongxing.activity.roster;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.Refusal;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUpId;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The roster of a session for its organisers: who signed up for which position, and what
 * organisers do with them (approve, reject, cancel, no-show, add by hand, write to them,
 * export, print). Every change answers with the refreshed roster: its fragment for htmx,
 * otherwise the page (after a redirect when it worked).
 */
@Controller
@RequestMapping("/sessions/{id}")
class RosterController {

	static final String VIEW = "activity/roster/roster";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Rosters rosters;

	private final SignUps signUps;

	private final RosterMessages messages;

	private final RosterDocuments documents;

	private final Volunteers volunteers;

	private final Units units;

	RosterController(Rosters rosters, SignUps signUps, RosterMessages messages, RosterDocuments documents,
			Volunteers volunteers, Units units) {
		this.rosters = rosters;
		this.signUps = signUps;
		this.messages = messages;
		this.documents = documents;
		this.volunteers = volunteers;
		this.units = units;
	}

	@GetMapping("/roster")
	String roster(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request) {
		return show(scope(me), id, model, request);
	}

	@PostMapping("/roster/{signUp}/approve")
	String approve(@PathVariable long id, @PathVariable long signUp, @AuthenticationPrincipal SignedInAccount me,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SignUpId signUpId = own(id, signUp);
		return change(scope, id, () -> this.signUps.approve(scope, signUpId, me.id()), "roster.done.approved", model,
				request, response, redirect);
	}

	@PostMapping("/roster/{signUp}/reject")
	String reject(@PathVariable long id, @PathVariable long signUp,
			@Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SignUpId signUpId = own(id, signUp);
		if (errors.hasErrors()) {
			return reasonMissing(scope, id, signUp, model, request, response);
		}
		return change(scope, id, () -> this.signUps.reject(scope, signUpId, form.getReason(), me.id()),
				"roster.done.rejected", model, request, response, redirect);
	}

	@PostMapping("/roster/{signUp}/cancel")
	String cancel(@PathVariable long id, @PathVariable long signUp,
			@Valid @ModelAttribute("reasonForm") ReasonForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SignUpId signUpId = own(id, signUp);
		if (errors.hasErrors()) {
			return reasonMissing(scope, id, signUp, model, request, response);
		}
		return change(scope, id, () -> this.signUps.cancelByOrganiser(scope, signUpId, form.getReason(), me.id()),
				"roster.done.cancelled", model, request, response, redirect);
	}

	@PostMapping("/roster/{signUp}/no-show")
	String noShow(@PathVariable long id, @PathVariable long signUp, @AuthenticationPrincipal SignedInAccount me,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SignUpId signUpId = own(id, signUp);
		return change(scope, id, () -> this.signUps.markNoShow(scope, signUpId, me.id()), "roster.done.noShow", model,
				request, response, redirect);
	}

	@PostMapping("/roster/{signUp}/undo-no-show")
	String undoNoShow(@PathVariable long id, @PathVariable long signUp, @AuthenticationPrincipal SignedInAccount me,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SignUpId signUpId = own(id, signUp);
		return change(scope, id, () -> this.signUps.undoNoShow(scope, signUpId, me.id()), "roster.done.noShowUndone",
				model, request, response, redirect);
	}

	/**
	 * Adds a volunteer by hand. The first submission shows the rules the volunteer breaks
	 * and asks to confirm overriding them; the confirmed one adds them (the core records
	 * the override). A full position is refused with the core's message.
	 */
	@PostMapping("/roster/add")
	String add(@PathVariable long id, @Valid @ModelAttribute("addForm") AddForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		SessionId session = new SessionId(id);
		this.rosters.session(scope, session);
		Optional<PositionView> position = Optional.ofNullable(form.getPosition())
			.flatMap((value) -> this.rosters.position(new PositionId(value)))
			.filter((found) -> found.session().equals(session));
		if (form.getPosition() != null && position.isEmpty()) {
			errors.rejectValue("position", "roster.add.noPosition", "roster.add.noPosition");
		}
		Optional<VolunteerView> volunteer = errors.hasFieldErrors("number") ? Optional.empty()
				: this.volunteers.findByNumber(form.getNumber());
		if (!errors.hasFieldErrors("number") && volunteer.isEmpty()) {
			errors.rejectValue("number", "roster.add.unknownNumber", "roster.add.unknownNumber");
		}
		if (errors.hasErrors()) {
			return invalid(scope, id, model, request, response);
		}
		if (!form.isConfirmed()) {
			List<Refusal> refusals = (volunteer.get().accountId() != null)
					? this.signUps.check(volunteer.get().accountId(), position.get().id()) : List.of();
			if (!refusals.isEmpty()) {
				// ask first: the organiser sees what they would override
				model.addAttribute("overrides", refusals);
				model.addAttribute("overrideVolunteer", volunteer.get());
				return show(scope, id, model, request);
			}
		}
		VolunteerId volunteerId = volunteer.get().id();
		PositionId positionId = position.get().id();
		model.addAttribute("addForm", new AddForm());
		return change(scope, id, () -> this.signUps.addByHand(scope, positionId, volunteerId, form.getNote(), me.id()),
				"roster.done.added", model, request, response, redirect, volunteer.get().name());
	}

	@PostMapping("/roster/message")
	String message(@PathVariable long id, @Valid @ModelAttribute("messageForm") MessageForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		if (errors.hasErrors()) {
			return invalid(scope, id, model, request, response);
		}
		int sent = this.messages.send(scope, new SessionId(id), form, me.id());
		if (sent == 0) {
			errors.reject("roster.message.nobody", "roster.message.nobody");
			return invalid(scope, id, model, request, response);
		}
		model.addAttribute("messageForm", new MessageForm());
		return done(scope, id, "roster.done.messaged", new Object[] { sent }, model, request, redirect);
	}

	/**
	 * A volunteer's phone unmasked, for an organiser who manages the volunteer's unit
	 * (403 otherwise); {@link Volunteers#revealPhone} records it in the audit log.
	 */
	@PostMapping("/roster/{signUp}/phone")
	String phone(@PathVariable long id, @PathVariable long signUp, @AuthenticationPrincipal SignedInAccount me,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		UnitScope scope = scope(me);
		RosterPage page = this.rosters.page(scope, new SessionId(id));
		// only people on this roster
		RosterEntry entry = page.entries()
			.stream()
			.filter((candidate) -> candidate.id() == signUp)
			.findFirst()
			.orElseThrow(() -> new ActivityNotFoundException("sign-up", signUp));
		if (!entry.mayReveal()) {
			// the page offers no button then; the volunteers module would refuse too
			throw new AccessDeniedException("Only organisers managing the volunteer's unit reveal the phone");
		}
		String phone = this.volunteers.revealPhone(scope, entry.signUp().volunteer());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("page", page);
		model.addAttribute("entry", entry);
		model.addAttribute("phone", phone);
		return Htmx.pageOrFragment(request, "activity/roster/phone", "phone");
	}

	@GetMapping("/roster.xlsx")
	ResponseEntity<byte[]> spreadsheet(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me,
			Locale locale) {
		RosterDocuments.Made made = this.documents.spreadsheet(scope(me), new SessionId(id), locale);
		return download(made, "xlsx", MediaType.parseMediaType(XLSX));
	}

	@GetMapping("/sign-in-sheet.pdf")
	ResponseEntity<byte[]> signInSheet(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me,
			Locale locale) {
		RosterDocuments.Made made = this.documents.signInSheet(scope(me), new SessionId(id), locale);
		return download(made, "pdf", MediaType.APPLICATION_PDF);
	}

	// --- helpers

	private static ResponseEntity<byte[]> download(RosterDocuments.Made made, String extension, MediaType type) {
		String name = fileName(made.page(), extension);
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(made.bytes());
	}

	/**
	 * The activity's title and the session's day, without characters file systems refuse.
	 */
	static String fileName(RosterPage page, String extension) {
		String title = page.activity().title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (title.length() > 60) {
			title = title.substring(0, 60);
		}
		return title + "-" + DateTimeFormatter.ofPattern("yyyyMMdd").format(page.session().localStart()) + "."
				+ extension;
	}

	private UnitScope scope(SignedInAccount me) {
		return this.units.scopeOf(me);
	}

	private SignUpId own(long session, long signUp) {
		return this.rosters.signUp(new SessionId(session), new SignUpId(signUp)).id();
	}

	private String show(UnitScope scope, long id, Model model, HttpServletRequest request) {
		model.addAttribute("page", this.rosters.page(scope, new SessionId(id)));
		if (!model.containsAttribute("addForm")) {
			model.addAttribute("addForm", new AddForm());
		}
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm());
		}
		model.addAttribute("reasonMax", ReasonForm.REASON_MAX);
		model.addAttribute("subjectMax", MessageForm.SUBJECT_MAX);
		model.addAttribute("bodyMax", MessageForm.BODY_MAX);
		model.addAttribute("noteMax", AddForm.NOTE_MAX);
		return Htmx.pageOrFragment(request, VIEW, "roster");
	}

	private String change(UnitScope scope, long id, Runnable action, String notice, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect,
			Object... noticeArgs) {
		try {
			action.run();
		}
		catch (ActivityStateException ex) {
			return problem(scope, id, ex.messageKey(), ex.argumentArray(), HttpStatus.CONFLICT, model, request,
					response);
		}
		catch (InvalidActivityException ex) {
			FieldProblem first = ex.problems().get(0);
			return problem(scope, id, first.messageKey(), first.argumentArray(), HttpStatus.BAD_REQUEST, model, request,
					response);
		}
		return done(scope, id, notice, noticeArgs, model, request, redirect);
	}

	private String done(UnitScope scope, long id, String notice, Object[] args, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			model.addAttribute("notice", notice);
			model.addAttribute("noticeArgs", args);
			return show(scope, id, model, request);
		}
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArgs", args);
		return "redirect:/sessions/" + id + "/roster";
	}

	private String reasonMissing(UnitScope scope, long id, long signUp, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("reasonFor", signUp);
		return problem(scope, id, "roster.reason.required", new Object[] { ReasonForm.REASON_MAX },
				HttpStatus.BAD_REQUEST, model, request, response);
	}

	private String invalid(UnitScope scope, long id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!Htmx.isHtmx(request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(scope, id, model, request);
	}

	private String problem(UnitScope scope, long id, String key, Object[] args, HttpStatus status, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("problem", key);
		model.addAttribute("problemArgs", args);
		// htmx swaps only successful answers: the message must reach the page
		if (!Htmx.isHtmx(request)) {
			response.setStatus(status.value());
		}
		return show(scope, id, model, request);
	}

}
