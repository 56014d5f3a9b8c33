package org.tongxing.planning.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.DuplicatePlanException;
import org.tongxing.planning.Move;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.PlanNotFoundException;
import org.tongxing.planning.PlanRuleViolationException;
import org.tongxing.planning.PlanView;
import org.tongxing.planning.Plans;
import org.tongxing.planning.Proposals;
import org.tongxing.planning.ThemeId;
import org.tongxing.planning.ThemeView;
import org.tongxing.shared.web.Htmx;

/**
 * The annual plan pages: everyone signed in reads the plans and their progress;
 * coordinators create, edit and copy them (the service refuses anyone else with 403). A
 * theme or campaign of another year than the one in the URL answers 404.
 */
@Controller
@RequestMapping("/plans")
class PlanController {

	private final Plans plans;

	private final Proposals proposals;

	private final Units units;

	PlanController(Plans plans, Proposals proposals, Units units) {
		this.plans = plans;
		this.proposals = proposals;
		this.units = units;
	}

	@GetMapping
	String list(Model model) {
		PlanForm form = new PlanForm();
		List<PlanView> all = this.plans.plans();
		form.setYear(all.isEmpty() ? java.time.Year.now().getValue() : all.get(0).year() + 1);
		model.addAttribute("planForm", form);
		return listPage(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("planForm") PlanForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		if (!errors.hasErrors()) {
			try {
				this.plans.createPlan(scope, form.getYear(), form.getTitle().strip(), blankToNull(form.getSummary()),
						me.id());
				redirect.addFlashAttribute("notice", "planning.notice.created");
				return "redirect:/plans/" + form.getYear() + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("year", "planning.plan.exists", new Object[] { String.valueOf(form.getYear()) },
						null);
			}
			catch (PlanRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		return listPage(model);
	}

	@GetMapping("/{year}")
	String plan(@PathVariable int year, Model model) {
		PlanView plan = planOf(year);
		UnitScope scope = this.units.currentScope();
		List<CampaignView> campaigns = this.plans.campaigns(year);
		model.addAttribute("page", PlanPage.of(plan, this.plans.themes(year), campaigns, this.plans.actuals(campaigns),
				this.proposals.ofPlan(scope, year)));
		model.addAttribute("coordinator", scope.coordinator());
		model.addAttribute("mayPropose", !proposableUnits(scope).isEmpty());
		return "planning/plan";
	}

	@GetMapping("/{year}/edit")
	String edit(@PathVariable int year, Model model) {
		coordinator();
		PlanView plan = planOf(year);
		PlanForm form = new PlanForm();
		form.setYear(plan.year());
		form.setTitle(plan.title());
		form.setSummary(plan.summary());
		model.addAttribute("planForm", form);
		model.addAttribute("themeForm", new ThemeForm());
		CopyForm copy = new CopyForm();
		copy.setTargetYear(Math.min(year + 1, Plans.LAST_YEAR));
		model.addAttribute("copyForm", copy);
		return editPage(model, plan);
	}

	@PostMapping("/{year}/edit")
	String update(@PathVariable int year, @Valid @ModelAttribute("planForm") PlanForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		PlanView plan = planOf(year);
		form.setYear(year);
		if (!errors.hasFieldErrors("title") && !errors.hasFieldErrors("summary")) {
			this.plans.updatePlan(scope, year, form.getTitle().strip(), blankToNull(form.getSummary()));
			redirect.addFlashAttribute("notice", "planning.notice.saved");
			return "redirect:/plans/" + year + "/edit";
		}
		model.addAttribute("themeForm", new ThemeForm());
		model.addAttribute("copyForm", new CopyForm());
		return editPage(model, plan);
	}

	@PostMapping("/{year}/themes")
	String addTheme(@PathVariable int year, @Valid @ModelAttribute("themeForm") ThemeForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		PlanView plan = planOf(year);
		if (!errors.hasErrors()) {
			try {
				this.plans.addTheme(scope, plan.id(), form.getLevel(), form.getName().strip(),
						blankToNull(form.getDescription()));
				redirect.addFlashAttribute("notice", "planning.notice.themeAdded");
				return "redirect:/plans/" + year + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("name", "planning.theme.exists");
			}
		}
		model.addAttribute("planForm", formOf(plan));
		model.addAttribute("copyForm", new CopyForm());
		return editPage(model, plan);
	}

	@GetMapping("/{year}/themes/{id}/edit")
	String editTheme(@PathVariable int year, @PathVariable long id, Model model) {
		coordinator();
		ThemeView theme = themeOf(year, id);
		model.addAttribute("themeForm", ThemeForm.of(theme));
		model.addAttribute("theme", theme);
		return "planning/theme";
	}

	@PostMapping("/{year}/themes/{id}/edit")
	String updateTheme(@PathVariable int year, @PathVariable long id,
			@Valid @ModelAttribute("themeForm") ThemeForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		ThemeView theme = themeOf(year, id);
		form.setLevel(theme.level());
		if (!errors.hasFieldErrors("name") && !errors.hasFieldErrors("description")) {
			try {
				this.plans.updateTheme(scope, theme.id(), form.getName().strip(), blankToNull(form.getDescription()));
				redirect.addFlashAttribute("notice", "planning.notice.saved");
				return "redirect:/plans/" + year + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("name", "planning.theme.exists");
			}
		}
		model.addAttribute("theme", theme);
		return "planning/theme";
	}

	@PostMapping("/{year}/themes/{id}/remove")
	String removeTheme(@PathVariable int year, @PathVariable long id, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		ThemeView theme = themeOf(year, id);
		try {
			this.plans.removeTheme(scope, theme.id());
			redirect.addFlashAttribute("notice", "planning.notice.themeRemoved");
		}
		catch (PlanRuleViolationException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
		}
		return "redirect:/plans/" + year + "/edit";
	}

	/**
	 * Moves a theme one place within its level. Without JavaScript the form posts and the
	 * edit page reloads at the theme; htmx swaps the levels in place.
	 */
	@PostMapping("/{year}/themes/{id}/move")
	String moveTheme(@PathVariable int year, @PathVariable long id, @RequestParam Move move, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		ThemeView theme = themeOf(year, id);
		boolean moved = this.plans.moveTheme(scope, theme.id(), move);
		return moved(request, model, redirect, year, theme.name(), move, moved, "edit-theme-" + id);
	}

	/** Moves a campaign one place within its theme; see {@link #moveTheme}. */
	@PostMapping("/{year}/campaigns/{id}/move")
	String moveCampaign(@PathVariable int year, @PathVariable long id, @RequestParam Move move,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CampaignView campaign = campaignOf(year, id);
		boolean moved = this.plans.moveCampaign(scope, campaign.id(), move);
		return moved(request, model, redirect, year, campaign.name(), move, moved, "edit-campaign-" + id);
	}

	private String moved(HttpServletRequest request, Model model, RedirectAttributes redirect, int year, String name,
			Move move, boolean moved, String anchor) {
		String key = moved ? "planning.moved." + move : "planning.notMoved." + move;
		Object[] args = { name };
		if (Htmx.isHtmx(request)) {
			model.addAttribute("movedKey", key);
			model.addAttribute("movedArgs", args);
			editPage(model, planOf(year));
			return "planning/edit :: levels";
		}
		redirect.addFlashAttribute("movedKey", key);
		redirect.addFlashAttribute("movedArgs", args);
		return "redirect:/plans/" + year + "/edit#" + anchor;
	}

	@GetMapping("/{year}/themes/{id}/campaigns/new")
	String newCampaign(@PathVariable int year, @PathVariable long id, Model model) {
		coordinator();
		model.addAttribute("theme", themeOf(year, id));
		model.addAttribute("campaignForm", new CampaignForm());
		return "planning/campaign";
	}

	@PostMapping("/{year}/themes/{id}/campaigns/new")
	String addCampaign(@PathVariable int year, @PathVariable long id,
			@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		ThemeView theme = themeOf(year, id);
		CampaignTargets targets = form.targets(errors);
		if (!errors.hasErrors()) {
			try {
				this.plans.addCampaign(scope, theme.id(), form.getName().strip(), blankToNull(form.getDescription()),
						targets);
				redirect.addFlashAttribute("notice", "planning.notice.campaignAdded");
				return "redirect:/plans/" + year + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("name", "planning.campaign.exists");
			}
			catch (PlanRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("theme", theme);
		return "planning/campaign";
	}

	@GetMapping("/{year}/campaigns/{id}/edit")
	String editCampaign(@PathVariable int year, @PathVariable long id, Model model) {
		coordinator();
		CampaignView campaign = campaignOf(year, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("theme", this.plans.findTheme(campaign.themeId()).orElseThrow());
		model.addAttribute("campaignForm", CampaignForm.of(campaign));
		return "planning/campaign";
	}

	@PostMapping("/{year}/campaigns/{id}/edit")
	String updateCampaign(@PathVariable int year, @PathVariable long id,
			@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CampaignView campaign = campaignOf(year, id);
		CampaignTargets targets = form.targets(errors);
		if (!errors.hasErrors()) {
			try {
				this.plans.updateCampaign(scope, campaign.id(), form.getName().strip(),
						blankToNull(form.getDescription()), targets);
				redirect.addFlashAttribute("notice", "planning.notice.saved");
				return "redirect:/plans/" + year + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("name", "planning.campaign.exists");
			}
			catch (PlanRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("theme", this.plans.findTheme(campaign.themeId()).orElseThrow());
		return "planning/campaign";
	}

	@PostMapping("/{year}/campaigns/{id}/remove")
	String removeCampaign(@PathVariable int year, @PathVariable long id, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CampaignView campaign = campaignOf(year, id);
		try {
			this.plans.removeCampaign(scope, campaign.id());
			redirect.addFlashAttribute("notice", "planning.notice.campaignRemoved");
		}
		catch (PlanRuleViolationException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArgs", ex.arguments());
		}
		return "redirect:/plans/" + year + "/edit";
	}

	@PostMapping("/{year}/copy")
	String copy(@PathVariable int year, @Valid @ModelAttribute("copyForm") CopyForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		PlanView plan = planOf(year);
		if (!errors.hasErrors()) {
			try {
				this.plans.copyPlan(scope, year, form.getTargetYear(), form.getNewTitle(), me.id());
				redirect.addFlashAttribute("notice", "planning.notice.copied");
				return "redirect:/plans/" + form.getTargetYear() + "/edit";
			}
			catch (DuplicatePlanException ex) {
				errors.rejectValue("targetYear", "planning.copy.targetTaken",
						new Object[] { String.valueOf(form.getTargetYear()) }, null);
			}
			catch (PlanRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("planForm", formOf(plan));
		model.addAttribute("themeForm", new ThemeForm());
		return editPage(model, plan);
	}

	private String listPage(Model model) {
		model.addAttribute("plans", this.plans.plans());
		model.addAttribute("coordinator", this.units.currentScope().coordinator());
		return "planning/plans";
	}

	private String editPage(Model model, PlanView plan) {
		List<CampaignView> campaigns = this.plans.campaigns(plan.year());
		model.addAttribute("page", PlanPage.of(plan, this.plans.themes(plan.year()), campaigns, Map.of(), List.of()));
		model.addAttribute("levels", PlanLevel.values());
		return "planning/edit";
	}

	private List<UnitView> proposableUnits(UnitScope scope) {
		return this.units.list(scope).stream().filter(UnitView::isOpen).filter(scope::mayManage).toList();
	}

	private PlanView planOf(int year) {
		return this.plans.plan(year).orElseThrow(() -> new PlanNotFoundException("Plan"));
	}

	private ThemeView themeOf(int year, long id) {
		return this.plans.findTheme(new ThemeId(id))
			.filter((theme) -> theme.year() == year)
			.orElseThrow(() -> new PlanNotFoundException("Theme"));
	}

	private CampaignView campaignOf(int year, long id) {
		return this.plans.findCampaign(new CampaignId(id))
			.filter((campaign) -> campaign.year() == year)
			.orElseThrow(() -> new PlanNotFoundException("Campaign"));
	}

	private UnitScope coordinator() {
		UnitScope scope = this.units.currentScope();
		if (!scope.coordinator()) {
			throw new AccessDeniedException("Only coordinators change plans");
		}
		return scope;
	}

	private static PlanForm formOf(PlanView plan) {
		PlanForm form = new PlanForm();
		form.setYear(plan.year());
		form.setTitle(plan.title());
		form.setSummary(plan.summary());
		return form;
	}

	static void reject(BindingResult errors, PlanRuleViolationException ex) {
		if (ex.field() != null && errors.getTarget() != null && org.springframework.beans.BeanUtils
			.getPropertyDescriptor(errors.getTarget().getClass(), ex.field()) != null) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
		}
		else {
			errors.reject(ex.messageKey(), ex.arguments(), null);
		}
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
