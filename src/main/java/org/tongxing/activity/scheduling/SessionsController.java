package org.tongxing.activity.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityNotFoundException;
import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.Approval;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;

/**
 * The sessions and positions of an activity, for those who manage it: the list in time
 * order, a one-off session, editing and cancelling one, its positions, several stops in
 * one form, and stamping a position template onto chosen sessions. An activity out of
 * scope answers 404, one seen but not managed 403.
 */
@Controller
@RequestMapping("/activities/{id}/sessions")
class SessionsController {

	private final Activities activities;

	private final Units units;

	private final PositionTemplates templates;

	private final SessionPlans plans;

	private final PositionCatalogues catalogues;

	private final PositionRows positionRows;

	SessionsController(Activities activities, Units units, PositionTemplates templates, SessionPlans plans,
			PositionCatalogues catalogues, PositionRows positionRows) {
		this.activities = activities;
		this.units = units;
		this.templates = templates;
		this.plans = plans;
		this.catalogues = catalogues;
		this.positionRows = positionRows;
	}

	/** A session with its positions, as the list shows it. */
	record SessionRow(SessionView session, List<PositionView> positions, boolean ownPlace) {

	}

	@GetMapping
	String list(@PathVariable long id, Model model, Locale locale) {
		UnitScope scope = this.units.currentScope();
		ActivityView activity = this.activities.manage(scope, new ActivityId(id));
		List<SessionRow> rows = new ArrayList<>();
		for (SessionView session : this.activities.sessions(activity.id())) {
			rows.add(new SessionRow(session, this.activities.positions(session.id()), ownPlace(activity, session)));
		}
		model.addAttribute("activity", activity);
		model.addAttribute("rows", rows);
		model.addAttribute("templates", this.templates.list(scope));
		addCatalogues(model, locale);
		return "activity/scheduling/sessions";
	}

	@GetMapping("/new")
	String newSession(@PathVariable long id, Model model) {
		ActivityView activity = managed(id);
		SessionForm form = new SessionForm();
		form.setTimeZone(activity.zone().getId());
		model.addAttribute("sessionForm", form);
		return sessionForm(model, activity, null);
	}

	@PostMapping("/new")
	String addSession(@PathVariable long id, @ModelAttribute("sessionForm") SessionForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		if (!errors.hasErrors()) {
			try {
				this.activities.addSession(this.units.currentScope(), activity.id(), form.details());
				redirect.addFlashAttribute("notice", "scheduling.notice.session-added");
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems());
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return sessionForm(model, activity, null);
	}

	@GetMapping("/{sessionId}/edit")
	String editSession(@PathVariable long id, @PathVariable long sessionId, Model model) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		model.addAttribute("sessionForm", SessionForm.of(session, ownPlace(activity, session)));
		return sessionForm(model, activity, session);
	}

