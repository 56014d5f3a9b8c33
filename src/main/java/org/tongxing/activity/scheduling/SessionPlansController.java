package org.tongxing.activity.scheduling;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.Approval;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.scheduling.Recurrence.Occurrence;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.FieldProblem;

/**
 * Many sessions in one step, for those who manage the activity: a recurring series
 * ({@code /activities/{id}/sessions/series}) and a mega-event's shifts
 * ({@code /activities/{id}/shifts}). Each form first previews what it will create
 * ({@code action=preview}), then creates it ({@code action=create}), all or none.
 */
@Controller
class SessionPlansController {

	/** Dates listed in a preview; the count covers all. */
	static final int PREVIEW_SHOWN = 60;

	private final Activities activities;

	private final Units units;

	private final PositionTemplates templates;

	private final SessionPlans plans;

	private final PositionRows rows;

	private final PositionCatalogues catalogues;

	private final int maxShifts;

	SessionPlansController(Activities activities, Units units, PositionTemplates templates, SessionPlans plans,
			PositionRows rows, PositionCatalogues catalogues,
			@Value("${tongxing.activity.scheduling.max-shifts:1000}") int maxShifts) {
		this.activities = activities;
		this.units = units;
		this.templates = templates;
		this.plans = plans;
		this.rows = rows;
		this.catalogues = catalogues;
		this.maxShifts = maxShifts;
	}

	// --- recurring series

	@GetMapping("/activities/{id}/sessions/series")
	String seriesForm(@PathVariable long id, Model model, Locale locale) {
		ActivityView activity = managed(id);
		SeriesForm form = new SeriesForm();
		form.setTimeZone(activity.zone().getId());
		model.addAttribute("seriesForm", form);
		return seriesPage(model, locale, activity, null);
	}

