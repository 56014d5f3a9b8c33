package org.tongxing.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.tongxing.account.security.SignedInSession;

@Controller
class SignInController {

	/**
	 * The sign-in page. After a throttled attempt, {@code throttled} holds the seconds to
	 * wait; anything but a number there is ignored.
	 */
	@GetMapping("/login")
	String signIn(@RequestParam(name = "throttled", required = false) String throttled, HttpServletRequest request,
			Model model) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SignedInSession.LAST_USERNAME) instanceof String username) {
			model.addAttribute("username", username);
		}
		if (throttled != null && throttled.matches("\\d{1,7}")) {
			model.addAttribute("retryAfter", Long.parseLong(throttled));
		}
		return "account/login";
	}

}
