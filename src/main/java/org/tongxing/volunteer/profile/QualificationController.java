package org.tongxing.volunteer.profile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.Volunteers;

/**
 * The coordinators' queue of pending qualifications ({@code /qualifications}), the review
 * of one with approve and reject, and the proofs ({@code /qualifications/{id}/proof},
 * always as a download of the sniffed type).
 */
@Controller
class QualificationController {

	private final Qualifications qualifications;

	private final Units units;

	private final Volunteers registry;

	QualificationController(Qualifications qualifications, Units units, Volunteers registry) {
		this.qualifications = qualifications;
		this.units = units;
		this.registry = registry;
	}

	@GetMapping("/qualifications")
	String queue(Model model) {
		UnitScope scope = coordinator();
		model.addAttribute("pending", this.qualifications.pending(scope));
		model.addAttribute("units", unitsById(scope));
		model.addAttribute("today", this.registry.today());
		return "volunteer/profile/queue";
	}

	@GetMapping("/qualifications/{id}")
	String review(@PathVariable long id, Model model) {
		UnitScope scope = coordinator();
		model.addAttribute("decisionForm", new DecisionForm());
		return reviewPage(model, scope, id);
	}

	@PostMapping("/qualifications/{id}/approve")
	String approve(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@ModelAttribute("decisionForm") DecisionForm form, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		try {
			this.qualifications.approve(scope, account.id(), id, form.getSeen());
			redirect.addFlashAttribute("notice", "profile.qualification.notice.approved");
			return "redirect:/qualifications";
		}
		catch (QualificationChangedException ex) {
			redirect.addFlashAttribute("problem", "profile.qualification.changed");
			return "redirect:/qualifications/" + id;
		}
	}

	@PostMapping("/qualifications/{id}/reject")
	String reject(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		try {
			this.qualifications.reject(scope, account.id(), id, form.getSeen(), form.getReason());
			redirect.addFlashAttribute("notice", "profile.qualification.notice.rejected");
			return "redirect:/qualifications";
		}
		catch (QualificationChangedException ex) {
			redirect.addFlashAttribute("problem", "profile.qualification.changed");
			return "redirect:/qualifications/" + id;
		}
		catch (InvalidVolunteerException ex) {
			FieldErrors.reject(errors, ex);
			return reviewPage(model, scope, id);
		}
	}

	@GetMapping("/qualifications/{id}/proof")
	ResponseEntity<byte[]> proof(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id) {
		Qualifications.StoredProof proof = this.qualifications.proof(account.id(), this.units.scopeOf(account), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(proof.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(proof.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			// personal documents stay out of shared caches and the browser's disk cache
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(proof.content());
	}

	private String reviewPage(Model model, UnitScope scope, long id) {
		model.addAttribute("review", this.qualifications.review(scope, id));
		model.addAttribute("units", unitsById(scope));
		model.addAttribute("today", this.registry.today());
		return "volunteer/profile/review";
	}

	private Map<Long, UnitView> unitsById(UnitScope scope) {
		Map<Long, UnitView> units = new LinkedHashMap<>();
		this.units.list(scope).forEach((unit) -> units.put(unit.id().value(), unit));
		return units;
	}

	private UnitScope coordinator() {
		UnitScope scope = this.units.currentScope();
		scope.requireCoordinator();
		return scope;
	}

}
