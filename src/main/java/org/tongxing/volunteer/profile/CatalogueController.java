package org.tongxing.volunteer.profile;

import jakarta.validation.groups.Default;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;

/**
 * The skill and qualification catalogues, kept by coordinators: {@code /catalogue/skills}
 * and {@code /catalogue/qualifications}. Everyone else gets 403.
 */
@Controller
class CatalogueController {

	private static final String KINDS = "{kind:skills|qualifications}";

	private final Catalogues catalogues;

	private final Units units;

	CatalogueController(Catalogues catalogues, Units units) {
		this.catalogues = catalogues;
		this.units = units;
	}

	@GetMapping("/catalogue/" + KINDS)
	String list(@PathVariable String kind, Model model) {
		coordinator();
		model.addAttribute("entryForm", new CatalogueEntryForm());
		return page(model, kind(kind));
	}

	@PostMapping("/catalogue/" + KINDS)
	String add(@PathVariable String kind,
			@Validated({ Default.class,
					CatalogueEntryForm.New.class }) @ModelAttribute("entryForm") CatalogueEntryForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CatalogueKind catalogue = kind(kind);
		if (!errors.hasErrors()) {
			try {
				this.catalogues.add(scope, catalogue, form.getCode(), form.getName(), form.getNameEn());
				redirect.addFlashAttribute("notice", "profile.catalogue.notice.added");
				return "redirect:/catalogue/" + catalogue.path();
			}
			catch (DuplicateCodeException ex) {
				errors.rejectValue("code", "profile.catalogue.code.taken");
			}
		}
		return page(model, catalogue);
	}

	@GetMapping("/catalogue/" + KINDS + "/{id}")
	String edit(@PathVariable String kind, @PathVariable long id, Model model) {
		coordinator();
		CatalogueKind catalogue = kind(kind);
		CatalogueEntry entry = this.catalogues.find(catalogue, id).orElseThrow(CatalogueEntryNotFoundException::new);
		model.addAttribute("entryForm", CatalogueEntryForm.of(entry));
		return editPage(model, catalogue, entry);
	}

	@PostMapping("/catalogue/" + KINDS + "/{id}")
	String rename(@PathVariable String kind, @PathVariable long id,
			@Validated @ModelAttribute("entryForm") CatalogueEntryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CatalogueKind catalogue = kind(kind);
		CatalogueEntry entry = this.catalogues.find(catalogue, id).orElseThrow(CatalogueEntryNotFoundException::new);
		if (errors.hasErrors()) {
			form.setCode(entry.code());
			return editPage(model, catalogue, entry);
		}
		this.catalogues.rename(scope, catalogue, id, form.getName(), form.getNameEn());
		redirect.addFlashAttribute("notice", "profile.catalogue.notice.renamed");
		return "redirect:/catalogue/" + catalogue.path();
	}

	@PostMapping("/catalogue/" + KINDS + "/{id}/deactivate")
	String deactivate(@PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
		return activate(kind, id, false, redirect);
	}

	@PostMapping("/catalogue/" + KINDS + "/{id}/reactivate")
	String reactivate(@PathVariable String kind, @PathVariable long id, RedirectAttributes redirect) {
		return activate(kind, id, true, redirect);
	}

	private String activate(String kind, long id, boolean active, RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		CatalogueKind catalogue = kind(kind);
		this.catalogues.setActive(scope, catalogue, id, active);
		redirect.addFlashAttribute("notice",
				active ? "profile.catalogue.notice.reactivated" : "profile.catalogue.notice.deactivated");
		return "redirect:/catalogue/" + catalogue.path();
	}

	private String page(Model model, CatalogueKind catalogue) {
		model.addAttribute("kind", catalogue.path());
		model.addAttribute("entries", this.catalogues.list(catalogue));
		return "volunteer/profile/catalogue";
	}

	private String editPage(Model model, CatalogueKind catalogue, CatalogueEntry entry) {
		model.addAttribute("kind", catalogue.path());
		model.addAttribute("entry", entry);
		return "volunteer/profile/catalogue-entry";
	}

	private UnitScope coordinator() {
		UnitScope scope = this.units.currentScope();
		scope.requireCoordinator();
		return scope;
	}

	private static CatalogueKind kind(String path) {
		return CatalogueKind.ofPath(path).orElseThrow(CatalogueEntryNotFoundException::new);
	}

}
