package org.tongxing.activity.scheduling;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

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

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Approval;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * Position templates of the units in the organiser's scope: list, create, edit, delete. A
 * template of a unit out of scope answers 404; changing one needs a unit the account
 * manages (403).
 */
@Controller
@RequestMapping("/position-templates")
class PositionTemplateController {

	private final PositionTemplates templates;

	private final Units units;

	private final PositionCatalogues catalogues;

	PositionTemplateController(PositionTemplates templates, Units units, PositionCatalogues catalogues) {
		this.templates = templates;
		this.units = units;
		this.catalogues = catalogues;
	}

	@GetMapping
	String list(Model model, Locale locale) {
		UnitScope scope = this.units.currentScope();
		model.addAttribute("templates", this.templates.list(scope));
		model.addAttribute("unitNames",
				this.units.list(scope)
					.stream()
					.collect(Collectors.toMap((unit) -> unit.id(), (unit) -> unit.displayName(locale), (a, b) -> a)));
		model.addAttribute("mayCreate", !this.templates.unitsFor(scope).isEmpty());
		this.catalogues.addTo(model, locale);
		return "activity/scheduling/templates";
	}

	@GetMapping("/new")
	String newTemplate(Model model, Locale locale) {
		PositionForm form = new PositionForm();
		form.setCapacity(1);
		List<UnitView> units = this.templates.unitsFor(this.units.currentScope());
		if (units.size() == 1) {
			form.setUnitId(units.get(0).id().value());
		}
		model.addAttribute("positionForm", form);
		return form(model, locale, null);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("positionForm") PositionForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.templates.create(this.units.currentScope(), unit(form), form.details(),
						(me != null) ? me.id() : null);
				redirect.addFlashAttribute("notice", "scheduling.notice.template-saved");
				return "redirect:/position-templates";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems(), PositionTemplateController::field);
			}
		}
		return form(model, locale, null);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model, Locale locale) {
		PositionTemplateView template = this.templates.get(this.units.currentScope(), id);
		model.addAttribute("positionForm", PositionForm.of(template));
		return form(model, locale, template);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("positionForm") PositionForm form, BindingResult errors,
			Model model, Locale locale, RedirectAttributes redirect) {
		PositionTemplateView template = this.templates.get(this.units.currentScope(), id);
		if (!errors.hasErrors()) {
			try {
				this.templates.update(this.units.currentScope(), id, unit(form), form.details());
				redirect.addFlashAttribute("notice", "scheduling.notice.template-saved");
				return "redirect:/position-templates";
			}
			catch (InvalidActivityException ex) {
				FormErrors.reject(errors, ex.problems(), PositionTemplateController::field);
			}
		}
		return form(model, locale, template);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.templates.delete(this.units.currentScope(), id);
		redirect.addFlashAttribute("notice", "scheduling.notice.template-deleted");
		return "redirect:/position-templates";
	}

	private static UnitId unit(PositionForm form) {
		return (form.getUnitId() != null) ? new UnitId(form.getUnitId()) : null;
	}

	private static String field(String field) {
		return "unit".equals(field) ? "unitId" : field;
	}

	private String form(Model model, Locale locale, PositionTemplateView template) {
		model.addAttribute("template", template);
		model.addAttribute("units", this.templates.unitsFor(this.units.currentScope()));
		model.addAttribute("approvals", Approval.values());
		this.catalogues.addTo(model, locale);
		return "activity/scheduling/template-form";
	}

}
