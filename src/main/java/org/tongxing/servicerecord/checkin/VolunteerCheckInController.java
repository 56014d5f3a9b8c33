package org.tongxing.servicerecord.checkin;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.SessionView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ScanResult;
import org.tongxing.servicerecord.ServiceRecordException;

/**
 * The volunteer's side of check-in, on a phone: the link in the screen's QR code
 * ({@code /c/<token>}, public, so that a scan by a signed-out phone leads through sign-in
 * and back, still counting as scanned when it was first read), and the page where the
 * 6-digit code is typed. A session with a geofence asks for the location, only after the
 * volunteer agrees, and only then does checkin.js ask the browser for it.
 */
@Controller
class VolunteerCheckInController {

	static final String SCAN = "servicerecord/checkin/scan";

	static final String CODE = "servicerecord/checkin/code";

	static final String RESULT = "servicerecord/checkin/result";

	static final String EXPIRED = "servicerecord/checkin/expired";

	static final String CODE_EXPIRED = "servicerecord.checkin.code-expired";

	static final String CODE_WRONG = "servicerecord.checkin.code-wrong";

	static final String LOCATION_NEEDED = "servicerecord.checkin.location-needed";

	static final String OUTSIDE = "servicerecord.checkin.outside";

	/** Longer than any token the screen shows; such a path is not even looked at. */
	static final int TOKEN_MAX = 200;

	private final CheckIns checkIns;

	private final CheckInPages pages;

	private final FirstScans scans;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	VolunteerCheckInController(CheckIns checkIns, CheckInPages pages, FirstScans scans) {
		this.checkIns = checkIns;
		this.pages = pages;
		this.scans = scans;
	}

	/**
	 * A scan of the screen's QR code. A genuine, fresh code is remembered in the HTTP
	 * session when first seen; a signed-out visitor is sent to sign in and comes back
	 * here.
	 */
	@GetMapping("/c/{token}")
	String scan(@PathVariable String token, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Instant now = Instant.now();
		Optional<SessionView> session = firstSeen(request, token, now)
			.flatMap((scannedAt) -> this.checkIns.sessionOfToken(token, scannedAt));
		if (session.isEmpty()) {
			return expired(model, response);
		}
		if (me == null) {
			this.requestCache.saveRequest(request, response);
			return "redirect:/login";
		}
		model.addAttribute("scanForm", new LocationForm());
		return scanPage(me, token, session.get(), now, model);
	}

	@PostMapping("/c/{token}")
	String scanned(@PathVariable String token, @Valid @ModelAttribute("scanForm") LocationForm form,
			BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (me == null) {
			return "redirect:"
					+ UriComponentsBuilder.fromPath("/c/{token}").buildAndExpand(token).encode().toUriString();
		}
		Instant now = Instant.now();
		Instant scannedAt = (token.length() <= TOKEN_MAX) ? this.scans.scannedAt(request, token, now).orElse(now) : now;
		Optional<SessionView> session = (token.length() <= TOKEN_MAX) ? this.checkIns.sessionOfToken(token, scannedAt)
				: Optional.empty();
		if (session.isEmpty()) {
			return expired(model, response);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return scanPage(me, token, session.get(), now, model);
		}
		try {
			return done(this.checkIns.scanQr(me.id(), token, scannedAt, form.point(), now), model);
		}
		catch (ServiceRecordException ex) {
			if (CODE_EXPIRED.equals(ex.messageKey())) {
				return expired(model, response);
			}
			problem(ex, model, response);
			return scanPage(me, token, session.get(), now, model);
		}
	}

	@GetMapping("/check-in")
	String codePage(Model model) {
		model.addAttribute("codeForm", new CodeForm());
		model.addAttribute("needLocation", false);
		return CODE;
	}

	/**
	 * A typed code. When the session asks for the location and none came, the form comes
	 * back with the consent box and the code kept.
	 */
	@PostMapping("/check-in")
	String enterCode(@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("needLocation", form.isConsent());
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return CODE;
		}
		try {
			return done(this.checkIns.enterCode(me.id(), form.getCode(), form.point(), Instant.now()), model);
		}
		catch (ServiceRecordException ex) {
			if (CODE_WRONG.equals(ex.messageKey())) {
				errors.rejectValue("code", ex.messageKey(), ex.argumentArray(), ex.messageKey());
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return CODE;
			}
			if (LOCATION_NEEDED.equals(ex.messageKey()) || OUTSIDE.equals(ex.messageKey())) {
				model.addAttribute("needLocation", true);
			}
			problem(ex, model, response);
			return CODE;
		}
	}

	// --- helpers

	/**
	 * When the token was first seen here, remembering it now if it is genuine and fresh.
	 */
	private Optional<Instant> firstSeen(HttpServletRequest request, String token, Instant now) {
		if (token.length() > TOKEN_MAX) {
			return Optional.empty();
		}
		Optional<Instant> seen = this.scans.scannedAt(request, token, now);
		if (seen.isEmpty() && this.checkIns.sessionOfToken(token, now).isPresent()) {
			seen = Optional.of(this.scans.remember(request, token, now));
		}
		return seen;
	}

	private String scanPage(SignedInAccount me, String token, SessionView session, Instant now, Model model) {
		model.addAttribute("page", this.pages.scanPage(me.id(), session, now));
		model.addAttribute("token", token);
		return SCAN;
	}

	private String done(ScanResult result, Model model) {
		model.addAttribute("done", this.pages.done(result));
		return RESULT;
	}

	private static String expired(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("problem", CODE_EXPIRED);
		return EXPIRED;
	}

	private static void problem(ServiceRecordException ex, Model model, HttpServletResponse response) {
		model.addAttribute("problem", ex.messageKey());
		model.addAttribute("problemArgs", ex.argumentArray());
		response.setStatus(HttpStatus.CONFLICT.value());
	}

}
