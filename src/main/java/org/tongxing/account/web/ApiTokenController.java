package org.tongxing.account.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

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

import org.tongxing.account.AccountProperties;
import org.tongxing.account.SignedInAccount;
import org.tongxing.account.domain.ApiTokens;

/**
 * The signed-in account's personal API tokens. A new token is rendered in the response to
 * the form, not put in the session for a redirect, so that it is never stored anywhere in
 * plain text.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ApiTokens tokens;

	private final ZoneId zone;

	ApiTokenController(ApiTokens tokens, AccountProperties properties) {
		this.tokens = tokens;
		this.zone = properties.timeZone();
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("form", new ApiTokenForm());
		return show(me, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") ApiTokenForm form,
			BindingResult result, Model model) {
		if (!result.hasErrors()) {
			model.addAttribute("created",
					this.tokens.create(me.id(), form.getName(), Instant.now().plus(Duration.ofDays(form.getDays()))));
			model.addAttribute("form", new ApiTokenForm());
		}
		return show(me, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, RedirectAttributes redirect) {
		if (this.tokens.revoke(me.id(), id)) {
			redirect.addFlashAttribute("notice", "account.tokens.revoked");
		}
		return "redirect:/account/tokens";
	}

	private String show(SignedInAccount me, Model model) {
		Instant now = Instant.now();
		model.addAttribute("tokens", this.tokens.of(me.id())
			.stream()
			.map((token) -> new TokenRow(token.id(), token.name(), format(token.createdAt()), format(token.expiresAt()),
					format(token.lastUsedAt()), token.active(now), token.revokedAt() != null))
			.toList());
		return "account/tokens";
	}

	private String format(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : null;
	}

	record TokenRow(long id, String name, String created, String expires, String lastUsed, boolean active,
			boolean revoked) {
	}

}
