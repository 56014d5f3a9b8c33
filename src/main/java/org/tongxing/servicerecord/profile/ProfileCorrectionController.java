package org.tongxing.servicerecord.profile;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.beans.BeanWrapperImpl;
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
 * Correcting and withdrawing an entry of a volunteer's service profile
 * ({@code /volunteers/{id}/service/<training|awards|evaluations|complaints>/{entryId}/edit}
 * and {@code .../withdraw}), for admins who manage the volunteer (leadership 403, anyone
 * else and entries of other volunteers 404). The page shows the entry as stored, the
 * correction form and the withdrawal form; a refused form comes back with every value
 * kept and the message beside the field; a change made meanwhile by someone else is named
 * on the page, with the typed values kept and the stored ones shown.
 */
@Controller
class ProfileCorrectionController {

	static final String VIEW = "servicerecord/profile/edit";

	private final ServiceProfile profile;

	private final Units units;

	ProfileCorrectionController(ServiceProfile profile, Units units) {
		this.profile = profile;
		this.units = units;
	}

	@GetMapping("/volunteers/{id}/service/{segment}/{entryId}/edit")
	String page(@PathVariable long id, @PathVariable String segment, @PathVariable long entryId, Model model,
			RedirectAttributes redirect) {
		ProfileEntryKind kind = kind(segment, entryId);
		ProfileRecord record = managed(id);
		if (record.volunteer().isAnonymised()) {
			redirect.addFlashAttribute("problem", "servicerecord.profile.state.anonymised");
			return "redirect:/volunteers/" + id + "/service#" + kind.segment();
		}
		Object entry = entry(record, kind, entryId);
		if (!model.containsAttribute("editForm")) {
			model.addAttribute("editForm", switch (kind) {
				case TRAINING -> TrainingEditForm.of((TrainingRecord) entry);
				case AWARD -> AwardEditForm.of((Award) entry);
				case EVALUATION -> EvaluationEditForm.of((Evaluation) entry);
				case COMPLAINT -> ComplaintEditForm.of((Complaint) entry);
			});
		}
		return page(model, record, kind, entry);
	}

