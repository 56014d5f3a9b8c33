package org.tongxing.notification.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.notification.domain.NotificationView;
import org.tongxing.notification.domain.Notifications;
import org.tongxing.notification.domain.Preferences;
import org.tongxing.notification.domain.Recipients;
import org.tongxing.shared.web.Htmx;

/**
 * A signed-in account's own notifications ({@code /notifications}), the unread badge for
 * the navigation ({@code /notifications/badge}, an htmx fragment) and the settings
 * ({@code /notifications/settings}). Another account's notification is 404.
 */
@Controller
class NotificationController {

	static final int PAGE_SIZE = 20;

	private final Notifications notifications;

	private final Preferences preferences;

	private final Recipients recipients;

	NotificationController(Notifications notifications, Preferences preferences, Recipients recipients) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.recipients = recipients;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request) {
		long total = this.notifications.count(me.id());
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(0, page), pages - 1);
		List<NotificationView> items = this.notifications.page(me.id(), current, PAGE_SIZE);
		model.addAttribute("items", items);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("unread", this.notifications.unread(me.id()));
		model.addAttribute("myZone", this.recipients.zoneOf(me.id()));
		return Htmx.pageOrFragment(request, "notification/list", "items");
	}

	@GetMapping("/notifications/badge")
	String badge(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("unread", this.notifications.unread(me.id()));
		return "notification/badge :: badge";
	}

	/** Marks one read; with {@code open}, goes on to what it is about. */
	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean open) {
		NotificationView read = this.notifications.markRead(me.id(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (open && read.link() != null && read.link().startsWith("/") && !read.link().startsWith("//")) {
			return "redirect:" + read.link();
		}
		return "redirect:/notifications?page=" + page;
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		this.notifications.markAllRead(me.id());
		redirect.addFlashAttribute("notice", "notification.list.all-read");
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("settingsForm", SettingsForm.of(this.preferences.of(me.id())));
		return settingsPage(me, model);
	}

	@PostMapping("/notifications/settings")
	String save(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("settingsForm") SettingsForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("quietFrom") && !errors.hasFieldErrors("quietTo") && form.isQuietEnabled()
				&& form.getQuietFrom().equals(form.getQuietTo())) {
			errors.rejectValue("quietTo", "notification.settings.invalid.same", "notification.settings.invalid.same");
		}
		if (errors.hasErrors()) {
			return settingsPage(me, model);
		}
		this.preferences.save(me.id(), form.toPreference());
		redirect.addFlashAttribute("notice", "notification.settings.saved");
		return "redirect:/notifications/settings";
	}

	private String settingsPage(SignedInAccount me, Model model) {
		model.addAttribute("myZone", this.recipients.zoneOf(me.id()));
		return "notification/settings";
	}

}
