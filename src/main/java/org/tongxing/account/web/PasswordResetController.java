package org.tongxing.account.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.tongxing.account.AccountView;
import org.tongxing.account.WeakPasswordException;
import org.tongxing.account.domain.InvalidResetLinkException;
import org.tongxing.account.domain.PasswordPolicy;
import org.tongxing.account.domain.Passwords;

/**
 * Forgotten passwords: asking for a link (the answer never tells whether the account
 * exists) and setting a new password with it.
 */
@Controller
class PasswordResetController {

	private final Passwords passwords;

	PasswordResetController(Passwords passwords) {
		this.passwords = passwords;
	}

	@ModelAttribute("passwordMinLength")
	int passwordMinLength() {
		return PasswordPolicy.MIN_LENGTH;
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		model.addAttribute("form", new ForgotPasswordForm());
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("form") ForgotPasswordForm form, BindingResult result, Locale locale,
			Model model) {
		if (result.hasErrors()) {
			return "account/forgot";
		}
		this.passwords.requestReset(form.getIdentifier(), locale);
		model.addAttribute("sent", true);
		return "account/forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(name = "token", required = false) String token, Model model) {
		PasswordResetForm form = new PasswordResetForm();
		form.setToken(token);
		model.addAttribute("form", form);
		return show(token, model);
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model) {
		PasswordErrors.checkRepeat(result, form.getNewPassword(), form.getRepeatPassword());
		if (!result.hasErrors()) {
			try {
				this.passwords.reset(form.getToken(), form.getNewPassword());
				return "redirect:/login?reset";
			}
			catch (WeakPasswordException ex) {
				PasswordErrors.reject(result, "newPassword", ex);
			}
			catch (InvalidResetLinkException ex) {
				model.addAttribute("invalid", true);
				return "account/reset";
			}
		}
		return show(form.getToken(), model);
	}

	private String show(String token, Model model) {
		Optional<AccountView> account = this.passwords.accountFor(token);
		model.addAttribute("invalid", account.isEmpty());
		account.ifPresent((it) -> model.addAttribute("username", it.username()));
		return "account/reset";
	}

}
