package org.tongxing.servicerecord.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.PositionView;
import org.tongxing.activity.SessionView;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.HoursPolicies;
import org.tongxing.servicerecord.HoursPolicy;
import org.tongxing.servicerecord.HoursResult;
import org.tongxing.servicerecord.ServiceRecordException;

/**
 * An activity's hours policy, for those who manage it: its own minimum share and rounding
 * buckets or the association's default, with worked examples, and fixed hours per
 * position.
 */
@Controller
@RequestMapping("/activities/{id}/hours")
class HoursPolicyController {

	/** Times attended in the examples, in minutes of a three-hour session. */
	private static final List<Integer> EXAMPLE_MINUTES = List.of(10, 40, 100, 170, 200);

	private static final Duration EXAMPLE_SESSION = Duration.ofHours(3);

	private final Activities activities;

	private final Units units;

	private final HoursPolicies policies;

	HoursPolicyController(Activities activities, Units units, HoursPolicies policies) {
		this.activities = activities;
		this.units = units;
		this.policies = policies;
	}

	/** A position with its fixed hours (null: the time counts). */
	record PositionRow(SessionView session, PositionView position, BigDecimal fixedHours) {
	}

	/** What a time attended comes to under a policy. */
	record Example(int minutes, HoursResult result) {
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		ActivityView activity = this.activities.manage(this.units.currentScope(), new ActivityId(id));
		HoursPolicyForm form = new HoursPolicyForm();
		this.policies.ownPolicy(activity.id()).ifPresent((own) -> {
			form.setUseDefault(false);
			form.setMinSharePercent(own.minSharePercent());
			form.setBuckets(own.bucketsText());
		});
		if (form.isUseDefault()) {
			form.setMinSharePercent(this.policies.defaultPolicy().minSharePercent());
			form.setBuckets(this.policies.defaultPolicy().bucketsText());
		}
		return page(activity, form, model);
	}

	@PostMapping
	String save(@PathVariable long id, @Valid @ModelAttribute("policyForm") HoursPolicyForm form, BindingResult binding,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		ActivityView activity = this.activities.manage(scope, new ActivityId(id));
		HoursPolicy policy = null;
		if (!form.isUseDefault() && !binding.hasErrors()) {
			try {
				policy = HoursPolicy.of(form.getMinSharePercent(), form.getBuckets());
			}
			catch (IllegalArgumentException ex) {
				binding.rejectValue("buckets", "servicerecord.policy.invalid.buckets");
			}
		}
		if (binding.hasErrors()) {
			return page(activity, form, model);
		}
		this.policies.setPolicy(scope, activity.id(), policy, me.id());
		redirect.addFlashAttribute("saved", true);
		return "redirect:/activities/" + id + "/hours";
	}

	@PostMapping("/positions/{positionId}")
	String fixedHours(@PathVariable long id, @PathVariable long positionId,
			@RequestParam(name = "hours", required = false) String hours, @AuthenticationPrincipal SignedInAccount me,
			RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		this.activities.manage(scope, new ActivityId(id));
		BigDecimal value = null;
		if (hours != null && !hours.isBlank()) {
			try {
				value = new BigDecimal(hours.strip());
			}
			catch (NumberFormatException ex) {
				redirect.addFlashAttribute("positionError",
						Map.of("position", positionId, "key", "servicerecord.invalid.fixed-hours", "typed", hours));
				return "redirect:/activities/" + id + "/hours#position-" + positionId;
			}
		}
		try {
			this.policies.setFixedHours(scope, new PositionId(positionId), value, me.id());
		}
		catch (ServiceRecordException ex) {
			redirect.addFlashAttribute("positionError",
					Map.of("position", positionId, "key", ex.messageKey(), "typed", hours));
			return "redirect:/activities/" + id + "/hours#position-" + positionId;
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/activities/" + id + "/hours#position-" + positionId;
	}

	private String page(ActivityView activity, HoursPolicyForm form, Model model) {
		List<PositionRow> rows = new ArrayList<>();
		List<PositionId> ids = new ArrayList<>();
		List<SessionView> sessions = this.activities.sessions(activity.id());
		for (SessionView session : sessions) {
			this.activities.positions(session.id()).forEach((position) -> ids.add(position.id()));
		}
		Map<PositionId, BigDecimal> fixed = this.policies.fixedHours(ids);
		for (SessionView session : sessions) {
			for (PositionView position : this.activities.positions(session.id())) {
				rows.add(new PositionRow(session, position, fixed.get(position.id())));
			}
		}
		HoursPolicy effective = this.policies.policyFor(activity.id());
		model.addAttribute("activity", activity);
		model.addAttribute("policyForm", form);
		model.addAttribute("defaultPolicy", this.policies.defaultPolicy());
		model.addAttribute("examples",
				EXAMPLE_MINUTES.stream()
					.map((minutes) -> new Example(minutes,
							effective.hoursFor(Duration.ofMinutes(minutes), EXAMPLE_SESSION, null)))
					.toList());
		model.addAttribute("rows", rows);
		return "servicerecord/policy/hours";
	}

}