	@PostMapping("/{sessionId}/edit")
	String updateSession(@PathVariable long id, @PathVariable long sessionId,
			@ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		if (!errors.hasErrors()) {
			try {
				this.activities.updateSession(this.units.currentScope(), session.id(), form.details());
				redirect.addFlashAttribute("notice", "scheduling.notice.session-updated");
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems());
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return sessionForm(model, activity, session);
	}

	@GetMapping("/{sessionId}/cancel")
	String cancelForm(@PathVariable long id, @PathVariable long sessionId, Model model) {
		ActivityView activity = managed(id);
		model.addAttribute("cancelSessionForm", new CancelSessionForm());
		return cancelPage(model, activity, sessionOf(activity, sessionId));
	}

	@PostMapping("/{sessionId}/cancel")
	String cancel(@PathVariable long id, @PathVariable long sessionId,
			@ModelAttribute("cancelSessionForm") CancelSessionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		try {
			this.activities.cancelSession(this.units.currentScope(), session.id(), form.getReason());
			redirect.addFlashAttribute("notice", "scheduling.notice.session-cancelled");
			return "redirect:/activities/" + id + "/sessions";
		}
		catch (InvalidActivityException ex) {
			FormErrors.reject(errors, ex.problems());
		}
		catch (ActivityStateException ex) {
			FormErrors.reject(errors, ex);
		}
		return cancelPage(model, activity, session);
	}

	// --- positions

	@GetMapping("/{sessionId}/positions/new")
	String newPosition(@PathVariable long id, @PathVariable long sessionId, Model model, Locale locale) {
		ActivityView activity = managed(id);
		PositionForm form = new PositionForm();
		form.setCapacity(1);
		model.addAttribute("positionForm", form);
		return positionForm(model, locale, activity, sessionOf(activity, sessionId), null);
	}

	@PostMapping("/{sessionId}/positions/new")
	String addPosition(@PathVariable long id, @PathVariable long sessionId,
			@Valid @ModelAttribute("positionForm") PositionForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		if (!errors.hasErrors()) {
			try {
				this.activities.addPosition(this.units.currentScope(), session.id(), form.details());
				redirect.addFlashAttribute("notice", "scheduling.notice.position-added");
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems());
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return positionForm(model, locale, activity, session, null);
	}

	@GetMapping("/{sessionId}/positions/{positionId}/edit")
	String editPosition(@PathVariable long id, @PathVariable long sessionId, @PathVariable long positionId, Model model,
			Locale locale) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		PositionView position = positionOf(session, positionId);
		model.addAttribute("positionForm", PositionForm.of(position));
		return positionForm(model, locale, activity, session, position);
	}

	@PostMapping("/{sessionId}/positions/{positionId}/edit")
	String updatePosition(@PathVariable long id, @PathVariable long sessionId, @PathVariable long positionId,
			@Valid @ModelAttribute("positionForm") PositionForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		SessionView session = sessionOf(activity, sessionId);
		PositionView position = positionOf(session, positionId);
		if (!errors.hasErrors()) {
			try {
				this.activities.updatePosition(this.units.currentScope(), position.id(), form.details());
				redirect.addFlashAttribute("notice", "scheduling.notice.position-updated");
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems());
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return positionForm(model, locale, activity, session, position);
	}

	@PostMapping("/{sessionId}/positions/{positionId}/remove")
	String removePosition(@PathVariable long id, @PathVariable long sessionId, @PathVariable long positionId,
			RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		PositionView position = positionOf(sessionOf(activity, sessionId), positionId);
		try {
			this.activities.removePosition(this.units.currentScope(), position.id());
			redirect.addFlashAttribute("notice", "scheduling.notice.position-removed");
		}
		catch (ActivityStateException ex) {
			flashProblem(redirect, ex);
		}
		return "redirect:/activities/" + id + "/sessions";
	}

	/** A template's position onto each chosen session, all or none. */
	@PostMapping("/stamp")
	String stamp(@PathVariable long id, @RequestParam(required = false) Long template,
			@RequestParam(name = "session", required = false) List<Long> sessionIds, RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		if (template == null || sessionIds == null || sessionIds.isEmpty()) {
			redirect.addFlashAttribute("problem", "scheduling.stamp.choose");
			return "redirect:/activities/" + id + "/sessions";
		}
		List<SessionId> sessions = sessionIds.stream()
			.distinct()
			.map((sessionId) -> sessionOf(activity, sessionId).id())
			.toList();
		try {
			this.templates.stamp(this.units.currentScope(), template, sessions);
			redirect.addFlashAttribute("notice", "scheduling.notice.stamped");
			redirect.addFlashAttribute("noticeArgument", sessions.size());
		}
		catch (InvalidActivityException ex) {
			redirect.addFlashAttribute("problem", ex.problems().get(0).messageKey());
		}
		catch (ActivityStateException ex) {
			flashProblem(redirect, ex);
		}
		return "redirect:/activities/" + id + "/sessions";
	}

	// --- several stops, each with its own place

	@GetMapping("/stops")
	String stopsForm(@PathVariable long id, Model model, Locale locale) {
		ActivityView activity = managed(id);
		model.addAttribute("stopsForm", StopsForm.empty(activity.zone().getId(), StopsForm.ROWS));
		return stopsPage(model, locale, activity);
	}

	@PostMapping("/stops")
	String addStops(@PathVariable long id, @ModelAttribute("stopsForm") StopsForm form, BindingResult errors,
			@RequestParam(required = false) String more, @RequestParam(required = false) String addPosition,
			Model model, Locale locale, RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		if (more != null) {
			form.addRows(3);
			return stopsPage(model, locale, activity);
		}
		if (addPosition != null) {
			if (PositionRows.addRow(form.getPositions())) {
				model.addAttribute("focusRow", form.getPositions().size() - 1);
			}
			return stopsPage(model, locale, activity);
		}
		List<Integer> rows = new ArrayList<>();
		List<SessionDetails> details = new ArrayList<>();
		for (int i = 0; i < form.getStops().size(); i++) {
			StopsForm.Stop stop = form.getStops().get(i);
			if (stop.isEmpty()) {
				continue;
			}
			rows.add(i);
			if (stop.getDate() == null) {
				errors.rejectValue("stops[" + i + "].date", "scheduling.invalid.required");
			}
			if (stop.getStartTime() == null) {
				errors.rejectValue("stops[" + i + "].startTime", "scheduling.invalid.required");
			}
			if (stop.getEndTime() == null) {
				errors.rejectValue("stops[" + i + "].endTime", "scheduling.invalid.required");
			}
			if (stop.getDate() != null && stop.getStartTime() != null && stop.getEndTime() != null) {
				details.add(new SessionDetails(stop.getTitle(), stop.getDate().atTime(stop.getStartTime()),
						stop.getDate().atTime(stop.getEndTime()), form.getTimeZone(), false, stop.getAddress(), null,
						null, null));
			}
		}
		if (rows.isEmpty()) {
			errors.reject("scheduling.stops.none");
		}
		List<PositionDetails> positions = this.positionRows.positions(this.units.currentScope(), form.getTemplateIds(),
				form.getPositions(), "positions", errors);
		if (!errors.hasErrors()) {
			try {
				List<SessionId> created = this.plans.createSessions(this.units.currentScope(), activity.id(), details,
						positions);
				redirect.addFlashAttribute("notice", "scheduling.notice.sessions-added");
				redirect.addFlashAttribute("noticeArgument", created.size());
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems(), (field) -> stopField(field, rows));
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return stopsPage(model, locale, activity);
	}

	/** {@code sessions[k].start} of the k-th filled row as the field of its row. */
	private static String stopField(String field, List<Integer> rows) {
		if (rows.size() == 1 && !field.startsWith("sessions[")) {
			field = "sessions[0]." + field;
		}
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("sessions\\[(\\d+)]\\.(\\w+)").matcher(field);
		if (!matcher.matches()) {
			return field;
		}
		int row = rows.get(Integer.parseInt(matcher.group(1)));
		String name = switch (matcher.group(2)) {
			case "start" -> "startTime";
			case "end" -> "endTime";
			case "title", "address" -> matcher.group(2);
			default -> null;
		};
		return (name != null) ? "stops[" + row + "]." + name : "timeZone";
	}

	// --- helpers

	private static void flashProblem(RedirectAttributes redirect, ActivityStateException ex) {
		redirect.addFlashAttribute("problem", ex.messageKey());
		Object[] arguments = ex.argumentArray();
		if (arguments.length > 0) {
			redirect.addFlashAttribute("problemArgument", String.valueOf(arguments[0]));
		}
	}

	private ActivityView managed(long id) {
		return this.activities.manage(this.units.currentScope(), new ActivityId(id));
	}

	private SessionView sessionOf(ActivityView activity, long sessionId) {
		return this.activities.findSession(new SessionId(sessionId))
			.filter((session) -> session.activity().equals(activity.id()))
			.orElseThrow(() -> new ActivityNotFoundException("session", sessionId));
	}

	private PositionView positionOf(SessionView session, long positionId) {
		return this.activities.findPosition(new PositionId(positionId))
			.filter((position) -> position.session().equals(session.id()))
			.orElseThrow(() -> new ActivityNotFoundException("position", positionId));
	}

	/**
	 * Whether the session has a place of its own (the view falls back to the activity's).
	 */
	static boolean ownPlace(ActivityView activity, SessionView session) {
		return session.online() != activity.online() || !Objects.equals(session.address(), activity.address())
				|| !Objects.equals(session.onlineUrl(), activity.onlineUrl());
	}

	private String sessionForm(Model model, ActivityView activity, SessionView session) {
		model.addAttribute("activity", activity);
		model.addAttribute("sessionView", session);
		return "activity/scheduling/session-form";
	}

	private String cancelPage(Model model, ActivityView activity, SessionView session) {
		model.addAttribute("activity", activity);
		model.addAttribute("sessionView", session);
		return "activity/scheduling/session-cancel";
	}

	private String positionForm(Model model, Locale locale, ActivityView activity, SessionView session,
			PositionView position) {
		model.addAttribute("activity", activity);
		model.addAttribute("sessionView", session);
		model.addAttribute("position", position);
		model.addAttribute("approvals", Approval.values());
		addCatalogues(model, locale);
		return "activity/scheduling/position-form";
	}

	private String stopsPage(Model model, Locale locale, ActivityView activity) {
		model.addAttribute("activity", activity);
		model.addAttribute("templates", this.templates.list(this.units.currentScope()));
		model.addAttribute("approvals", Approval.values());
		model.addAttribute("maxPositions", PositionRows.MAX);
		addCatalogues(model, locale);
		return "activity/scheduling/stops";
	}

	private void addCatalogues(Model model, Locale locale) {
		this.catalogues.addTo(model, locale);
	}

}
