package org.tongxing.servicerecord.records;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.SessionId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.shared.web.Htmx;

/**
 * A session's service records for its organisers: confirm one or all pending ones, reject
 * one with a reason, set a pending one's hours with a note. Every change answers with the
 * refreshed records: their fragment for htmx, otherwise the page (after a redirect when
 * it worked). A refusal of the ledger (already decided, ...) is a message on the page; a
 * scope that may not decide is refused (403).
 */
@Controller
@RequestMapping("/sessions/{id}/records")
class SessionRecordsController {

	static final String VIEW = "servicerecord/records/session";

	private final SessionRecords pages;

	private final ServiceRecords records;

	private final Units units;

	SessionRecordsController(SessionRecords pages, ServiceRecords records, Units units) {
		this.pages = pages;
		this.records = records;
		this.units = units;
	}

	@GetMapping
	String records(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request) {
		return show(scope(me), id, model, request);
	}

	@PostMapping("/confirm-all")
	String confirmAll(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		int[] confirmed = new int[1];
		return change(scope, id, () -> confirmed[0] = this.records.confirmSession(scope, new SessionId(id), me.id()),
				"servicerecord.records.done.confirmed-all", model, request, response, redirect, confirmed);
	}

	@PostMapping("/{entry}/confirm")
	String confirm(@PathVariable long id, @PathVariable long entry, @AuthenticationPrincipal SignedInAccount me,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		long entryId = own(id, entry);
		return change(scope, id, () -> this.records.confirm(scope, entryId, me.id()),
				"servicerecord.records.done.confirmed", model, request, response, redirect, null);
	}

	@PostMapping("/{entry}/reject")
	String reject(@PathVariable long id, @PathVariable long entry, @Valid @ModelAttribute("rejectForm") RejectForm form,
			BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		long entryId = own(id, entry);
		if (errors.hasErrors()) {
			return invalid(scope, id, entryId, "reject", model, request, response);
		}
		return change(scope, id, () -> this.records.reject(scope, entryId, form.getReason(), me.id()),
				"servicerecord.records.done.rejected", model, request, response, redirect, null);
	}

	@PostMapping("/{entry}/adjust")
	String adjust(@PathVariable long id, @PathVariable long entry, @Valid @ModelAttribute("adjustForm") AdjustForm form,
			BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		long entryId = own(id, entry);
		if (errors.hasErrors()) {
			return invalid(scope, id, entryId, "adjust", model, request, response);
		}
		return change(scope, id, () -> this.records.adjust(scope, entryId, form.hoursValue(), form.getNote(), me.id()),
				"servicerecord.records.done.adjusted", model, request, response, redirect, null);
	}

	/** The core's not-found has no HTTP status of its own. */
	@ExceptionHandler(ServiceRecordNotFoundException.class)
	void notFound(HttpServletResponse response) throws java.io.IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	// --- helpers

	private UnitScope scope(SignedInAccount me) {
		return this.units.scopeOf(me);
	}

	/** The entry, when it is one of this session's (404 otherwise). */
	private long own(long session, long entry) {
		EntryView found = this.records.get(entry);
		if (found.session() == null || found.session().value() != session) {
			throw new ServiceRecordNotFoundException("service entry", entry);
		}
		return entry;
	}

	private String show(UnitScope scope, long id, Model model, HttpServletRequest request) {
		model.addAttribute("page", this.pages.page(scope, new SessionId(id)));
		if (!model.containsAttribute("rejectForm")) {
			model.addAttribute("rejectForm", new RejectForm());
		}
		if (!model.containsAttribute("adjustForm")) {
			model.addAttribute("adjustForm", new AdjustForm());
		}
		model.addAttribute("reasonMax", RejectForm.REASON_MAX);
		model.addAttribute("noteMax", AdjustForm.NOTE_MAX);
		return Htmx.pageOrFragment(request, VIEW, "records");
	}

	private String change(UnitScope scope, long id, Runnable action, String notice, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, int[] count) {
		try {
			action.run();
		}
		catch (ServiceRecordException ex) {
			model.addAttribute("problem", ex.messageKey());
			model.addAttribute("problemArgs", ex.argumentArray());
			// htmx swaps only successful answers: the message must reach the page
			if (!Htmx.isHtmx(request)) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			return show(scope, id, model, request);
		}
		Object[] args = (count != null) ? new Object[] { count[0] } : new Object[0];
		if (Htmx.isHtmx(request)) {
			model.addAttribute("notice", notice);
			model.addAttribute("noticeArgs", args);
			return show(scope, id, model, request);
		}
		redirect.addFlashAttribute("notice", notice);
		redirect.addFlashAttribute("noticeArgs", args);
		return "redirect:/sessions/" + id + "/records";
	}

	private String invalid(UnitScope scope, long id, long entry, String form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("formFor", entry);
		model.addAttribute("formName", form);
		if (!Htmx.isHtmx(request)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return show(scope, id, model, request);
	}

}
