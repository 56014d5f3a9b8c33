package org.tongxing.servicerecord.certificate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import org.tongxing.account.SignedInAccount;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * A volunteer's certificates: {@code /me/certificates} asks for one for a period (this
 * year by default; quick choices this year, last year, all time) and lists those issued
 * with their status; {@code POST} issues one and comes back to the list;
 * {@code /me/certificates/{id}.pdf} downloads one's own (anyone else's is 404).
 */
@Controller
class MyCertificatesController {

	static final String VIEW = "servicerecord/certificate/mine";

	private final Certificates certificates;

	private final Volunteers volunteers;

	MyCertificatesController(Certificates certificates, Volunteers volunteers) {
		this.certificates = certificates;
		this.volunteers = volunteers;
	}

	@GetMapping("/me/certificates")
	String mine(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String range,
			Model model) {
		LocalDate today = this.certificates.today();
		CertificateForm form = switch ((range != null) ? range : "") {
			case "last-year" -> new CertificateForm(today.minusYears(1).withDayOfYear(1),
					today.minusYears(1).withMonth(12).withDayOfMonth(31));
			case "all" -> new CertificateForm(this.certificates.firstServiceDay(me.id()).orElse(today), today);
			default -> new CertificateForm(today.withDayOfYear(1), today);
		};
		model.addAttribute("certificateForm", form);
		return page(me, model);
	}

	@PostMapping("/me/certificates")
	Object issue(@AuthenticationPrincipal SignedInAccount me,
			@Valid @ModelAttribute("certificateForm") CertificateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				CertificateView issued = this.certificates.issue(me.id(), form.getFrom(), form.getTo());
				redirect.addFlashAttribute("issued", issued.number());
				RedirectView view = new RedirectView("/me/certificates", true);
				view.setStatusCode(HttpStatus.SEE_OTHER);
				return view;
			}
			catch (ServiceRecordException ex) {
				String field = switch (ex.messageKey()) {
					case Certificates.KEY + "invalid.order", Certificates.KEY + "invalid.future" -> "to";
					case Certificates.KEY + "invalid.period" -> "from";
					default -> null;
				};
				if (field != null) {
					errors.rejectValue(field, ex.messageKey(), ex.argumentArray(), ex.messageKey());
				}
				else {
					errors.reject(ex.messageKey(), ex.argumentArray(), ex.messageKey());
				}
			}
		}
		return page(me, model);
	}

	@GetMapping("/me/certificates/{id:\\d+}.pdf")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
		Certificates.Download download = this.certificates.pdf(me.id(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(download.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(download.pdf());
	}

	private String page(SignedInAccount me, Model model) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(me.id());
		model.addAttribute("volunteer", volunteer.orElse(null));
		model.addAttribute("certificates", this.certificates.ofAccount(me.id()));
		model.addAttribute("today", this.certificates.today());
		return VIEW;
	}

}
