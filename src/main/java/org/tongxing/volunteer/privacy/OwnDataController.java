package org.tongxing.volunteer.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.volunteer.VolunteerNotFoundException;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * A volunteer's own data: the page with the two downloads and the deletion request, the
 * downloads themselves, and the deletion request with its confirmation step. An account
 * without a volunteer record gets 404.
 */
@Controller
@RequestMapping("/me")
class OwnDataController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Volunteers volunteers;

	private final OwnDataExport export;

	private final PersonalDataRights rights;

	OwnDataController(Volunteers volunteers, OwnDataExport export, PersonalDataRights rights) {
		this.volunteers = volunteers;
		this.export = export;
		this.rights = rights;
	}

	@GetMapping("/data")
	String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
		model.addAttribute("volunteer", own(account));
		return "volunteer/privacy/data";
	}

	@GetMapping("/data.json")
	ResponseEntity<byte[]> json(@AuthenticationPrincipal SignedInAccount account) {
		own(account);
		return download(this.export.json(account.id()), MediaType.APPLICATION_JSON, "my-volunteer-data.json");
	}

	@GetMapping("/data.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SignedInAccount account, Locale locale) {
		own(account);
		return download(this.export.xlsx(account.id(), locale), XLSX, "my-volunteer-data.xlsx");
	}

	@GetMapping("/deletion")
	String deletion(@AuthenticationPrincipal SignedInAccount account, Model model) {
		model.addAttribute("volunteer", own(account));
		model.addAttribute("deletionForm", new DeletionForm());
		return "volunteer/privacy/deletion";
	}

	@PostMapping("/deletion")
	String requestDeletion(@AuthenticationPrincipal SignedInAccount account,
			@Valid @ModelAttribute("deletionForm") DeletionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		VolunteerView volunteer = own(account);
		if (errors.hasErrors()) {
			model.addAttribute("volunteer", volunteer);
			return "volunteer/privacy/deletion";
		}
		this.rights.requestDeletion(account.id());
		redirect.addFlashAttribute("notice", "privacy.deletion.requested");
		return "redirect:/me/data";
	}

	private VolunteerView own(SignedInAccount account) {
		return this.volunteers.findByAccount(account.id())
			.filter((view) -> !view.isAnonymised())
			.orElseThrow(() -> new VolunteerNotFoundException(null));
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.contentType(type)
			.body(body);
	}

}
