package org.tongxing.volunteer.registration;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerStatusException;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Applicants waiting for approval in the admin's subtree, oldest first, and the status
 * changes of a volunteer (approve, reject, suspend, leave, reactivate), which the
 * volunteer's page posts here too with a {@code redirect} back to itself. The registry
 * ({@link Volunteers}) checks the scope (404 outside it, 403 without the right to
 * manage), audits the change and mails the volunteer.
 */
@Controller
class ApplicantsController {

	static final int PAGE_SIZE = 50;

	static final int REASON_MAX = 500;

	private final Volunteers volunteers;

	private final Units units;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final MessageSource messages;

	ApplicantsController(Volunteers volunteers, Units units, JdbcClient jdbc, MessageSource messages,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.volunteers = volunteers;
		this.units = units;
		this.jdbc = jdbc;
		this.messages = messages;
		this.zone = zone;
	}

	/** One applicant as the list shows them: personal data masked. */
	record Applicant(long id, String name, String sex, int age, String idType, String idNumberMasked,
			String phoneMasked, String emailMasked, boolean emailVerified, String unitName, String driveName,
			LocalDateTime registeredAt, boolean guardian, boolean mayManage) {
	}

	@GetMapping("/volunteers/applicants")
	@Transactional(readOnly = true)
	String applicants(@RequestParam(name = "page", defaultValue = "0") int page, Locale locale, Model model) {
		UnitScope scope = visibleScope();
		UnitScope.SqlPredicate inScope = scope.unitIdPredicate("v.unit_id");
		int total = this.jdbc.sql("select count(*) from volunteer v where v.status = 'APPLICANT' and " + inScope.sql())
			.params(inScope.parameters())
			.query(Integer.class)
			.single();
		int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 0), pages - 1);
		Map<String, Object> parameters = new LinkedHashMap<>(inScope.parameters());
		parameters.put("limit", PAGE_SIZE);
		parameters.put("offset", current * PAGE_SIZE);
		LocalDate today = this.volunteers.today();
		boolean english = "en".equals(locale.getLanguage());
		List<Applicant> rows = this.jdbc.sql("""
				select v.id, v.name, v.sex, v.birth_date, v.id_type, v.id_number_masked, v.phone_masked, v.email,
				       v.email_verified_at, v.registered_at, v.guardian_name, u.name as unit_name,
				       u.name_en as unit_name_en, u.path as unit_path, d.name as drive_name
				from volunteer v
				join unit u on u.id = v.unit_id
				left join recruitment_drive d on d.id = v.drive_id
				where v.status = 'APPLICANT' and %s
				order by v.registered_at, v.id
				limit :limit offset :offset""".formatted(inScope.sql())).params(parameters).query((rs, n) -> {
			LocalDate birth = rs.getObject("birth_date", LocalDate.class);
			String unitName = (english && rs.getString("unit_name_en") != null
					&& !rs.getString("unit_name_en").isBlank()) ? rs.getString("unit_name_en")
							: rs.getString("unit_name");
			return new Applicant(rs.getLong("id"), rs.getString("name"), rs.getString("sex"),
					(birth != null) ? java.time.Period.between(birth, today).getYears() : -1, rs.getString("id_type"),
					rs.getString("id_number_masked"), rs.getString("phone_masked"), maskEmail(rs.getString("email")),
					rs.getTimestamp("email_verified_at") != null, unitName, rs.getString("drive_name"),
					localTime(rs.getTimestamp("registered_at")), rs.getString("guardian_name") != null,
					scope.mayManage(rs.getString("unit_path")));
		}).list();
		model.addAttribute("applicants", rows);
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("reasonMax", REASON_MAX);
		return "volunteer/registration/applicants";
	}

	@PostMapping("/volunteers/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(name = "redirect", required = false) String redirect,
			RedirectAttributes flash, Locale locale) {
		VolunteerId volunteer = new VolunteerId(id);
		UnitScope scope = visibleScope();
		VolunteerView before = this.volunteers.get(scope, volunteer);
		try {
			// only an applicant is approved; bringing back a suspended volunteer is
			// "reactivate"
			if (before.status() != VolunteerStatus.APPLICANT) {
				throw new VolunteerStatusException(before.status(), VolunteerStatus.ACTIVE);
			}
			this.volunteers.approve(scope, volunteer);
		}
		catch (VolunteerStatusException ex) {
			return wrongStatus(flash, locale, before, VolunteerStatus.ACTIVE, redirect);
		}
		VolunteerView after = this.volunteers.get(scope, volunteer);
		done(flash, locale, "volunteer.registration.status.approved", after.name(), after.number());
		return back(redirect);
	}

	@PostMapping("/volunteers/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "redirect", required = false) String redirect, RedirectAttributes flash,
			Locale locale) {
		return changeWithReason(id, reason, redirect, flash, locale, VolunteerStatus.REJECTED);
	}

	@PostMapping("/volunteers/{id}/suspend")
	String suspend(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "redirect", required = false) String redirect, RedirectAttributes flash,
			Locale locale) {
		return changeWithReason(id, reason, redirect, flash, locale, VolunteerStatus.SUSPENDED);
	}

	@PostMapping("/volunteers/{id}/leave")
	String leave(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
			@RequestParam(name = "redirect", required = false) String redirect, RedirectAttributes flash,
			Locale locale) {
		return changeWithReason(id, reason, redirect, flash, locale, VolunteerStatus.LEFT);
	}

	@PostMapping("/volunteers/{id}/reactivate")
	String reactivate(@PathVariable long id, @RequestParam(name = "redirect", required = false) String redirect,
			RedirectAttributes flash, Locale locale) {
		VolunteerId volunteer = new VolunteerId(id);
		UnitScope scope = visibleScope();
		VolunteerView before = this.volunteers.get(scope, volunteer);
		try {
			// approving an applicant is a different decision, with its own button
			if (before.status() != VolunteerStatus.SUSPENDED && before.status() != VolunteerStatus.LEFT) {
				throw new VolunteerStatusException(before.status(), VolunteerStatus.ACTIVE);
			}
			this.volunteers.reactivate(scope, volunteer);
		}
		catch (VolunteerStatusException ex) {
			return wrongStatus(flash, locale, before, VolunteerStatus.ACTIVE, redirect);
		}
		done(flash, locale, "volunteer.registration.status.reactivated", before.name());
		return back(redirect);
	}

	private String changeWithReason(long id, String reason, String redirect, RedirectAttributes flash, Locale locale,
			VolunteerStatus target) {
		VolunteerId volunteer = new VolunteerId(id);
		UnitScope scope = visibleScope();
		VolunteerView before = this.volunteers.get(scope, volunteer);
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty()) {
			failed(flash, locale, "volunteer.registration.status.reasonRequired", before.name());
			return back(redirect);
		}
		if (text.length() > REASON_MAX) {
			failed(flash, locale, "volunteer.registration.status.reasonTooLong", before.name(), REASON_MAX);
			return back(redirect);
		}
		try {
			switch (target) {
				case REJECTED -> this.volunteers.reject(scope, volunteer, text);
				case SUSPENDED -> this.volunteers.suspend(scope, volunteer, text);
				case LEFT -> this.volunteers.markLeft(scope, volunteer, text);
				default -> throw new IllegalArgumentException("Not a change with a reason: " + target);
			}
		}
		catch (VolunteerStatusException ex) {
			return wrongStatus(flash, locale, before, target, redirect);
		}
		done(flash, locale, "volunteer.registration.status." + target.name().toLowerCase(Locale.ROOT), before.name());
		return back(redirect);
	}

	private String wrongStatus(RedirectAttributes flash, Locale locale, VolunteerView volunteer, VolunteerStatus target,
			String redirect) {
		failed(flash, locale, "volunteer.registration.status.wrong", volunteer.name(),
				this.messages.getMessage("volunteer.status." + volunteer.status().name(), null, locale),
				this.messages.getMessage("volunteer.status." + target.name(), null, locale));
		return back(redirect);
	}

	private void done(RedirectAttributes flash, Locale locale, String key, Object... arguments) {
		flash.addFlashAttribute("statusDone", this.messages.getMessage(key, arguments, locale));
	}

	private void failed(RedirectAttributes flash, Locale locale, String key, Object... arguments) {
		flash.addFlashAttribute("statusError", this.messages.getMessage(key, arguments, locale));
	}

	/** The current scope; an account that sees no unit has no business here (403). */
	private UnitScope visibleScope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("No units in scope");
		}
		return scope;
	}

	/** Back to a local page of the registry the form named, else to the applicants. */
	static String back(String redirect) {
		if (redirect != null && redirect.startsWith("/volunteers") && !redirect.contains("//")
				&& !redirect.contains("\\") && redirect.chars().noneMatch(Character::isISOControl)) {
			return "redirect:" + redirect;
		}
		return "redirect:/volunteers/applicants";
	}

	private LocalDateTime localTime(Timestamp timestamp) {
		return (timestamp != null) ? LocalDateTime.ofInstant(timestamp.toInstant(), this.zone) : null;
	}

	/**
	 * {@code w***@example.org}: enough to tell two applicants apart, not to write to
	 * them.
	 */
	static String maskEmail(String email) {
		if (email == null) {
			return "";
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

}
