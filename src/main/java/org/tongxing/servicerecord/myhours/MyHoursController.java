package org.tongxing.servicerecord.myhours;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordException;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.StarLevels;
import org.tongxing.servicerecord.myhours.EvidenceFiles.Evidence;
import org.tongxing.servicerecord.myhours.EvidenceFiles.EvidenceRejectedException;
import org.tongxing.servicerecord.myhours.HoursHistory.Group;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The volunteer's side of hours: {@code /me/hours} (totals, the annual duty, the star
 * level, the whole history with the rule behind each entry's hours and the corrections
 * under their originals, by year), {@code /me/hours/{entryId}/correction} (ask for a
 * confirmed entry to be corrected), {@code /me/hours/declare} (hours served outside the
 * platform, with evidence) and {@code /me/hours/files/{id}} (the volunteer's own
 * evidence). Everything acts on the signed-in volunteer's own records: someone else's
 * entry or file is 404, as if there were none.
 */
@Controller
class MyHoursController {

	static final String HOURS_VIEW = "servicerecord/myhours/hours";

	static final String CORRECTION_VIEW = "servicerecord/myhours/correction";

	static final String DECLARE_VIEW = "servicerecord/myhours/declare";

	private final ServiceRecords records;

	private final StarLevels stars;

	private final Volunteers volunteers;

	private final EvidenceFiles files;

	private final HoursDeclarations declarations;

	private final BigDecimal annualDuty;

	private final ZoneId zone;

	MyHoursController(ServiceRecords records, StarLevels stars, Volunteers volunteers, EvidenceFiles files,
			HoursDeclarations declarations,
			@Value("${tongxing.servicerecord.annual-duty-hours:20}") BigDecimal annualDuty,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.records = records;
		this.stars = stars;
		this.volunteers = volunteers;
		this.files = files;
		this.declarations = declarations;
		this.annualDuty = annualDuty;
		this.zone = zone;
	}

	/**
	 * No such entry or file of the signed-in volunteer, or no volunteer record at all.
	 */
	static class NotFoundException extends RuntimeException {

		NotFoundException() {
			super("Not found");
		}

	}

