package org.tongxing.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.tongxing.account.SignedInAccount;
import org.tongxing.account.WeakPasswordException;
import org.tongxing.account.domain.PasswordPolicy;
import org.tongxing.account.domain.Passwords;
import org.tongxing.account.domain.WrongPasswordException;
import org.tongxing.account.security.SignedInSession;

@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final Passwords passwords;

	private final SignedInSession session;

	PasswordController(Passwords passwords, SignedInSession session) {
		this.passwords = passwords;
		this.session = session;
	}

	@ModelAttribute("passwordMinLength")
	int passwordMinLength() {
		return PasswordPolicy.MIN_LENGTH;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("form", new PasswordChangeForm());
		model.addAttribute("forced", me.mustChangePassword());
		return "account/password";
	}

	@PostMapping
	String change(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		PasswordErrors.checkRepeat(result, form.getNewPassword(), form.getRepeatPassword());
		if (!result.hasErrors()) {
			try {
				this.passwords.change(me.id(), form.getCurrentPassword(), form.getNewPassword());
			}
			catch (WrongPasswordException ex) {
				result.rejectValue("currentPassword", "account.password.currentWrong");
			}
			catch (WeakPasswordException ex) {
				PasswordErrors.reject(result, "newPassword", ex);
			}
		}
		if (result.hasErrors()) {
			form.forgetPasswords();
			model.addAttribute("forced", me.mustChangePassword());
			return "account/password";
		}
		this.session.refresh(me.id(), request, response);
		return "redirect:/account/password?changed";
	}

}
