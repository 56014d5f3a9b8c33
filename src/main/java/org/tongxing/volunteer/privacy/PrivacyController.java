package org.tongxing.volunteer.privacy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;

/**
 * The coordinators' side of personal-data rights: pending deletion requests to confirm,
 * and the retention list of volunteers who left long ago. Anyone but a coordinator gets
 * 403.
 */
@Controller
@RequestMapping("/privacy")
class PrivacyController {

	private final PersonalDataRights rights;

	private final Units units;

	PrivacyController(PersonalDataRights rights, Units units) {
		this.rights = rights;
		this.units = units;
	}

	@GetMapping("/deletions")
	String deletions(Model model) {
		model.addAttribute("pending", this.rights.pendingDeletions(coordinator()));
		return "volunteer/privacy/deletions";
	}

	@PostMapping("/deletions/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes redirect) {
		this.rights.confirmDeletion(coordinator(), new VolunteerId(id));
		redirect.addFlashAttribute("notice", "privacy.deletions.confirmed");
		return "redirect:/privacy/deletions";
	}

	@GetMapping("/retention")
	String retention(Model model) {
		model.addAttribute("due", this.rights.retentionDue(coordinator()));
		model.addAttribute("years", this.rights.retentionYears());
		return "volunteer/privacy/retention";
	}

	@PostMapping("/retention/{id}/anonymise")
	String anonymise(@PathVariable long id, RedirectAttributes redirect) {
		this.rights.anonymiseRetained(coordinator(), new VolunteerId(id));
		redirect.addFlashAttribute("notice", "privacy.retention.anonymised");
		return "redirect:/privacy/retention";
	}

	@PostMapping("/retention/anonymise-all")
	String anonymiseAll(RedirectAttributes redirect) {
		int count = this.rights.anonymiseAllRetained(coordinator());
		redirect.addFlashAttribute("notice", "privacy.retention.anonymisedAll");
		redirect.addFlashAttribute("count", count);
		return "redirect:/privacy/retention";
	}

	private UnitScope coordinator() {
		UnitScope scope = this.units.currentScope();
		scope.requireCoordinator();
		return scope;
	}

}
