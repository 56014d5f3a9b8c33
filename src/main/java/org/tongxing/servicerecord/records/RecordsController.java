package org.tongxing.servicerecord.records;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.shared.web.Htmx;

/**
 * The admins' queue of pending records of the units they manage, one record with its
 * history and the decision on it, and a self-declaration's evidence (as a download, for
 * admins who may decide the record only).
 */
@Controller
class RecordsController {

	static final String QUEUE = "servicerecord/records/queue";

	static final String ENTRY = "servicerecord/records/entry";

	private final RecordsQueue queue;

	private final ServiceRecords records;

	private final Units units;

	RecordsController(RecordsQueue queue, ServiceRecords records, Units units) {
		this.queue = queue;
		this.records = records;
		this.units = units;
	}

	@GetMapping("/records")
	String queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request) {
		model.addAttribute("queue", this.queue.queue(scope(me), kind(kind), number(unit)));
		model.addAttribute("kinds", EntryKind.values());
		return Htmx.pageOrFragment(request, QUEUE, "rows");
	}

	@GetMapping("/records/{id:\\d+}")
	String entry(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
		return show(scope(me), id, model);
	}

	@PostMapping("/records/{id:\\d+}/confirm")
	String confirm(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		return decide(scope, id, () -> this.records.confirm(scope, id, me.id()), "servicerecord.records.done.confirmed",
				model, response, redirect);
	}

	@PostMapping("/records/{id:\\d+}/reject")
	String reject(@PathVariable long id, @Valid @ModelAttribute("rejectForm") RejectForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UnitScope scope = scope(me);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(scope, id, model);
		}
		return decide(scope, id, () -> this.records.reject(scope, id, form.getReason(), me.id()),
				"servicerecord.records.done.rejected", model, response, redirect);
	}

	@GetMapping("/records/files/{id:\\d+}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
		RecordsQueue.EvidenceFile file = this.queue.evidenceFile(scope(me), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.evidence().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
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

	private String show(UnitScope scope, long id, Model model) {
		model.addAttribute("detail", this.queue.detail(scope, id));
		if (!model.containsAttribute("rejectForm")) {
			model.addAttribute("rejectForm", new RejectForm());
		}
		model.addAttribute("reasonMax", RejectForm.REASON_MAX);
		return ENTRY;
	}

	private String decide(UnitScope scope, long id, Runnable action, String notice, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (ServiceRecordException ex) {
			model.addAttribute("problem", ex.messageKey());
			model.addAttribute("problemArgs", ex.argumentArray());
			response.setStatus(HttpStatus.CONFLICT.value());
			return show(scope, id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/records/" + id;
	}

	private static EntryKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (EntryKind kind : EntryKind.values()) {
			if (kind.name().equals(value)) {
				return kind;
			}
		}
		// an unknown kind in the address shows everything
		return null;
	}

	private static Long number(String value) {
		try {
			return (value == null || value.isBlank()) ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
