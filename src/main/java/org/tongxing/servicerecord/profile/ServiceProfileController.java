package org.tongxing.servicerecord.profile;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.beans.BeanWrapperImpl;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;

/**
 * A volunteer's service profile for admins ({@code /volunteers/{id}/service}): training,
 * awards, evaluations and complaints, each with its add form; open complaints are
 * resolved here. Admins of the volunteer's unit (and coordinators) change it; leadership
 * reads it; anyone else gets 404. A refused form comes back with every value kept and the
 * message beside the field.
 */
@Controller
class ServiceProfileController {

	static final String VIEW = "servicerecord/profile/service";

	private final ServiceProfile profile;

	private final Units units;

	ServiceProfileController(ServiceProfile profile, Units units) {
		this.profile = profile;
		this.units = units;
	}

	@GetMapping("/volunteers/{id}/service")
	String page(@PathVariable long id, Model model) {
		UnitScope scope = this.units.currentScope();
		return page(model, this.profile.record(scope, new VolunteerId(id)));
	}

	@PostMapping("/volunteers/{id}/service/training")
	String addTraining(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@Valid @ModelAttribute("trainingForm") TrainingForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		ProfileRecord record = managed(scope, id);
		rejectFuture(errors, "heldOn", form.getHeldOn());
		if (!errors.hasErrors()) {
			try {
				this.profile.addTraining(scope, record.volunteer().id(), form.toTraining(), account.id());
				return done(redirect, id, "training", "servicerecord.profile.training.added");
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		model.addAttribute("failed", "training");
		return page(model, record);
	}

	@PostMapping("/volunteers/{id}/service/awards")
	String addAward(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@Valid @ModelAttribute("awardForm") AwardForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) throws IOException {
		UnitScope scope = this.units.currentScope();
		ProfileRecord record = managed(scope, id);
		rejectFuture(errors, "awardedOn", form.getAwardedOn());
		MultipartFile file = form.getProof();
		boolean uploaded = file != null && !file.isEmpty();
		if (uploaded && file.getSize() > this.profile.proofMaxBytes()) {
			// refused before the content is read
			errors.rejectValue("proof", "servicerecord.profile.award.proof.tooLarge",
					new Object[] { this.profile.proofMaxBytes() / (1024 * 1024) }, null);
		}
		else if (!uploaded && form.isGovernment()) {
			errors.rejectValue("proof", "servicerecord.profile.award.proof.required");
		}
		if (!errors.hasErrors()) {
			try {
				ServiceProfile.Upload proof = uploaded
						? new ServiceProfile.Upload(file.getOriginalFilename(), file.getBytes()) : null;
				this.profile.addAward(scope, record.volunteer().id(), form.toAward(), proof, account.id());
				return done(redirect, id, "awards", "servicerecord.profile.award.added");
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		// a browser cannot fill a file field again: say so when one was chosen
		model.addAttribute("chooseProofAgain", uploaded && !errors.hasFieldErrors("proof"));
		model.addAttribute("failed", "awards");
		return page(model, record);
	}

	@PostMapping("/volunteers/{id}/service/evaluations")
	String addEvaluation(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@Valid @ModelAttribute("evaluationForm") EvaluationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		ProfileRecord record = managed(scope, id);
		rejectFuture(errors, "evaluatedOn", form.getEvaluatedOn());
		if (!errors.hasErrors()) {
			try {
				this.profile.addEvaluation(scope, record.volunteer().id(), form.toEvaluation(), account.id());
				return done(redirect, id, "evaluations", "servicerecord.profile.evaluation.added");
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		model.addAttribute("failed", "evaluations");
		return page(model, record);
	}

	@PostMapping("/volunteers/{id}/service/complaints")
	String addComplaint(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@Valid @ModelAttribute("complaintForm") ComplaintForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		ProfileRecord record = managed(scope, id);
		rejectFuture(errors, "receivedOn", form.getReceivedOn());
		if (!errors.hasErrors()) {
			try {
				this.profile.addComplaint(scope, record.volunteer().id(), form.toComplaint(), account.id());
				return done(redirect, id, "complaints", "servicerecord.profile.complaint.added");
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		model.addAttribute("failed", "complaints");
		return page(model, record);
	}

	@PostMapping("/volunteers/{id}/service/complaints/{complaintId}/resolve")
	String resolve(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable long complaintId, @Valid @ModelAttribute("resolutionForm") ResolutionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		ProfileRecord record = managed(scope, id);
		if (record.complaints().stream().noneMatch((complaint) -> complaint.id() == complaintId)) {
			throw new ProfileEntryNotFoundException("complaint", complaintId);
		}
		if (!errors.hasErrors()) {
			try {
				this.profile.resolveComplaint(scope, record.volunteer().id(), complaintId, form.getOutcome(),
						form.getResolution(), account.id());
				return done(redirect, id, "complaints", "servicerecord.profile.complaint.resolved");
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				redirect.addFlashAttribute("problem", ex.messageKey());
				return "redirect:/volunteers/" + id + "/service#complaints";
			}
		}
		model.addAttribute("failed", "complaints");
		model.addAttribute("resolvingId", complaintId);
		return page(model, record);
	}

	@GetMapping("/volunteers/{id}/service/awards/{awardId}/proof")
	ResponseEntity<byte[]> proof(@PathVariable long id, @PathVariable long awardId) {
		return ProofDownloads.of(this.profile.proof(this.units.currentScope(), new VolunteerId(id), awardId));
	}

	private String page(Model model, ProfileRecord record) {
		model.addAttribute("record", record);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("outcomes", new ComplaintStatus[] { ComplaintStatus.UPHELD, ComplaintStatus.DISMISSED });
		model.addAttribute("today", this.profile.today());
		model.addAttribute("proofMaxMegabytes", this.profile.proofMaxBytes() / (1024 * 1024));
		if (!model.containsAttribute("trainingForm")) {
			model.addAttribute("trainingForm", new TrainingForm());
		}
		if (!model.containsAttribute("awardForm")) {
			model.addAttribute("awardForm", new AwardForm());
		}
		if (!model.containsAttribute("evaluationForm")) {
			model.addAttribute("evaluationForm", new EvaluationForm());
		}
		if (!model.containsAttribute("complaintForm")) {
			model.addAttribute("complaintForm", new ComplaintForm());
		}
		if (!model.containsAttribute("resolutionForm")) {
			model.addAttribute("resolutionForm", new ResolutionForm());
		}
		return VIEW;
	}

	/** The record, when the scope may change it: 404 when unseen, 403 when read only. */
	private ProfileRecord managed(UnitScope scope, long id) {
		ProfileRecord record = this.profile.record(scope, new VolunteerId(id));
		if (!record.mayManage()) {
			throw new AccessDeniedException("Not an admin of the volunteer's unit");
		}
		return record;
	}

	// a day is "today or earlier" in the association's time zone, not the server's
	private void rejectFuture(BindingResult errors, String field, LocalDate day) {
		if (day != null && day.isAfter(this.profile.today()) && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "servicerecord.profile.validation.future");
		}
	}

	private static String done(RedirectAttributes redirect, long id, String section, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/volunteers/" + id + "/service#" + section;
	}

	private static void reject(BindingResult errors, InvalidProfileEntryException ex) {
		BeanWrapperImpl form = (errors.getTarget() != null) ? new BeanWrapperImpl(errors.getTarget()) : null;
		for (InvalidProfileEntryException.Problem problem : ex.problems()) {
			if (form != null && form.isReadableProperty(problem.field()) && !errors.hasFieldErrors(problem.field())) {
				errors.rejectValue(problem.field(), problem.messageKey(), problem.argumentArray(),
						problem.messageKey());
			}
			else if (form == null || !form.isReadableProperty(problem.field())) {
				errors.reject(problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
		}
	}

}
