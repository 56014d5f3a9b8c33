package org.tongxing.account.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.shared.web.Htmx;
import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.DuplicateAccountException;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.account.WeakPasswordException;
import org.tongxing.account.domain.AccountAdministration;
import org.tongxing.account.domain.Passwords;
import org.tongxing.account.domain.SelfLockoutException;
import org.tongxing.account.security.AccountSessions;

/**
 * Account administration: coordinators change, leadership reads (enforced in the security
 * configuration by method and path).
 */
@Controller
@RequestMapping("/accounts")
class AccountAdminController {

	static final int PAGE_SIZE = 20;

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final Passwords passwords;

	private final AccountSessions sessions;

	AccountAdminController(Accounts accounts, AccountAdministration administration, Passwords passwords,
			AccountSessions sessions) {
		this.accounts = accounts;
		this.administration = administration;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	@GetMapping
	String list(@RequestParam(name = "q", required = false, defaultValue = "") String query,
			@RequestParam(name = "page", required = false, defaultValue = "0") int page, HttpServletRequest request,
			Model model) {
		Page<AccountView> accounts = this.administration.search(query, PageRequest.of(Math.max(0, page), PAGE_SIZE));
		model.addAttribute("q", query);
		model.addAttribute("accounts", accounts);
		model.addAttribute("pages", PageLinks.of(request, accounts));
		return Htmx.pageOrFragment(request, "account/accounts", "rows");
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewAccountForm());
		model.addAttribute("allRoles", Role.values());
		return "account/account-new";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		boolean hasEmail = form.getEmail() != null && !form.getEmail().isBlank();
		if (form.isInvite() && !hasEmail) {
			result.rejectValue("email", "account.validation.emailForInvitation");
		}
		if (!form.isInvite() && (form.getPassword() == null || form.getPassword().isEmpty())) {
			result.rejectValue("password", "account.validation.required");
		}
		AccountId id = null;
		if (!result.hasErrors()) {
			try {
				id = this.accounts.create(new NewAccount(form.getUsername(), form.getDisplayName(), form.getEmail(),
						form.isInvite() ? null : form.getPassword(), form.getRoles(), false));
			}
			catch (DuplicateAccountException ex) {
				result.rejectValue(ex.field(), "account.validation.duplicate." + ex.field());
			}
			catch (WeakPasswordException ex) {
				PasswordErrors.reject(result, "password", ex);
			}
		}
		if (result.hasErrors()) {
			form.setPassword(null);
			model.addAttribute("allRoles", Role.values());
			return "account/account-new";
		}
		if (form.isInvite()) {
			this.passwords.invite(id, locale);
		}
		redirect.addFlashAttribute("notice", form.isInvite() ? "account.admin.invited" : "account.admin.created");
		return "redirect:/accounts/" + id;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("account", this.administration.get(new AccountId(id)));
		model.addAttribute("allRoles", Role.values());
		return "account/account";
	}

	@PostMapping("/{id}/roles")
	String setRole(@PathVariable long id, @RequestParam Role role, @RequestParam boolean granted,
			@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		try {
			this.administration.setRole(me.id(), new AccountId(id), role, granted);
			if (!granted) {
				// The session keeps the roles of the sign-in; sign out so the revocation
				// holds.
				this.sessions.end(this.administration.get(new AccountId(id)).username());
			}
			redirect.addFlashAttribute("notice", "account.admin.saved");
		}
		catch (SelfLockoutException ex) {
			redirect.addFlashAttribute("problem", "account.admin.selfRole");
		}
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInAccount me,
			RedirectAttributes redirect) {
		try {
			this.administration.setEnabled(me.id(), new AccountId(id), enabled);
			if (!enabled) {
				this.sessions.end(this.administration.get(new AccountId(id)).username());
			}
			redirect.addFlashAttribute("notice", "account.admin.saved");
		}
		catch (SelfLockoutException ex) {
			redirect.addFlashAttribute("problem", "account.admin.selfDisable");
		}
		return "redirect:/accounts/" + id;
	}

}
