package org.tongxing.volunteer.registration;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.account.WeakPasswordException;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.DuplicateVolunteerException;
import org.tongxing.volunteer.FieldProblem;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.InvalidVolunteerException;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.Ages;
import org.tongxing.volunteer.drive.DriveView;
import org.tongxing.volunteer.drive.RecruitmentDrives;

/**
 * Public self-registration (mobile-first): the form, optionally bound to a recruitment
 * drive by {@code ?drive=<code>}; the page after it; the email verification link; and a
 * new link for a signed-in volunteer whose email is not verified yet.
 */
@Controller
class RegistrationController {

	private static final Pattern REGION_ZONE = Pattern
		.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/\\-]+");

	static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((zone) -> REGION_ZONE.matcher(zone).matches())
		.sorted()
		.toList();

	private final Volunteers volunteers;

	private final Units units;

	private final SelfRegistrations registrations;

	private final RecruitmentDrives drives;

	private final EmailVerifications verifications;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final int retentionYears;

	private final String privacyContact;

	RegistrationController(Volunteers volunteers, SelfRegistrations registrations, Units units,
			RecruitmentDrives drives, EmailVerifications verifications, JdbcClient jdbc, MessageSource messages,
			@Value("${tongxing.volunteer.retention-years:3}") int retentionYears,
			@Value("${tongxing.volunteer.registration.privacy-contact:${tongxing.mail.from}}") String privacyContact) {
		this.volunteers = volunteers;
		this.registrations = registrations;
		this.units = units;
		this.drives = drives;
		this.verifications = verifications;
		this.jdbc = jdbc;
		this.messages = messages;
		this.retentionYears = retentionYears;
		this.privacyContact = privacyContact;
	}

	/** A choice of a select or a group of checkboxes: its value and its label. */
	record Option(String value, String label) {
	}

	@GetMapping("/register")
	String form(@RequestParam(name = "drive", required = false) String driveCode, Locale locale, Model model) {
		RegistrationForm form = new RegistrationForm();
		Optional<DriveView> drive = openDrive(driveCode, model);
		drive.ifPresent((it) -> {
			form.setDrive(it.code());
			form.setUnit(String.valueOf(it.unitId().value()));
		});
		model.addAttribute("form", form);
		return page(model, drive, locale);
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		Optional<DriveView> drive = openDrive(form.getDrive(), model);
		UnitId unit;
		if (drive.isPresent()) {
			// a drive fixes the unit, whatever the request says
			unit = drive.get().unitId();
			form.setUnit(String.valueOf(unit.value()));
		}
		else {
			form.setDrive(null);
			Long chosen = form.unitNumber();
			unit = (chosen != null) ? new UnitId(chosen) : null;
		}
		if (!result.hasFieldErrors("confirmPassword") && form.getPassword() != null
				&& !form.getPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "volunteer.registration.validation.confirmPassword.mismatch");
		}
		List<FieldProblem> problems = new ArrayList<>();
		VolunteerDetails details = form.details(unit, problems);
		problems.addAll(this.volunteers.check(details));
		if (!form.isNoticeAccepted()) {
			problems.add(FieldProblem.of("noticeAccepted", "volunteer.validation.notice"));
		}
		if (!form.isSensitiveDataAccepted()) {
			problems.add(FieldProblem.of("sensitiveDataAccepted", "volunteer.validation.sensitive"));
		}
		reject(result, problems);
		// too young is not a typing mistake: the page says so first, not only beside the
		// date
		model.addAttribute("tooYoung",
				problems.stream().anyMatch((it) -> "volunteer.validation.birthDate.tooYoung".equals(it.messageKey())));
		if (!result.hasErrors()) {
			try {
				this.registrations.register(new NewVolunteer(details,
						Consents.current(form.isNoticeAccepted(), form.isSensitiveDataAccepted()),
						NewVolunteer.REGISTRATION, drive.map(DriveView::id).orElse(null), form.getPassword(), locale));
				redirect.addFlashAttribute("registeredEmail", details.email().strip());
				return "redirect:/register/done";
			}
			catch (InvalidVolunteerException ex) {
				reject(result, ex.problems());
			}
			catch (DuplicateVolunteerException ex) {
				result.rejectValue(ex.field(), "volunteer.duplicate." + ex.field());
				model.addAttribute("duplicate", ex.field());
			}
			catch (WeakPasswordException ex) {
				Object[] limits = { Accounts.PASSWORD_MIN_LENGTH, Accounts.PASSWORD_MAX_LENGTH };
				ex.violations().forEach((key) -> result.rejectValue("password", key, limits, key));
			}
		}
		model.addAttribute("hasErrors", true);
		return page(model, drive, locale);
	}

	@GetMapping("/register/done")
	String done() {
		return "volunteer/registration/done";
	}

	@GetMapping("/register/verify")
	String verify(@RequestParam(name = "token", required = false) String token, Model model) {
		model.addAttribute("outcome", this.verifications.verify(token));
		return "volunteer/registration/verify";
	}

	@GetMapping("/register/verification")
	String verification(Model model) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(signedIn().id());
		model.addAttribute("volunteer", volunteer.orElse(null));
		return "volunteer/registration/verification";
	}

	@PostMapping("/register/verification")
	String resend(RedirectAttributes redirect) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(signedIn().id());
		if (volunteer.isPresent()) {
			redirect.addFlashAttribute("resend", this.verifications.resend(volunteer.get().id()));
		}
		return "redirect:/register/verification";
	}

	/**
	 * The account signed in. The paths under /register are open to everyone; refusing an
	 * anonymous visitor here makes Spring Security send them to sign in and back.
	 */
	private static SignedInAccount signedIn() {
		return Accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in to verify your email"));
	}

	/**
	 * The drive named by the code when it takes registrations now; otherwise tells the
	 * page why not (for an unknown or closed drive the normal form follows).
	 */
	private Optional<DriveView> openDrive(String code, Model model) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		Optional<DriveView> drive = this.drives.findByCode(code.strip(), Locale.SIMPLIFIED_CHINESE);
		if (drive.isEmpty()) {
			model.addAttribute("driveProblem", "unknown");
			return Optional.empty();
		}
		if (!drive.get().isOpenOn(this.volunteers.today()) || !this.units.isOpen(drive.get().unitId())) {
			model.addAttribute("driveProblem", "closed");
			model.addAttribute("closedDriveName", drive.get().name());
			return Optional.empty();
		}
		return drive;
	}

	private String page(Model model, Optional<DriveView> drive, Locale locale) {
		List<UnitView> open = this.units.list(UnitScope.everything(false)).stream().filter(UnitView::isOpen).toList();
		model.addAttribute("units",
				open.stream()
					.map((unit) -> new Option(String.valueOf(unit.id().value()),
							"\u00a0\u00a0".repeat(unit.depth()) + unit.displayName(locale)))
					.toList());
		drive.ifPresent((it) -> {
			model.addAttribute("drive", it);
			model.addAttribute("driveUnitName",
					open.stream()
						.filter((unit) -> unit.id().equals(it.unitId()))
						.map((unit) -> unit.displayName(locale))
						.findFirst()
						.orElse(""));
		});
		boolean english = "en".equals(locale.getLanguage());
		model.addAttribute("skillOptions", this.jdbc
			.sql("select code, name, name_en from skill where active order by id")
			.query((rs, n) -> new Option(rs.getString("code"),
					(english && rs.getString("name_en") != null) ? rs.getString("name_en") : rs.getString("name")))
			.list());
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("languageOptions", VolunteerCatalogue.LANGUAGES.stream()
			.map((code) -> new Option(code, this.messages.getMessage("volunteer.language." + code, null, code, locale)))
			.toList());
		model.addAttribute("noticeVersion", Consents.CURRENT_NOTICE);
		model.addAttribute("categoryCodes", VolunteerCatalogue.SERVICE_CATEGORIES);
		model.addAttribute("availabilityCodes", VolunteerCatalogue.AVAILABILITY);
		model.addAttribute("skillLevels", levels(VolunteerCatalogue.MAX_SKILL_LEVEL));
		model.addAttribute("languageLevels", levels(VolunteerCatalogue.MAX_LANGUAGE_LEVEL));
		model.addAttribute("timeZones", TIME_ZONES);
		model.addAttribute("retentionYears", this.retentionYears);
		model.addAttribute("privacyContact", this.privacyContact);
		model.addAttribute("passwordMinLength", Accounts.PASSWORD_MIN_LENGTH);
		model.addAttribute("minimumAge", Ages.MINIMUM);
		return "volunteer/registration/register";
	}

	private static List<Integer> levels(int max) {
		List<Integer> levels = new ArrayList<>();
		for (int level = 1; level <= max; level++) {
			levels.add(level);
		}
		return levels;
	}

	/**
	 * Puts each problem beside its field; a field that has a message already (say, an
	 * impossible date) gets no second one.
	 */
	private static void reject(BindingResult result, List<FieldProblem> problems) {
		for (FieldProblem problem : problems) {
			if (!result.hasFieldErrors(problem.field())) {
				result.rejectValue(problem.field(), problem.messageKey(), problem.argumentArray(),
						problem.messageKey());
			}
		}
	}

}