	@ExceptionHandler({ NotFoundException.class, ServiceRecordNotFoundException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ModelAttribute("hoursText")
	HoursSummary.Hours hoursText() {
		return new HoursSummary.Hours();
	}

	// --- history

	@GetMapping("/me/hours")
	String hours(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "year", required = false) Integer year, HttpServletRequest request, Model model) {
		Optional<VolunteerView> found = this.volunteers.findByAccount(me.id());
		if (found.isEmpty()) {
			return "servicerecord/myhours/none";
		}
		VolunteerView volunteer = found.get();
		LocalDate today = LocalDate.now(this.zone);
		List<EntryView> entries = this.records.history(volunteer.id());
		BigDecimal total = this.records.total(volunteer.id());
		int thisYear = today.getYear();
		model.addAttribute("summary",
				new HoursSummary(total, thisYear, yearTotal(volunteer, thisYear), this.annualDuty,
						this.stars.levelFor(total), this.stars.thresholds().size(),
						this.stars.nextThreshold(total).orElse(null), HoursHistory.pendingHours(entries)));
		model.addAttribute("groups", HoursHistory.group(entries, year));
		model.addAttribute("years", HoursHistory.years(entries, thisYear));
		model.addAttribute("year", year);
		model.addAttribute("yearTotal", (year != null) ? yearTotal(volunteer, year) : null);
		model.addAttribute("hasEntries", !entries.isEmpty());
		model.addAttribute("erasedFiles", this.files.erased(volunteer.id()));
		return Htmx.pageOrFragment(request, HOURS_VIEW, "history");
	}

	private BigDecimal yearTotal(VolunteerView volunteer, int year) {
		if (year < 1900 || year > 9999) {
			return BigDecimal.ZERO;
		}
		return this.records.total(volunteer.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	// --- corrections

	@GetMapping("/me/hours/{entryId}/correction")
	String correction(@AuthenticationPrincipal SignedInAccount me, @PathVariable long entryId, Model model) {
		Group group = ownGroup(own(me), entryId);
		model.addAttribute("correctionForm", CorrectionForm.of(this.records.standing(entryId), currentContent(group)));
		return correctionPage(model, group);
	}

	@PostMapping("/me/hours/{entryId}/correction")
	String requestCorrection(@AuthenticationPrincipal SignedInAccount me, @PathVariable long entryId,
			@Valid @ModelAttribute("correctionForm") CorrectionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Group group = ownGroup(own(me), entryId);
		if (!errors.hasErrors()) {
			try {
				this.records.requestCorrection(me.id(), entryId, form.getHours(), form.getContent(), form.getReason());
				redirect.addFlashAttribute("notice", "servicerecord.myhours.notice.correction-requested");
				return "redirect:/me/hours";
			}
			catch (ServiceRecordException ex) {
				reject(errors, ex);
			}
		}
		return correctionPage(model, group);
	}

	private String correctionPage(Model model, Group group) {
		model.addAttribute("group", group);
		model.addAttribute("standing", group.standing());
		return CORRECTION_VIEW;
	}

	// the content as the latest confirmed correction left it
	private static String currentContent(Group group) {
		String content = group.entry().content();
		for (EntryView correction : group.corrections()) {
			if (correction.status() == org.tongxing.servicerecord.EntryStatus.CONFIRMED) {
				content = correction.content();
			}
		}
		return content;
	}

	private Group ownGroup(VolunteerView volunteer, long entryId) {
		List<EntryView> entries = this.records.history(volunteer.id());
		return HoursHistory.group(entries, null)
			.stream()
			.filter((g) -> g.entry().id() == entryId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	// --- declarations

	@GetMapping("/me/hours/declare")
	String declareForm(@AuthenticationPrincipal SignedInAccount me, Model model) {
		own(me);
		model.addAttribute("declarationForm", new DeclarationForm());
		return declarePage(model);
	}

	@PostMapping("/me/hours/declare")
	String declare(@AuthenticationPrincipal SignedInAccount me,
			@Valid @ModelAttribute("declarationForm") DeclarationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) throws IOException {
		VolunteerView volunteer = own(me);
		if (form.getServiceDate() != null && form.getServiceDate().isAfter(LocalDate.now(this.zone))) {
			errors.rejectValue("serviceDate", "servicerecord.invalid.date-in-future");
		}
		MultipartFile evidence = form.getEvidence();
		if (evidence == null || evidence.isEmpty()) {
			errors.rejectValue("evidence", "servicerecord.myhours.evidence.required");
		}
		else if (evidence.getSize() > this.files.maxBytes()) {
			// refused before the content is read
			errors.rejectValue("evidence", "servicerecord.myhours.evidence.too-large",
					new Object[] { this.files.maxMegabytes() }, null);
		}
		if (!errors.hasErrors()) {
			try {
				this.declarations.declare(me.id(), volunteer.id(), form.toDeclaration(), evidence.getOriginalFilename(),
						evidence.getBytes());
				redirect.addFlashAttribute("notice", "servicerecord.myhours.notice.declared");
				return "redirect:/me/hours";
			}
			catch (EvidenceRejectedException ex) {
				errors.rejectValue("evidence", ex.messageKey(), ex.arguments(), null);
			}
			catch (ServiceRecordException ex) {
				reject(errors, ex);
			}
		}
		return declarePage(model);
	}

	private String declarePage(Model model) {
		model.addAttribute("maxEvidenceMegabytes", this.files.maxMegabytes());
		model.addAttribute("today", LocalDate.now(this.zone));
		return DECLARE_VIEW;
	}

	// --- evidence

	/** The volunteer's own evidence, always as a download. */
	@GetMapping("/me/hours/files/{id}")
	ResponseEntity<byte[]> evidence(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id) {
		Evidence file = this.files.find(own(me).id(), id).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(file.content());
	}

	// --- helpers

	private VolunteerView own(SignedInAccount me) {
		return this.volunteers.findByAccount(me.id()).orElseThrow(NotFoundException::new);
	}

	/** The ledger's refusal beside the field it is about, or above the form. */
	private static void reject(BindingResult errors, ServiceRecordException ex) {
		String field = switch (ex.messageKey()) {
			case "servicerecord.invalid.hours" -> "hours";
			case "servicerecord.invalid.reason-needed" -> "reason";
			case "servicerecord.invalid.date-in-future" -> "serviceDate";
			default -> null;
		};
		if (field != null && errors.getTarget() != null && org.springframework.beans.BeanUtils
			.getPropertyDescriptor(errors.getTarget().getClass(), field) != null) {
			errors.rejectValue(field, ex.messageKey(), ex.argumentArray(), null);
		}
		else {
			errors.reject(ex.messageKey(), ex.argumentArray(), null);
		}
	}

}
