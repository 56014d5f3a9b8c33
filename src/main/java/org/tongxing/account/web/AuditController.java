package org.tongxing.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.tongxing.shared.web.Htmx;
import org.tongxing.account.domain.AuditEntries;

/**
 * The audit log, read-only: there is deliberately no handler that changes an entry.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 25;

	private final AuditEntries entries;

	AuditController(AuditEntries entries) {
		this.entries = entries;
	}

	@GetMapping("/audit")
	String browse(@ModelAttribute("filter") AuditFilterForm filter, BindingResult result, HttpServletRequest request,
			Model model) {
		// A date that does not parse is shown beside its field and otherwise ignored.
		if (result.hasFieldErrors("from")) {
			filter.setFrom(null);
		}
		if (result.hasFieldErrors("to")) {
			filter.setTo(null);
		}
		Page<AuditEntries.Entry> entries = this.entries.find(filter.filter(),
				PageRequest.of(filter.getPage(), PAGE_SIZE));
		model.addAttribute("entries", entries);
		model.addAttribute("pages", PageLinks.of(request, entries));
		model.addAttribute("entityTypes", this.entries.entityTypes());
		model.addAttribute("actions", this.entries.actions());
		return Htmx.pageOrFragment(request, "account/audit", "rows");
	}

}