	@PostMapping("/volunteers/{id}/service/training/{entryId}/edit")
	String correctTraining(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable long entryId, @Valid @ModelAttribute("editForm") TrainingEditForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		ProfileRecord record = managed(id);
		Object entry = entry(record, ProfileEntryKind.TRAINING, entryId);
		rejectFuture(errors, "heldOn", form.getHeldOn());
		if (!errors.hasErrors()) {
			try {
				boolean changed = this.profile.correctTraining(scope(), record.volunteer().id(), entryId,
						form.getVersion(), form.toTraining(), account.id());
				return done(redirect, id, ProfileEntryKind.TRAINING, changed);
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		return failed(model, id, ProfileEntryKind.TRAINING, entryId);
	}

	@PostMapping("/volunteers/{id}/service/awards/{entryId}/edit")
	String correctAward(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable long entryId, @Valid @ModelAttribute("editForm") AwardEditForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) throws IOException {
		ProfileRecord record = managed(id);
		entry(record, ProfileEntryKind.AWARD, entryId);
		rejectFuture(errors, "awardedOn", form.getAwardedOn());
		MultipartFile file = form.getProof();
		boolean uploaded = file != null && !file.isEmpty();
		if (uploaded && file.getSize() > this.profile.proofMaxBytes()) {
			// refused before the content is read
			errors.rejectValue("proof", "servicerecord.profile.award.proof.tooLarge",
					new Object[] { this.profile.proofMaxBytes() / (1024 * 1024) }, null);
		}
		if (!errors.hasErrors()) {
			try {
				ServiceProfile.Upload proof = uploaded
						? new ServiceProfile.Upload(file.getOriginalFilename(), file.getBytes()) : null;
				boolean changed = this.profile.correctAward(scope(), record.volunteer().id(), entryId,
						form.getVersion(), form.toAward(), proof, form.isRemoveProof(), account.id());
				return done(redirect, id, ProfileEntryKind.AWARD, changed);
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
		return failed(model, id, ProfileEntryKind.AWARD, entryId);
	}

	@PostMapping("/volunteers/{id}/service/evaluations/{entryId}/edit")
	String correctEvaluation(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable long entryId, @Valid @ModelAttribute("editForm") EvaluationEditForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		ProfileRecord record = managed(id);
		entry(record, ProfileEntryKind.EVALUATION, entryId);
		rejectFuture(errors, "evaluatedOn", form.getEvaluatedOn());
		if (!errors.hasErrors()) {
			try {
				boolean changed = this.profile.correctEvaluation(scope(), record.volunteer().id(), entryId,
						form.getVersion(), form.toEvaluation(), account.id());
				return done(redirect, id, ProfileEntryKind.EVALUATION, changed);
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		return failed(model, id, ProfileEntryKind.EVALUATION, entryId);
	}

	@PostMapping("/volunteers/{id}/service/complaints/{entryId}/edit")
	String correctComplaint(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable long entryId, @Valid @ModelAttribute("editForm") ComplaintEditForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		ProfileRecord record = managed(id);
		entry(record, ProfileEntryKind.COMPLAINT, entryId);
		rejectFuture(errors, "receivedOn", form.getReceivedOn());
		if (!errors.hasErrors()) {
			try {
				boolean changed = this.profile.correctComplaint(scope(), record.volunteer().id(), entryId,
						form.getVersion(), form.toComplaint(), form.getResolution(), account.id());
				return done(redirect, id, ProfileEntryKind.COMPLAINT, changed);
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		return failed(model, id, ProfileEntryKind.COMPLAINT, entryId);
	}

	@PostMapping("/volunteers/{id}/service/{segment}/{entryId}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInAccount account, @PathVariable long id,
			@PathVariable String segment, @PathVariable long entryId,
			@Valid @ModelAttribute("withdrawForm") WithdrawForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		ProfileEntryKind kind = kind(segment, entryId);
		ProfileRecord record = managed(id);
		entry(record, kind, entryId);
		if (!errors.hasErrors()) {
			try {
				this.profile.withdraw(scope(), record.volunteer().id(), kind, entryId, form.getVersion(),
						form.getReason(), account.id());
				redirect.addFlashAttribute("notice", "servicerecord.profile.edit.withdrawnNotice");
				return "redirect:/volunteers/" + id + "/service#" + kind.segment();
			}
			catch (InvalidProfileEntryException ex) {
				reject(errors, ex);
			}
			catch (ProfileStateException ex) {
				model.addAttribute("problem", ex.messageKey());
			}
		}
		// as stored now: it may have changed meanwhile
		ProfileRecord now = managed(id);
		Object current = entry(now, kind, entryId);
		form.setVersion(version(current));
		model.addAttribute("editForm", switch (kind) {
			case TRAINING -> TrainingEditForm.of((TrainingRecord) current);
			case AWARD -> AwardEditForm.of((Award) current);
			case EVALUATION -> EvaluationEditForm.of((Evaluation) current);
			case COMPLAINT -> ComplaintEditForm.of((Complaint) current);
		});
		model.addAttribute("failed", "withdraw");
		return page(model, now, kind, current);
	}

	/** The page again after a refused correction, with the entry as stored now. */
	private String failed(Model model, long id, ProfileEntryKind kind, long entryId) {
		ProfileRecord record = managed(id);
		Object entry = entry(record, kind, entryId);
		if ("servicerecord.profile.edit.changedMeanwhile".equals(model.getAttribute("problem"))) {
			// the page shows what is stored now beside what was typed: saving again is a
			// decision taken knowing both
			new BeanWrapperImpl(model.getAttribute("editForm")).setPropertyValue("version", version(entry));
		}
		model.addAttribute("failed", "edit");
		return page(model, record, kind, entry);
	}

	private String page(Model model, ProfileRecord record, ProfileEntryKind kind, Object entry) {
		model.addAttribute("record", record);
		model.addAttribute("kind", kind);
		model.addAttribute("entry", entry);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("today", this.profile.today());
		model.addAttribute("proofMaxMegabytes", this.profile.proofMaxBytes() / (1024 * 1024));
		if (!model.containsAttribute("withdrawForm")) {
			WithdrawForm withdraw = new WithdrawForm();
			withdraw.setVersion(version(entry));
			model.addAttribute("withdrawForm", withdraw);
		}
		return VIEW;
	}

	private static ProfileEntryKind kind(String segment, long entryId) {
		return ProfileEntryKind.ofSegment(segment)
			.orElseThrow(() -> new ProfileEntryNotFoundException(segment, entryId));
	}

	private UnitScope scope() {
		return this.units.currentScope();
	}

	/** The record, when the scope may change it: 404 when unseen, 403 when read only. */
	private ProfileRecord managed(long id) {
		ProfileRecord record = this.profile.record(scope(), new VolunteerId(id));
		if (!record.mayManage()) {
			throw new AccessDeniedException("Not an admin of the volunteer's unit");
		}
		return record;
	}

	/** The volunteer's entry of that kind: 404 when they have none of that id. */
	private static Object entry(ProfileRecord record, ProfileEntryKind kind, long entryId) {
		java.util.List<?> entries = switch (kind) {
			case TRAINING -> record.training().stream().filter((t) -> t.id() == entryId).toList();
			case AWARD -> record.awards().stream().filter((a) -> a.id() == entryId).toList();
			case EVALUATION -> record.evaluations().stream().filter((e) -> e.id() == entryId).toList();
			case COMPLAINT -> record.complaints().stream().filter((c) -> c.id() == entryId).toList();
		};
		if (entries.isEmpty()) {
			throw new ProfileEntryNotFoundException(kind.table(), entryId);
		}
		return entries.get(0);
	}

	private static int version(Object entry) {
		if (entry instanceof TrainingRecord training) {
			return training.version();
		}
		if (entry instanceof Award award) {
			return award.version();
		}
		if (entry instanceof Evaluation evaluation) {
			return evaluation.version();
		}
		return ((Complaint) entry).version();
	}

	// a day is "today or earlier" in the association's time zone, not the server's
	private void rejectFuture(BindingResult errors, String field, LocalDate day) {
		if (day != null && day.isAfter(this.profile.today()) && !errors.hasFieldErrors(field)) {
			errors.rejectValue(field, "servicerecord.profile.validation.future");
		}
	}

	private static String done(RedirectAttributes redirect, long id, ProfileEntryKind kind, boolean changed) {
		redirect.addFlashAttribute("notice",
				changed ? "servicerecord.profile.edit.corrected" : "servicerecord.profile.edit.unchanged");
		return "redirect:/volunteers/" + id + "/service#" + kind.segment();
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
