package org.tongxing.organisation.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.AdministeredUnitException;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitRuleViolationException;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.shared.web.BrandingProperties;
import org.tongxing.shared.web.Htmx;

/**
 * The unit pages. Every unit is read through the signed-in account's {@link UnitScope}: a
 * unit outside it answers 404, a change the scope may not make 403 (the rule lives in
 * {@link UnitScope}; the pages show only the actions it allows).
 */
@Controller
@RequestMapping("/units")
class UnitController {

	private static final int CANDIDATES = 10;

	private static final Set<String> TIME_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final Units units;

	private final Accounts accounts;

	private final BrandingProperties branding;

	UnitController(Units units, Accounts accounts, BrandingProperties branding) {
		this.units = units;
		this.accounts = accounts;
		this.branding = branding;
	}

	@GetMapping
	String tree(@RequestParam(name = "q", required = false) String query, Model model, HttpServletRequest request) {
		UnitScope scope = visibleScope();
		model.addAttribute("query", query);
		model.addAttribute("filtering", query != null && !query.isBlank());
		model.addAttribute("roots", UnitTree.of(this.units.list(scope), query));
		return Htmx.pageOrFragment(request, "organisation/units", "tree");
	}

	@GetMapping("/{id}")
	String unit(@PathVariable long id, Model model) {
		UnitScope scope = visibleScope();
		populateUnitPage(model, scope, this.units.get(scope, new UnitId(id)));
		model.addAttribute("appointAdminForm", new AppointAdminForm());
		return "organisation/unit";
	}

	@GetMapping("/new")
	String newUnit(@RequestParam("parent") long parentId, Model model) {
		UnitScope scope = managing(parentId);
		model.addAttribute("unitForm", new UnitForm());
		return unitForm(model, scope, this.units.get(scope, new UnitId(parentId)), null);
	}

