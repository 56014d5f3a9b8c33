package org.tongxing.planning.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.PlanNotFoundException;
import org.tongxing.planning.PlanRuleViolationException;
import org.tongxing.planning.Plans;
import org.tongxing.planning.ProposalEntry;
import org.tongxing.planning.ProposalId;
import org.tongxing.planning.ProposalStatus;
import org.tongxing.planning.Proposals;

/**
 * Proposing an activity into a campaign (unit admins, for the units they manage), the
 * proposals a scope sees, and the coordinators' decisions. A proposal outside the
 * reader's scope answers 404; a decision by anyone but a coordinator 403.
 */
@Controller
class ProposalController {

	private final Plans plans;

	private final Proposals proposals;

	private final Units units;

	ProposalController(Plans plans, Proposals proposals, Units units) {
		this.plans = plans;
		this.proposals = proposals;
		this.units = units;
	}

	@GetMapping("/plans/{year}/campaigns/{id}/propose")
	String proposeForm(@PathVariable int year, @PathVariable long id, Model model) {
		UnitScope scope = this.units.currentScope();
		CampaignView campaign = campaignOf(year, id);
		List<UnitView> units = proposable(scope);
		ProposalForm form = new ProposalForm();
		if (units.size() == 1) {
			form.setUnitId(units.get(0).id().value());
		}
		model.addAttribute("proposalForm", form);
		return proposePage(model, campaign, units);
	}

	@PostMapping("/plans/{year}/campaigns/{id}/propose")
	String propose(@PathVariable int year, @PathVariable long id,
			@Valid @ModelAttribute("proposalForm") ProposalForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		CampaignView campaign = campaignOf(year, id);
		List<UnitView> units = proposable(scope);
		if (!errors.hasErrors()) {
			try {
				ProposalId created = this.proposals.propose(scope, form.toDetails(campaign.id()), me.id());
				redirect.addFlashAttribute("notice", "planning.notice.proposed");
				return "redirect:/proposals/" + created;
			}
			catch (PlanRuleViolationException ex) {
				PlanController.reject(errors, ex);
			}
		}
		return proposePage(model, campaign, units);
	}

	@GetMapping("/proposals")
	String list(@RequestParam(name = "status", required = false) String status, Model model) {
		UnitScope scope = seeing();
		ProposalStatus filter = parse(status);
		model.addAttribute("status", filter);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("proposals", this.proposals.list(scope, filter));
		model.addAttribute("unitNames", unitNames(scope));
		model.addAttribute("coordinator", scope.coordinator());
		return "planning/proposals";
	}

	@GetMapping("/proposals/{id}")
	String proposal(@PathVariable long id, Model model) {
		UnitScope scope = seeing();
		model.addAttribute("decisionForm", new DecisionForm());
		return proposalPage(model, scope, find(scope, id));
	}

	@PostMapping("/proposals/{id}/approve")
	String approve(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form,
			BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model,
			RedirectAttributes redirect) {
		return decide(id, true, form, errors, me, model, redirect);
	}

	@PostMapping("/proposals/{id}/reject")
	String reject(@PathVariable long id, @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect) {
		return decide(id, false, form, errors, me, model, redirect);
	}

	private String decide(long id, boolean approve, DecisionForm form, BindingResult errors, SignedInAccount me,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = seeing();
		ProposalEntry entry = find(scope, id);
		scope.requireCoordinator();
		if (!errors.hasErrors()) {
			try {
				if (approve) {
					this.proposals.approve(scope, entry.proposal().id(), form.getComment(), me.id());
				}
				else {
					this.proposals.reject(scope, entry.proposal().id(), form.getComment(), me.id());
				}
				redirect.addFlashAttribute("notice", approve ? "planning.notice.approved" : "planning.notice.rejected");
				return "redirect:/proposals/" + id;
			}
			catch (PlanRuleViolationException ex) {
				PlanController.reject(errors, ex);
			}
		}
		return proposalPage(model, scope, entry);
	}

	private String proposalPage(Model model, UnitScope scope, ProposalEntry entry) {
		model.addAttribute("entry", entry);
		model.addAttribute("unit", this.units.find(scope, entry.proposal().unit()).orElse(null));
		model.addAttribute("coordinator", scope.coordinator());
		model.addAttribute("mayCreateActivity", entry.proposal().status() == ProposalStatus.APPROVED
				&& this.units.find(scope, entry.proposal().unit()).map(scope::mayManage).orElse(false));
		return "planning/proposal";
	}

	private String proposePage(Model model, CampaignView campaign, List<UnitView> units) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("units", units);
		return "planning/propose";
	}

	private ProposalEntry find(UnitScope scope, long id) {
		return this.proposals.find(scope, new ProposalId(id)).orElseThrow(() -> new PlanNotFoundException("Proposal"));
	}

	/** The open units the scope manages; none means no right to propose (403). */
	private List<UnitView> proposable(UnitScope scope) {
		List<UnitView> units = this.units.list(scope)
			.stream()
			.filter(UnitView::isOpen)
			.filter(scope::mayManage)
			.toList();
		if (units.isEmpty()) {
			throw new AccessDeniedException("No unit to propose for");
		}
		return units;
	}

	private UnitScope seeing() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("No units in scope");
		}
		return scope;
	}

	private Map<UnitId, UnitView> unitNames(UnitScope scope) {
		return this.units.list(scope).stream().collect(Collectors.toMap(UnitView::id, Function.identity()));
	}

	private CampaignView campaignOf(int year, long id) {
		return this.plans.findCampaign(new CampaignId(id))
			.filter((campaign) -> campaign.year() == year)
			.orElseThrow(() -> new PlanNotFoundException("Campaign"));
	}

	private static ProposalStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		for (ProposalStatus candidate : ProposalStatus.values()) {
			if (candidate.name().equalsIgnoreCase(status)) {
				return candidate;
			}
		}
		return null;
	}

}
