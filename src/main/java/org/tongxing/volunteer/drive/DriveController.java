package org.tongxing.volunteer.drive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitRuleViolationException;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.shared.web.BrandingProperties;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.Volunteers;

/**
 * Recruitment drives for unit admins and coordinators: the list, the new-drive form, a
 * drive's page with its link, QR code, poster downloads and live sign-ups. Drives of
 * units outside the account's scope answer 404; creating needs a unit the account
 * manages.
 */
@Controller
@RequestMapping("/drives")
class DriveController {

	/** Sign-ups shown on a drive's page; the count covers all. */
	static final int SIGN_UPS_SHOWN = 200;

	private final RecruitmentDrives drives;

	private final DrivePosters posters;

	private final Units units;

	private final Volunteers volunteers;

	private final MessageSource messages;

	private final BrandingProperties branding;

	private final String baseUrl;

	DriveController(RecruitmentDrives drives, DrivePosters posters, Units units, Volunteers volunteers,
			MessageSource messages, BrandingProperties branding, @Value("${tongxing.base-url}") String baseUrl) {
		this.drives = drives;
		this.posters = posters;
		this.units = units;
		this.volunteers = volunteers;
		this.messages = messages;
		this.branding = branding;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping
	String list(Model model, Locale locale) {
		UnitScope scope = visibleScope();
		model.addAttribute("drives", this.drives.list(scope, locale));
		model.addAttribute("mayCreate", !this.drives.unitsFor(scope).isEmpty());
		model.addAttribute("today", this.volunteers.today());
		return "volunteer/drive/drives";
	}

	@GetMapping("/new")
	String newDrive(Model model) {
		UnitScope scope = creatingScope();
		DriveForm form = new DriveForm();
		form.setStartsOn(this.volunteers.today());
		form.setEndsOn(this.volunteers.today());
		model.addAttribute("driveForm", form);
		return form(model, scope);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("driveForm") DriveForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = creatingScope();
		if (!errors.hasFieldErrors("startsOn") && !errors.hasFieldErrors("endsOn") && form.getStartsOn() != null
				&& form.getEndsOn() != null && form.getEndsOn().isBefore(form.getStartsOn())) {
			errors.rejectValue("endsOn", "drive.validation.endsBeforeStart");
		}
		if (form.getUnitId() != null
				&& this.drives.unitsFor(scope).stream().noneMatch((unit) -> unit.id().value() == form.getUnitId())) {
			errors.rejectValue("unitId", "drive.validation.unit");
		}
		if (!errors.hasErrors()) {
			try {
				long id = this.drives.create(scope, form.getName(), new UnitId(form.getUnitId()), form.getStartsOn(),
						form.getEndsOn());
				redirect.addFlashAttribute("notice", "drive.notice.created");
				return "redirect:/drives/" + id;
			}
			catch (UnitRuleViolationException ex) {
				errors.rejectValue("unitId", ex.messageKey());
			}
		}
		return form(model, scope);
	}

	/** The drive's page, or (for htmx polling) just its sign-ups. */
	@GetMapping("/{id}")
	String drive(@PathVariable long id, Model model, Locale locale, HttpServletRequest request) {
		UnitScope scope = visibleScope();
		DriveView drive = this.drives.get(scope, id, locale);
		model.addAttribute("drive", drive);
		model.addAttribute("link", link(drive));
		model.addAttribute("open", drive.isOpenOn(this.volunteers.today()));
		model.addAttribute("signUps", this.drives.signUps(drive, SIGN_UPS_SHOWN));
		return Htmx.pageOrFragment(request, "volunteer/drive/drive", "signups");
	}

	/** The QR code of the drive's link, for its page. */
	@GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qr(@PathVariable long id, Locale locale) {
		DriveView drive = this.drives.get(visibleScope(), id, locale);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().cachePrivate())
			.contentType(MediaType.IMAGE_PNG)
			.body(DrivePosters.qrPng(link(drive), 8));
	}

	@GetMapping(value = "/{id}/poster.png")
	ResponseEntity<byte[]> posterPng(@PathVariable long id) {
		DriveView drive = this.drives.get(visibleScope(), id, Locale.SIMPLIFIED_CHINESE);
		return download(this.posters.png(poster(drive)), MediaType.IMAGE_PNG, "drive-" + drive.code() + ".png");
	}

	@GetMapping(value = "/{id}/poster.pdf")
	ResponseEntity<byte[]> posterPdf(@PathVariable long id) {
		DriveView drive = this.drives.get(visibleScope(), id, Locale.SIMPLIFIED_CHINESE);
		return download(this.posters.pdf(poster(drive)), MediaType.APPLICATION_PDF, "drive-" + drive.code() + ".pdf");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.contentType(type)
			.body(body);
	}

	/** The poster is always Chinese with an English line, whoever prints it. */
	Poster poster(DriveView drive) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		return new Poster(associationName(drive), drive.name(), drive.unitName(),
				this.messages.getMessage("drive.poster.dates",
						new Object[] { drive.startsOn().toString(), drive.endsOn().toString() }, zh),
				this.messages.getMessage("drive.poster.callToAction", null, zh),
				this.messages.getMessage("drive.poster.callToAction", null, Locale.ENGLISH), link(drive));
	}

	/** The configured name, else the root unit's, else the default of the bundle. */
	private String associationName(DriveView drive) {
		if (!this.branding.name().isBlank()) {
			return this.branding.name();
		}
		UnitScope reader = UnitScope.everything(false);
		return this.units.find(reader, drive.unitId())
			.map((unit) -> unit.isRoot() ? unit : this.units.ancestors(reader, unit).stream().findFirst().orElse(unit))
			.map(UnitView::name)
			.orElseGet(() -> this.messages.getMessage("branding.name", null, Locale.SIMPLIFIED_CHINESE));
	}

	/** The public short link of a drive, on the configured base URL. */
	String link(DriveView drive) {
		return this.baseUrl + "/r/" + drive.code();
	}

	private String form(Model model, UnitScope scope) {
		List<UnitView> choices = this.drives.unitsFor(scope);
		model.addAttribute("units", choices);
		return "volunteer/drive/form";
	}

	/** The current scope; an account that sees no unit has no business here (403). */
	private UnitScope visibleScope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("No units in scope");
		}
		return scope;
	}

	/** The current scope when it manages at least one open unit, else 403. */
	private UnitScope creatingScope() {
		UnitScope scope = visibleScope();
		if (this.drives.unitsFor(scope).isEmpty()) {
			throw new AccessDeniedException("No unit to recruit for");
		}
		return scope;
	}

}