	@PostMapping("/activities/{id}/sessions/series")
	String series(@PathVariable long id, @ModelAttribute("seriesForm") SeriesForm form, BindingResult errors,
			@RequestParam(defaultValue = "preview") String action, @RequestParam(required = false) String addPosition,
			@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale, RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		UnitScope scope = this.units.currentScope();
		if (addPosition != null) {
			// another row, every value kept; the dates stay previewed when the rule holds
			if (PositionRows.addRow(form.getPositions())) {
				model.addAttribute("focusRow", form.getPositions().size() - 1);
			}
			return seriesPage(model, locale, activity, quietOccurrences(form));
		}
		Recurrence rule = null;
		// a row's number that did not bind is that row's problem, not the rule's
		if (errors.getFieldErrors().stream().allMatch((error) -> error.getField().startsWith("positions["))) {
			rule = rule(form, errors);
		}
		List<PositionDetails> positions = this.rows.positions(scope, form.getTemplateIds(), form.getPositions(),
				"positions", errors);
		if (rule == null) {
			return seriesPage(model, locale, activity, null);
		}
		List<Occurrence> occurrences = rule.occurrences();
		if ("create".equals(action) && !errors.hasErrors()) {
			try {
				List<SessionId> created = this.plans.createSeries(scope, activity.id(), rule, form.getTitle(),
						form.getAddress(), positions, (me != null) ? me.id() : null);
				redirect.addFlashAttribute("notice", "scheduling.notice.sessions-added");
				redirect.addFlashAttribute("noticeArgument", created.size());
				return "redirect:/activities/" + id + "/sessions";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems(), SessionPlansController::seriesField);
			}
			catch (ActivityStateException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return seriesPage(model, locale, activity, occurrences);
	}

	/**
	 * The dates of the rule when it holds, without a word on the form when it does not.
	 */
	private static List<Occurrence> quietOccurrences(SeriesForm form) {
		if (!validZone(form.getTimeZone())) {
			return null;
		}
		try {
			Recurrence rule = form.recurrence();
			return rule.problems().isEmpty() ? rule.occurrences() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The rule, or null with the form's errors. */
	private static Recurrence rule(SeriesForm form, BindingResult errors) {
		int before = errors.getErrorCount();
		if (!validZone(form.getTimeZone())) {
			errors.rejectValue("timeZone", "activity.invalid.time-zone");
		}
		Recurrence rule;
		try {
			rule = form.recurrence();
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("exceptions", "scheduling.invalid.exceptions");
			return null;
		}
		List<FieldProblem> problems = rule.problems();
		FormErrors.reject(errors,
				problems.stream()
					.filter((problem) -> !("timeZone".equals(problem.field()) && errors.hasFieldErrors("timeZone")))
					.toList());
		return (errors.getErrorCount() > before) ? null : rule;
	}

	/**
	 * Problems of the session rules as fields of the series form; positions were checked
	 * row by row before.
	 */
	private static String seriesField(String field) {
		String name = field.replaceFirst("^sessions\\[\\d+]\\.", "");
		return switch (name) {
			case "title", "address", "timeZone" -> name;
			case "start" -> "startTime";
			case "end" -> "endTime";
			default -> null;
		};
	}

	private String seriesPage(Model model, Locale locale, ActivityView activity, List<Occurrence> occurrences) {
		model.addAttribute("activity", activity);
		model.addAttribute("templates", this.templates.list(this.units.currentScope()));
		model.addAttribute("kinds", Recurrence.Kind.values());
		model.addAttribute("weekdays", java.time.DayOfWeek.values());
		model.addAttribute("weeksOfMonth", List.of(1, 2, 3, 4, 5, Recurrence.LAST));
		model.addAttribute("approvals", Approval.values());
		model.addAttribute("maxPositions", PositionRows.MAX);
		this.catalogues.addTo(model, locale);
		preview(model, occurrences);
		return "activity/scheduling/series";
	}

	// --- bulk shifts

	@GetMapping("/activities/{id}/shifts")
	String shiftsForm(@PathVariable long id, Model model) {
		ActivityView activity = managed(id);
		ShiftsForm form = new ShiftsForm();
		form.setTimeZone(activity.zone().getId());
		model.addAttribute("shiftsForm", form);
		return shiftsPage(model, activity, null);
	}

	@PostMapping("/activities/{id}/shifts")
	String shifts(@PathVariable long id, @ModelAttribute("shiftsForm") ShiftsForm form, BindingResult errors,
			@RequestParam(defaultValue = "preview") String action, Model model, RedirectAttributes redirect) {
		ActivityView activity = managed(id);
		UnitScope scope = this.units.currentScope();
		if (!validZone(form.getTimeZone())) {
			errors.rejectValue("timeZone", "activity.invalid.time-zone");
		}
		ShiftPlan plan = null;
		try {
			plan = form.plan();
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("shifts", "scheduling.invalid.shifts");
		}
		if (plan != null && !errors.hasFieldErrors("from") && !errors.hasFieldErrors("to")) {
			ShiftPlan checked = plan;
			FormErrors.reject(errors,
					plan.problems(this.maxShifts)
						.stream()
						.filter((problem) -> !("timeZone".equals(problem.field()) && errors.hasFieldErrors("timeZone")))
						.toList());
			if (!errors.hasErrors() && "create".equals(action)) {
				try {
					List<PositionDetails> positions = (form.getTemplateId() != null)
							? List.of(this.templates.get(scope, form.getTemplateId()).details()) : List.of();
					List<SessionId> created = this.plans.createShifts(scope, activity.id(), checked, this.maxShifts,
							positions);
					redirect.addFlashAttribute("notice", "scheduling.notice.shifts-added");
					redirect.addFlashAttribute("noticeArgument", created.size());
					return "redirect:/activities/" + id + "/sessions";
				}
				catch (InvalidActivityException ex) {
					FormErrors.reject(errors, ex.problems(), (field) -> null);
				}
				catch (ActivityStateException ex) {
					FormErrors.reject(errors, ex);
				}
			}
		}
		return shiftsPage(model, activity, (plan != null && !errors.hasErrors()) ? plan.occurrences() : null);
	}

	private String shiftsPage(Model model, ActivityView activity, List<Occurrence> occurrences) {
		model.addAttribute("activity", activity);
		model.addAttribute("templates", this.templates.list(this.units.currentScope()));
		model.addAttribute("maxShifts", this.maxShifts);
		preview(model, occurrences);
		return "activity/scheduling/shifts";
	}

	// --- helpers

	private static void preview(Model model, List<Occurrence> occurrences) {
		model.addAttribute("preview",
				(occurrences != null) ? occurrences.subList(0, Math.min(PREVIEW_SHOWN, occurrences.size())) : null);
		model.addAttribute("previewCount", (occurrences != null) ? occurrences.size() : 0);
	}

	private static boolean validZone(String zone) {
		if (zone == null || zone.isBlank()) {
			return true;
		}
		try {
			ZoneId.of(zone.strip());
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private ActivityView managed(long id) {
		return this.activities.manage(this.units.currentScope(), new ActivityId(id));
	}

}
