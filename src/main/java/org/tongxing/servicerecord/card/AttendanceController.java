package org.tongxing.servicerecord.card;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerId;

/**
 * Bulk attendance for a session's organisers: the confirmed sign-ups with their
 * attendance and entry; the selected ones are marked as attended from one time to another
 * ({@link CheckIns#markAttended}); an attendance closed at the session's end (or with
 * wrong times) gets its times set while its entry is still pending
 * ({@link CheckIns#correctTimes}), after which only a correction of the entry changes it.
 * Changes answer with a redirect to the sheet and a notice; problems re-render it with
 * the values kept.
 */
@Controller
class AttendanceController {

	static final String VIEW = "servicerecord/card/attendance";

	private final AttendanceSheets sheets;

	private final CheckIns checkIns;

	private final Units units;

	AttendanceController(AttendanceSheets sheets, CheckIns checkIns, Units units) {
		this.sheets = sheets;
		this.checkIns = checkIns;
		this.units = units;
	}

	@GetMapping("/sessions/{id}/attendance")
	String sheet(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request) {
		AttendancePage page = this.sheets.page(this.units.scopeOf(me), new SessionId(id));
		if (!model.containsAttribute("markForm")) {
			MarkForm form = new MarkForm();
			form.setFrom(page.session().localStart().toLocalDateTime());
			form.setTo(page.session().localEnd().toLocalDateTime());
			model.addAttribute("markForm", form);
		}
		return show(page, model, request);
	}

	@PostMapping("/sessions/{id}/attendance")
	String mark(@PathVariable long id, @Valid @ModelAttribute("markForm") MarkForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = this.units.scopeOf(me);
		SessionId session = new SessionId(id);
		AttendancePage page = this.sheets.page(scope, session);
		ZoneId zone = page.session().zone();
		if (!errors.hasFieldErrors("from") && !errors.hasFieldErrors("to") && form.getTo().isBefore(form.getFrom())) {
			errors.rejectValue("to", "servicerecord.invalid.times", "servicerecord.invalid.times");
		}
		// only the volunteers this sheet offers: others are not the organiser's to mark
		Set<Long> markable = page.rows()
			.stream()
			.filter(AttendanceRow::markable)
			.map(AttendanceRow::volunteerId)
			.collect(Collectors.toSet());
		List<VolunteerId> chosen = form.getVolunteers()
			.stream()
			.distinct()
			.filter(markable::contains)
			.map(VolunteerId::new)
			.toList();
		if (!errors.hasFieldErrors("volunteers") && chosen.isEmpty()) {
			errors.rejectValue("volunteers", "servicerecord.card.attendance.select",
					"servicerecord.card.attendance.select");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(page, model, request);
		}
		int changed;
		try {
			changed = this.checkIns.markAttended(scope, session, chosen, instant(form.getFrom(), zone),
					instant(form.getTo(), zone), me.id());
		}
		catch (ServiceRecordException ex) {
			return problem(scope, session, ex.messageKey(), ex.argumentArray(), model, request, response);
		}
		redirect.addFlashAttribute("notice", "servicerecord.card.attendance.marked");
		redirect.addFlashAttribute("noticeArgs", new Object[] { changed });
		return "redirect:/sessions/" + id + "/attendance";
	}

	@PostMapping("/sessions/{id}/attendance/{attendance}/times")
	String correct(@PathVariable long id, @PathVariable("attendance") long attendanceId,
			@Valid @ModelAttribute("timesForm") TimesForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = this.units.scopeOf(me);
		SessionId session = new SessionId(id);
		AttendancePage page = this.sheets.page(scope, session);
		AttendanceView attendance = this.checkIns.find(attendanceId);
		AttendanceRow row = page.rows()
			.stream()
			.filter((candidate) -> candidate.attendance() != null && candidate.attendance().id() == attendanceId)
			.findFirst()
			// an attendance of another session is not found here
			.orElseThrow(() -> new ServiceRecordNotFoundException("attendance", attendanceId));
		model.addAttribute("timesFor", attendanceId);
		if (row.decided()) {
			return problem(scope, session, "servicerecord.card.attendance.decided", new Object[0], model, request,
					response);
		}
		if (!errors.hasErrors() && form.getCheckedOut().isBefore(form.getCheckedIn())) {
			errors.rejectValue("checkedOut", "servicerecord.invalid.times", "servicerecord.invalid.times");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return sheetWithDefaults(page, model, request);
		}
		ZoneId zone = page.session().zone();
		try {
			this.checkIns.correctTimes(scope, attendance.id(), instant(form.getCheckedIn(), zone),
					instant(form.getCheckedOut(), zone), me.id());
		}
		catch (ServiceRecordException ex) {
			return problem(scope, session, ex.messageKey(), ex.argumentArray(), model, request, response);
		}
		redirect.addFlashAttribute("notice", "servicerecord.card.attendance.corrected");
		redirect.addFlashAttribute("noticeArgs", new Object[] { row.name() });
		return "redirect:/sessions/" + id + "/attendance";
	}

	@ExceptionHandler(ServiceRecordNotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	// --- helpers

	private static Instant instant(LocalDateTime local, ZoneId zone) {
		return local.atZone(zone).toInstant();
	}

	private String problem(UnitScope scope, SessionId session, String key, Object[] args, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("problem", key);
		model.addAttribute("problemArgs", args);
		response.setStatus(HttpStatus.CONFLICT.value());
		return sheetWithDefaults(this.sheets.page(scope, session), model, request);
	}

	private String sheetWithDefaults(AttendancePage page, Model model, HttpServletRequest request) {
		if (!model.containsAttribute("markForm")) {
			MarkForm form = new MarkForm();
			form.setFrom(page.session().localStart().toLocalDateTime());
			form.setTo(page.session().localEnd().toLocalDateTime());
			model.addAttribute("markForm", form);
		}
		return show(page, model, request);
	}

	private String show(AttendancePage page, Model model, HttpServletRequest request) {
		model.addAttribute("page", page);
		if (!model.containsAttribute("timesForm")) {
			model.addAttribute("timesForm", new TimesForm());
		}
		return Htmx.pageOrFragment(request, VIEW, "sheet");
	}

}
