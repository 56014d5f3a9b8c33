package org.tongxing.servicerecord.certificate;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public verification of a certificate: {@code /verify/{code}} (the QR code's link)
 * says whether it is valid or revoked (with the date and the reason) and shows what it
 * states — the masked name, the hours, the period, the issuer, the number and the issue
 * date; never the ID number, the phone or the full name. A certificate of an anonymised
 * volunteer shows a placeholder for the name and says that the holder's personal data
 * were erased ({@link CertificateErasure}). An unknown code answers 404 with a form to
 * type it again; {@code /verify} is that form. Look-ups are limited per remote address
 * ({@link VerifyThrottle}); over the limit the page answers 429.
 */
@Controller
class VerifyController {

	static final String VIEW = "servicerecord/certificate/verify";

	private final Certificates certificates;

	private final VerifyThrottle throttle;

	VerifyController(Certificates certificates, VerifyThrottle throttle) {
		this.certificates = certificates;
		this.throttle = throttle;
	}

	/**
	 * The form's target: the typed code, read in any case with spaces and dashes ignored,
	 * leads to its page. Under {@code /verify/} so that it is public wherever the verify
	 * pages are ({@code find} is never a code: codes have 12 characters).
	 */
	@GetMapping({ "/verify", "/verify/find" })
	Object form(@RequestParam(required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			String normalised = VerificationCodes.normalise(code);
			if (!normalised.isEmpty()) {
				RedirectView view = new RedirectView("/verify/" + normalised, true);
				view.setStatusCode(HttpStatus.SEE_OTHER);
				return view;
			}
			model.addAttribute("malformed", true);
		}
		model.addAttribute("code", (code != null) ? code.strip() : "");
		model.addAttribute("state", "form");
		return VIEW;
	}

	@GetMapping("/verify/{code}")
	String verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("code", code);
		Optional<Duration> wait = this.throttle.lookUp(request.getRemoteAddr());
		if (wait.isPresent()) {
			long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.get().toSeconds() + 1));
			model.addAttribute("state", "throttled");
			model.addAttribute("minutes", minutes);
			return VIEW;
		}
		Optional<CertificateView> found = this.certificates.findByCode(code);
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("state", "not-found");
			return VIEW;
		}
		model.addAttribute("state", found.get().isRevoked() ? "revoked" : "valid");
		model.addAttribute("certificate", found.get());
		return VIEW;
	}

}
