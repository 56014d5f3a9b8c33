package org.tongxing.volunteer.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
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

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.volunteer.domain.PersonalField;
import org.tongxing.volunteer.registry.VolunteerQuery.AgeBand;

/**
 * The registry for admins: the search (the filter lives in the URL), one volunteer's page
 * with masked personal data and audited "show", and the xlsx export. Only unit admins,
 * coordinators and leadership reach it (anyone else: 403); a volunteer outside the
 * viewer's scope is 404 everywhere.
 */
@Controller
@RequestMapping("/volunteers")
class RegistryController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Registry registry;

	private final VolunteerRecords records;

	private final RegistryExport export;

	private final Volunteers volunteers;

	private final Units units;

	private final ZoneId zone;

	RegistryController(Registry registry, VolunteerRecords records, RegistryExport export, Volunteers volunteers,
			Units units, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.registry = registry;
		this.records = records;
		this.export = export;
		this.volunteers = volunteers;
		this.units = units;
		this.zone = zone;
	}

	@GetMapping
	String list(@Valid @ModelAttribute("filter") RegistryFilterForm filter, BindingResult errors, Model model,
			HttpServletRequest request) {
		UnitScope scope = registryScope();
		filter.dropInvalid(errors);
		model.addAttribute("results", this.registry.search(scope, filter));
		model.addAttribute("today", this.volunteers.today());
		model.addAttribute("mayExportUnmasked", RegistryExport.mayExportUnmasked(scope));
		if (Htmx.isHtmx(request)) {
			return "volunteer/registry/list :: results";
		}
		model.addAttribute("unitChoices", this.units.list(scope));
		model.addAttribute("statuses", VolunteerStatus.values());
		model.addAttribute("skills", this.registry.skills());
		model.addAttribute("languages", VolunteerCatalogue.LANGUAGES);
		model.addAttribute("maxSkillLevel", VolunteerCatalogue.MAX_SKILL_LEVEL);
		model.addAttribute("maxLanguageLevel", VolunteerCatalogue.MAX_LANGUAGE_LEVEL);
		model.addAttribute("qualificationTypes", this.registry.qualificationTypes());
		model.addAttribute("countries", this.registry.countries(scope));
		model.addAttribute("ageBands", AgeBand.values());
		model.addAttribute("sorts", VolunteerQuery.Sort.values());
		return "volunteer/registry/list";
	}

	@GetMapping("/{id}")
	String volunteer(@PathVariable long id, Model model) {
		UnitScope scope = registryScope();
		model.addAttribute("page", this.records.page(scope, new VolunteerId(id)));
		model.addAttribute("today", this.volunteers.today());
		return "volunteer/registry/detail";
	}

	/**
	 * One unmasked field, recorded in the audit log by {@link Volunteers#reveal}; 403
	 * unless the viewer manages the volunteer's unit.
	 */
	@PostMapping("/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam PersonalField field, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UnitScope scope = registryScope();
		VolunteerId volunteer = new VolunteerId(id);
		String value = this.volunteers.reveal(scope, volunteer, field);
		// the value must not stay in any cache
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("volunteerId", id);
		model.addAttribute("field", field.name());
		model.addAttribute("value", value);
		return Htmx.pageOrFragment(request, "volunteer/registry/revealed", "value");
	}

	/** The masked export of the filter: every matching row, audited. */
	@GetMapping("/export")
	String exportMasked(@Valid @ModelAttribute("filter") RegistryFilterForm filter, BindingResult errors,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) throws IOException {
		UnitScope scope = registryScope();
		filter.dropInvalid(errors);
		return stream(scope, filter, false, null, locale, response, redirect);
	}

	/** The confirmation step of an unmasked export (coordinators only). */
	@GetMapping("/export/unmasked")
	String confirmUnmasked(@Valid @ModelAttribute("filter") RegistryFilterForm filter, BindingResult errors,
			Model model) {
		UnitScope scope = unmaskedScope();
		filter.dropInvalid(errors);
		model.addAttribute("exportForm", new UnmaskedExportForm());
		model.addAttribute("count", this.registry.search(scope, filter).total());
		return "volunteer/registry/export-unmasked";
	}

	@PostMapping("/export/unmasked")
	String exportUnmasked(@Valid @ModelAttribute("filter") RegistryFilterForm filter, BindingResult filterErrors,
			@Valid @ModelAttribute("exportForm") UnmaskedExportForm form, BindingResult errors, Model model,
			HttpServletResponse response, Locale locale, RedirectAttributes redirect) throws IOException {
		UnitScope scope = unmaskedScope();
		filter.dropInvalid(filterErrors);
		if (errors.hasErrors()) {
			model.addAttribute("count", this.registry.search(scope, filter).total());
			return "volunteer/registry/export-unmasked";
		}
		return stream(scope, filter, true, form.getReason(), locale, response, redirect);
	}

	private String stream(UnitScope scope, RegistryFilterForm filter, boolean unmasked, String reason, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		String name = "volunteers-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(ZonedDateTime.now(this.zone))
				+ (unmasked ? "-unmasked" : "") + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		try {
			this.export.export(scope, filter, unmasked, reason, locale, response.getOutputStream());
			response.flushBuffer();
			return null;
		}
		catch (ExportTooLargeException ex) {
			// nothing was written yet: answer with the list and a message instead
			response.reset();
			redirect.addFlashAttribute("problem", "registry.export.tooLarge");
			redirect.addFlashAttribute("problemArgument", RegistryExport.MAX_ROWS);
			return "redirect:" + filter.link("/volunteers");
		}
	}

	/** The viewer's scope; 403 for accounts that see no unit (plain volunteers). */
	private UnitScope registryScope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("The registry is for unit admins, coordinators and leadership");
		}
		return scope;
	}

	private UnitScope unmaskedScope() {
		UnitScope scope = registryScope();
		if (!RegistryExport.mayExportUnmasked(scope)) {
			throw new AccessDeniedException("Unmasked exports are for coordinators");
		}
		return scope;
	}

}