	@PostMapping("/new")
	String create(@RequestParam("parent") long parentId, @Valid @ModelAttribute("unitForm") UnitForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = managing(parentId);
		UnitView parent = this.units.get(scope, new UnitId(parentId));
		if (!errors.hasErrors()) {
			try {
				UnitId created = this.units.create(scope, parent.id(), form.toDetails());
				redirect.addFlashAttribute("notice", "organisation.notice.created");
				return "redirect:/units/" + created;
			}
			catch (UnitRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		return unitForm(model, scope, parent, null);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		UnitScope scope = managing(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		model.addAttribute("unitForm", UnitForm.of(unit));
		return unitForm(model, scope, null, unit);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = managing(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		if (!errors.hasErrors()) {
			try {
				this.units.edit(scope, unit.id(), form.toDetails());
				redirect.addFlashAttribute("notice", "organisation.notice.edited");
				return "redirect:/units/" + id;
			}
			catch (UnitRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		return unitForm(model, scope, null, unit);
	}

	@GetMapping("/{id}/move")
	String move(@PathVariable long id, Model model) {
		UnitScope scope = managingBelow(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		MoveForm form = new MoveForm();
		form.setParentId((unit.parentId() != null) ? unit.parentId().value() : null);
		model.addAttribute("moveForm", form);
		return moveForm(model, scope, unit);
	}

	@PostMapping("/{id}/move")
	String moveTo(@PathVariable long id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = managingBelow(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		if (!errors.hasErrors()) {
			try {
				this.units.move(scope, unit.id(), new UnitId(form.getParentId()));
				redirect.addFlashAttribute("notice", "organisation.notice.moved");
				return "redirect:/units/" + id;
			}
			catch (UnitRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		return moveForm(model, scope, unit);
	}

	@GetMapping("/{id}/close")
	String close(@PathVariable long id, Model model) {
		UnitScope scope = managingBelow(id);
		model.addAttribute("unit", this.units.get(scope, new UnitId(id)));
		model.addAttribute("closeForm", new CloseForm());
		return "organisation/close";
	}

	@PostMapping("/{id}/close")
	String closeUnit(@PathVariable long id, @Valid @ModelAttribute("closeForm") CloseForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UnitScope scope = managingBelow(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		if (!errors.hasErrors()) {
			try {
				this.units.close(scope, unit.id(), form.getReason());
				redirect.addFlashAttribute("notice", "organisation.notice.closed");
				return "redirect:/units/" + id;
			}
			catch (UnitRuleViolationException ex) {
				reject(errors, ex);
			}
		}
		model.addAttribute("unit", unit);
		return "organisation/close";
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, RedirectAttributes redirect) {
		UnitScope scope = managingBelow(id);
		try {
			this.units.reopen(scope, new UnitId(id));
			redirect.addFlashAttribute("notice", "organisation.notice.reopened");
		}
		catch (UnitRuleViolationException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/units/" + id;
	}

	@PostMapping("/{id}/admins")
	String appointAdmin(@PathVariable long id, @Valid @ModelAttribute("appointAdminForm") AppointAdminForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UnitScope scope = coordinating(id);
		UnitView unit = this.units.get(scope, new UnitId(id));
		if (!errors.hasErrors()) {
			AccountView account = this.accounts.findByUsername(form.getUsername().trim()).orElse(null);
			if (account == null) {
				errors.rejectValue("username", "organisation.error.noSuchAccount");
			}
			else {
				try {
					this.units.appointAdmin(scope, unit.id(), account.id());
					redirect.addFlashAttribute("notice", "organisation.notice.adminAppointed");
					return "redirect:/units/" + id;
				}
				catch (UnitRuleViolationException ex) {
					reject(errors, ex);
				}
			}
		}
		populateUnitPage(model, scope, unit);
		return "organisation/unit";
	}

	@PostMapping("/{id}/admins/{accountId}/remove")
	String removeAdmin(@PathVariable long id, @PathVariable long accountId, RedirectAttributes redirect) {
		UnitScope scope = coordinating(id);
		this.units.removeAdmin(scope, new UnitId(id), new AccountId(accountId));
		redirect.addFlashAttribute("notice", "organisation.notice.adminRemoved");
		return "redirect:/units/" + id;
	}

	/** Accounts to pick from when appointing an admin (htmx fills the datalist). */
	@GetMapping("/{id}/admins/candidates")
	String candidates(@PathVariable long id, @RequestParam(name = "username", defaultValue = "") String text,
			Model model) {
		UnitScope scope = coordinating(id);
		model.addAttribute("candidates",
				text.isBlank() ? List.<AccountView>of() : this.accounts.search(text, CANDIDATES));
		return "organisation/unit :: candidates";
	}

	private void populateUnitPage(Model model, UnitScope scope, UnitView unit) {
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", this.units.ancestors(scope, unit));
		model.addAttribute("children", this.units.children(scope, unit.id()));
		model.addAttribute("admins", this.units.admins(scope, unit.id()));
		model.addAttribute("counts", this.units.counts(scope, unit.id()));
		model.addAttribute("mayManage", scope.mayManage(unit));
		model.addAttribute("mayManageBelow", scope.mayManageBelow(unit));
		model.addAttribute("mayAppointAdmins", scope.coordinator());
	}

	private String unitForm(Model model, UnitScope scope, UnitView parent, UnitView unit) {
		model.addAttribute("parent", parent);
		model.addAttribute("unit", unit);
		model.addAttribute("types",
				(unit != null && unit.isRoot()) ? new UnitType[] { UnitType.ASSOCIATION } : UnitType.belowRoot());
		model.addAttribute("timeZones", TIME_ZONES);
		return "organisation/form";
	}

	private String moveForm(Model model, UnitScope scope, UnitView unit) {
		model.addAttribute("unit", unit);
		// A unit cannot go under itself, its own descendants, a closed unit or one the
		// account does not manage.
		model.addAttribute("parents",
				this.units.list(scope)
					.stream()
					.filter((candidate) -> !unit.contains(candidate))
					.filter(UnitView::isOpen)
					.filter(scope::mayManage)
					.toList());
		return "organisation/move";
	}

	private static void reject(BindingResult errors, UnitRuleViolationException ex) {
		if (ex.field() != null && errors.getTarget() != null && org.springframework.beans.BeanUtils
			.getPropertyDescriptor(errors.getTarget().getClass(), ex.field()) != null) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
		}
		else {
			errors.reject(ex.messageKey(), ex.arguments(), null);
		}
	}

	/** The current scope; an account that sees no unit has no business here (403). */
	private UnitScope visibleScope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("No units in scope");
		}
		return scope;
	}

	/** 404 when the unit is outside the scope, else 403 unless the scope manages it. */
	private UnitScope managing(long unitId) {
		UnitScope scope = visibleScope();
		scope.requireMayManage(this.units.get(scope, new UnitId(unitId)));
		return scope;
	}

	/**
	 * 404 when the unit is outside the scope, else 403 unless the scope may move, close
	 * or reopen it.
	 */
	private UnitScope managingBelow(long unitId) {
		UnitScope scope = visibleScope();
		scope.requireMayManageBelow(this.units.get(scope, new UnitId(unitId)));
		return scope;
	}

	/** 404 when the unit is outside the scope, else 403 unless a coordinator's. */
	private UnitScope coordinating(long unitId) {
		UnitScope scope = visibleScope();
		this.units.get(scope, new UnitId(unitId));
		scope.requireCoordinator();
		return scope;
	}

	/**
	 * An admin reaching for the unit they administer is told why, not just "403". An
	 * exception handler's model lacks what the layout advice adds, so it is given here;
	 * whoever gets this far sees units.
	 */
	@ExceptionHandler(AdministeredUnitException.class)
	ModelAndView administeredUnit(AdministeredUnitException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("organisation/denied", HttpStatus.FORBIDDEN);
		page.addObject("reason", ex.messageKey());
		page.addObject("branding", this.branding);
		page.addObject("currentPath", request.getRequestURI());
		page.addObject("showUnits", true);
		return page;
	}

}
