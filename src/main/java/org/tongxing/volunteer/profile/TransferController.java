package org.tongxing.volunteer.profile;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * {@code /volunteers/{id}/transfer}: moves a volunteer to another unit from a chosen day
 * (see {@link Transfers}), then back to the volunteer's page.
 */
@Controller
class TransferController {

	private final Transfers transfers;

	private final MembershipHistory history;

	private final Units units;

	private final Volunteers registry;

	TransferController(Transfers transfers, MembershipHistory history, Units units, Volunteers registry) {
		this.transfers = transfers;
		this.history = history;
		this.units = units;
		this.registry = registry;
	}

	@GetMapping("/volunteers/{id}/transfer")
	String form(@PathVariable long id, Model model) {
		UnitScope scope = this.units.currentScope();
		VolunteerId volunteer = new VolunteerId(id);
		UnitView current = this.transfers.currentUnit(scope, volunteer);
		TransferForm form = new TransferForm();
		form.setFromUnitId(current.id().value());
		form.setEffectiveDate(this.registry.today());
		model.addAttribute("transferForm", form);
		return page(model, scope, volunteer, current);
	}

	@PostMapping("/volunteers/{id}/transfer")
	String transfer(@PathVariable long id, @Valid @ModelAttribute("transferForm") TransferForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		VolunteerId volunteer = new VolunteerId(id);
		UnitView current = this.transfers.currentUnit(scope, volunteer);
		if (!errors.hasErrors()) {
			try {
				this.transfers.transfer(scope, volunteer, form.toTransfer());
				redirect.addFlashAttribute("notice", "profile.transfer.notice.done");
				return "redirect:/volunteers/" + id;
			}
			catch (InvalidVolunteerException ex) {
				FieldErrors.reject(errors, ex);
			}
		}
		return page(model, scope, volunteer, this.transfers.currentUnit(scope, volunteer));
	}

	private String page(Model model, UnitScope scope, VolunteerId id, UnitView current) {
		model.addAttribute("volunteer", this.registry.get(scope, id));
		model.addAttribute("current", current);
		model.addAttribute("earliest", this.transfers.earliest(id).orElse(null));
		model.addAttribute("today", this.registry.today());
		model.addAttribute("targets",
				this.transfers.targets(scope).stream().filter((unit) -> !unit.id().equals(current.id())).toList());
		model.addAttribute("history", this.history.of(id));
		model.addAttribute("timeZones", ProfileController.TIME_ZONES);
		return "volunteer/profile/transfer";
	}

}
