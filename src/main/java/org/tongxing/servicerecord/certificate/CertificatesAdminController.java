package org.tongxing.servicerecord.certificate;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordException;

/**
 * The certificates of volunteers in the units an admin manages: {@code /certificates}
 * lists the newest (filtered by part of the number or the name, or by volunteer number);
 * {@code POST /certificates/{id}/revoke} revokes one with a reason, which the public
 * verify page then shows. A reason left out comes back beside its field with the list as
 * it was. Accounts that manage no unit get 403; certificates of units out of scope 404.
 */
@Controller
class CertificatesAdminController {

	static final String VIEW = "servicerecord/certificate/admin";

	static final int LIMIT = 200;

	private final Certificates certificates;

	private final Units units;

	CertificatesAdminController(Certificates certificates, Units units) {
		this.certificates = certificates;
		this.units = units;
	}

	@GetMapping("/certificates")
	String list(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) String q, Model model) {
		model.addAttribute("revokeForm", new RevokeForm());
		return page(scope(me), q, null, model);
	}

	@PostMapping("/certificates/{id:\\d+}/revoke")
	Object revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(required = false) String q, @Valid @ModelAttribute("revokeForm") RevokeForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		if (this.certificates.forAdmin(scope, id).isEmpty()) {
			throw new CertificateNotFoundException(id);
		}
		if (!errors.hasErrors()) {
			try {
				this.certificates.revoke(scope, id, form.getReason(), me.id());
				redirect.addFlashAttribute("revoked", this.certificates.get(id).number());
				String target = UriComponentsBuilder.fromPath("/certificates")
					.queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter((s) -> !s.isBlank()))
					.encode()
					.build()
					.toUriString();
				RedirectView view = new RedirectView(target, true);
				view.setStatusCode(HttpStatus.SEE_OTHER);
				return view;
			}
			catch (ServiceRecordException ex) {
				errors.rejectValue("reason", ex.messageKey(), ex.argumentArray(), ex.messageKey());
			}
		}
		return page(scope, q, id, model);
	}

	private String page(UnitScope scope, String q, Long failed, Model model) {
		List<Certificates.Listed> listed = this.certificates.forAdmins(scope, q, LIMIT);
		if (failed != null && listed.stream().noneMatch((l) -> l.certificate().id() == failed)) {
			// keep the row whose form failed on the page, whatever the filter
			this.certificates.forAdmin(scope, failed).ifPresent((l) -> {
				List<Certificates.Listed> withFailed = new java.util.ArrayList<>(listed);
				withFailed.add(0, l);
				model.addAttribute("listed", withFailed);
			});
		}
		if (!model.containsAttribute("listed")) {
			model.addAttribute("listed", listed);
		}
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("failed", failed);
		model.addAttribute("limit", LIMIT);
		return VIEW;
	}

	private UnitScope scope(SignedInAccount me) {
		UnitScope scope = this.units.scopeOf(me);
		if (scope.seesNothing()) {
			throw new AccessDeniedException("Only admins see certificates");
		}
		return scope;
	}

}
