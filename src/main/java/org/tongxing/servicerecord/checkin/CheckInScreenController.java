package org.tongxing.servicerecord.checkin;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.shared.web.Htmx;

/**
 * The organiser's check-in screen of a session, for a projector or a tablet at the door:
 * the QR code and the 6-digit code of the moment (htmx fetches the block again every few
 * seconds, so it rotates by itself), live counts, the last check-ins, and the session's
 * geofence. Organisers of the activity only (404 out of scope, 403 for leadership).
 */
@Controller
@RequestMapping("/sessions/{id}/check-in")
class CheckInScreenController {

	static final String VIEW = "servicerecord/checkin/screen";

	/** Pixels per module: a sharp code on a projector, scaled down on a tablet. */
	static final int QR_CELL = 12;

	private final CheckInScreens screens;

	private final CheckIns checkIns;

	private final Units units;

	private final String baseUrl;

	CheckInScreenController(CheckInScreens screens, CheckIns checkIns, Units units,
			@Value("${tongxing.base-url:}") String baseUrl) {
		this.screens = screens;
		this.checkIns = checkIns;
		this.units = units;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping
	String screen(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		// the code changes: never from a cache
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return show(scope(me), id, model, request);
	}

	/** The QR code of the moment: the absolute link {@code <base>/c/<token>}. */
	@GetMapping(value = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
		CheckInTokens.Rotating code = this.checkIns.currentCode(scope(me), new SessionId(id), Instant.now());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.IMAGE_PNG)
			.body(QrCodes.png(link(code.token()), QR_CELL));
	}

	@PostMapping("/geofence")
	String setGeofence(@PathVariable long id, @Valid @ModelAttribute("geofenceForm") GeofenceForm form,
			BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		if (!errors.hasErrors()) {
			try {
				this.checkIns.setGeofence(scope, new SessionId(id), form.toGeofence(), me.id());
				redirect.addFlashAttribute("notice", "servicerecord.checkin-ui.geofence.saved");
				return "redirect:/sessions/" + id + "/check-in";
			}
			catch (ServiceRecordException ex) {
				errors.rejectValue("radius", ex.messageKey(), ex.argumentArray(), ex.messageKey());
			}
		}
		// show() checks the scope before anything of the form is shown
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(scope, id, model, request);
	}

	@PostMapping("/geofence/remove")
	String removeGeofence(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me,
			RedirectAttributes redirect) {
		this.checkIns.setGeofence(scope(me), new SessionId(id), null, me.id());
		redirect.addFlashAttribute("notice", "servicerecord.checkin-ui.geofence.removed");
		return "redirect:/sessions/" + id + "/check-in";
	}

	private String show(UnitScope scope, long id, Model model, HttpServletRequest request) {
		CheckInScreens.Screen screen = this.screens.screen(scope, new SessionId(id), Instant.now());
		model.addAttribute("screen", screen);
		if (!model.containsAttribute("geofenceForm")) {
			model.addAttribute("geofenceForm", GeofenceForm.of(screen.geofence().orElse(null)));
		}
		model.addAttribute("radiusMin", GeofenceForm.RADIUS_MIN);
		model.addAttribute("radiusMax", GeofenceForm.RADIUS_MAX);
		model.addAttribute("codeUrl", base() + "/check-in");
		return Htmx.pageOrFragment(request, VIEW, "screen");
	}

	private String link(String token) {
		return base() + "/c/" + token;
	}

	/** The configured base URL, or the one the request came to. */
	private String base() {
		return this.baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: this.baseUrl;
	}

	private UnitScope scope(SignedInAccount me) {
		return this.units.scopeOf(me);
	}

}
