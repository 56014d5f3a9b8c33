package org.tongxing.volunteer.profile;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.VolunteerCatalogue;

/**
 * A volunteer's own pages: {@code /me} (the profile), {@code /me/edit} and
 * {@code /me/qualification} (add or change a qualification with its proof). They act only
 * on the signed-in account's own record; there is no id to change.
 */
@Controller
class ProfileController {

	static final Set<String> TIME_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final Profiles profiles;

	private final Qualifications qualifications;

	private final Catalogues catalogues;

	ProfileController(Profiles profiles, Qualifications qualifications, Catalogues catalogues) {
		this.profiles = profiles;
		this.qualifications = qualifications;
		this.catalogues = catalogues;
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal SignedInAccount account, Model model) {
		Optional<Profile> profile = this.profiles.profile(account.id());
		if (profile.isEmpty()) {
			return "volunteer/profile/none";
		}
		model.addAttribute("profile", profile.get());
		return "volunteer/profile/me";
	}

	@GetMapping("/me/edit")
	String edit(@AuthenticationPrincipal SignedInAccount account, Model model) {
		Profile profile = own(account);
		model.addAttribute("profileForm", ProfileForm.of(profile.volunteer()));
		return editPage(model, account, profile);
	}

	@PostMapping("/me/edit")
	String save(@AuthenticationPrincipal SignedInAccount account,
			@Valid @ModelAttribute("profileForm") ProfileForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Profile profile = own(account);
		if (!errors.hasErrors()) {
			try {
				this.profiles.edit(account.id(), form.toChanges());
				redirect.addFlashAttribute("notice", "profile.notice.saved");
				return "redirect:/me";
			}
			catch (InvalidVolunteerException ex) {
				FieldErrors.reject(errors, ex);
			}
		}
		return editPage(model, account, profile);
	}

	@GetMapping("/me/qualification")
	String qualification(@AuthenticationPrincipal SignedInAccount account,
			@RequestParam(name = "type", required = false) Long typeId, Model model) {
		Profile profile = own(account);
		QualificationForm form = profile.qualifications()
			.stream()
			.filter((entry) -> typeId != null && entry.typeId() == typeId)
			.findFirst()
			.map(QualificationForm::of)
			.orElseGet(QualificationForm::new);
		if (form.getTypeId() == null) {
			form.setTypeId(typeId);
		}
		model.addAttribute("qualificationForm", form);
		return qualificationPage(model, profile, form);
	}

	@PostMapping("/me/qualification")
	String submitQualification(@AuthenticationPrincipal SignedInAccount account,
			@Valid @ModelAttribute("qualificationForm") QualificationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) throws IOException {
		Profile profile = own(account);
		if (!errors.hasErrors()) {
			MultipartFile file = form.getProof();
			if (file != null && file.getSize() > this.qualifications.maxProofBytes()) {
				// refused before the content is read
				errors.rejectValue("proof", "profile.qualification.proof.tooLarge",
						new Object[] { this.qualifications.maxProofBytes() / (1024 * 1024) }, null);
			}
			else {
				try {
					Qualifications.Upload upload = (file != null && !file.isEmpty())
							? new Qualifications.Upload(file.getOriginalFilename(), file.getBytes()) : null;
					this.qualifications.submit(account.id(), form.getTypeId(), form.getCertificateNumber(),
							form.getExpiresOn(), upload);
					redirect.addFlashAttribute("notice", "profile.qualification.notice.submitted");
					return "redirect:/me";
				}
				catch (InvalidVolunteerException ex) {
					FieldErrors.reject(errors, ex);
				}
			}
		}
		return qualificationPage(model, profile, form);
	}

	private String editPage(Model model, SignedInAccount account, Profile profile) {
		model.addAttribute("profile", profile);
		model.addAttribute("skillChoices", this.profiles.skillChoices(account.id()));
		model.addAttribute("languages", VolunteerCatalogue.LANGUAGES);
		model.addAttribute("serviceCategories", VolunteerCatalogue.SERVICE_CATEGORIES);
		model.addAttribute("availabilities", VolunteerCatalogue.AVAILABILITY);
		model.addAttribute("maxSkillLevel", VolunteerCatalogue.MAX_SKILL_LEVEL);
		model.addAttribute("maxLanguageLevel", VolunteerCatalogue.MAX_LANGUAGE_LEVEL);
		model.addAttribute("timeZones", TIME_ZONES);
		return "volunteer/profile/edit";
	}

	private String qualificationPage(Model model, Profile profile, QualificationForm form) {
		QualificationEntry existing = profile.qualifications()
			.stream()
			.filter((entry) -> form.getTypeId() != null && entry.typeId() == form.getTypeId())
			.findFirst()
			.orElse(null);
		model.addAttribute("profile", profile);
		model.addAttribute("existing", existing);
		// a type no longer offered stays choosable for whoever holds it
		model.addAttribute("types",
				this.catalogues.list(CatalogueKind.QUALIFICATIONS)
					.stream()
					.filter((type) -> type.active()
							|| profile.qualifications().stream().anyMatch((held) -> held.typeId() == type.id()))
					.toList());
		model.addAttribute("maxProofMegabytes", this.qualifications.maxProofBytes() / (1024 * 1024));
		return "volunteer/profile/qualification";
	}

	private Profile own(SignedInAccount account) {
		return this.profiles.profile(account.id()).orElseThrow(NotAVolunteerException::new);
	}

}
