package org.tongxing.volunteer.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitNotFoundException;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.shared.web.Htmx;

/**
 * The import pages, for coordinators and unit admins: the upload form with the templates,
 * a job's page (its progress polled by htmx until it ends, then its summary) and its
 * error report. A job of a unit the account does not see answers 404; an account that
 * manages no unit gets 403.
 */
@Controller
@RequestMapping("/volunteers/import")
class ImportController {

	private static final int LATEST_JOBS = 10;

	private static final int ERRORS_ON_PAGE = 50;

	private final Units units;

	private final ImportJobs jobs;

	private final ImportJobRunner runner;

	private final ImportProperties properties;

	private final ImportReports reports;

	ImportController(Units units, ImportJobs jobs, ImportJobRunner runner, ImportProperties properties,
			ImportReports reports) {
		this.units = units;
		this.jobs = jobs;
		this.runner = runner;
		this.properties = properties;
		this.reports = reports;
	}

	@GetMapping
	String form(@ModelAttribute ImportForm importForm, BindingResult binding,
			@RequestParam(name = "tooLarge", required = false) String tooLarge, Model model) {
		UnitScope scope = managingScope();
		if (tooLarge != null) {
			binding.reject("volunteerImport.file.tooLarge",
					new Object[] { this.properties.maxUploadSize().toMegabytes() }, "volunteerImport.file.tooLarge");
		}
		populate(model, scope);
		return "volunteer/import/form";
	}

	@PostMapping
	String upload(@Valid @ModelAttribute ImportForm importForm, BindingResult binding,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInAccount account, Model model) throws IOException {
		UnitScope scope = managingScope();
		UnitView unit = null;
		if (importForm.getUnitId() != null) {
			unit = this.units.get(scope, new UnitId(importForm.getUnitId()));
			scope.requireMayManage(unit);
		}
		if (file == null || file.isEmpty()) {
			binding.reject("volunteerImport.form.file.required");
		}
		else if (file.getSize() > this.properties.maxUploadSize().toBytes()) {
			binding.reject("volunteerImport.file.tooLarge",
					new Object[] { this.properties.maxUploadSize().toMegabytes() }, "volunteerImport.file.tooLarge");
		}
		if (binding.hasErrors()) {
			populate(model, scope);
			return "volunteer/import/form";
		}
		Path stored = this.runner.newWorkFile();
		SpreadsheetReader.Format format;
		try {
			file.transferTo(stored);
			format = SpreadsheetReader.detect(stored);
		}
		catch (ImportFileException ex) {
			Files.deleteIfExists(stored);
			binding.reject(ex.messageKey(), ex.arguments().toArray(), ex.messageKey());
			populate(model, scope);
			return "volunteer/import/form";
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(stored);
			throw ex;
		}
		Locale locale = LocaleContextHolder.getLocale();
		long jobId = this.jobs.create(unit.id().value(), account.id().value(), fileName(file), format,
				importForm.getMode(), locale.toLanguageTag(), this.runner.node());
		try {
			this.runner.submit(jobId, stored, account, scope, locale);
		}
		catch (RejectedExecutionException ex) {
			// the job is recorded as failed (busy); its page says so
		}
		return "redirect:/volunteers/import/" + jobId;
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model, HttpServletRequest request) {
		this.runner.failStale();
		ImportJob job = visibleJob(id);
		model.addAttribute("job", job);
		model.addAttribute("unit", this.units.get(managingScope(), new UnitId(job.unitId())));
		model.addAttribute("errors", job.isFinished() ? this.jobs.firstErrors(id, ERRORS_ON_PAGE) : List.of());
		model.addAttribute("errorsShown", ERRORS_ON_PAGE);
		return Htmx.pageOrFragment(request, "volunteer/import/job", "status");
	}

	@GetMapping("/{id}/errors.csv")
	void errorsCsv(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		ImportJob job = visibleJob(id);
		attachment(response, "text/csv;charset=UTF-8", "import-" + id + "-errors.csv");
		try (OutputStream out = response.getOutputStream()) {
			this.reports.errorsCsv(job, locale, out);
		}
	}

	@GetMapping("/{id}/errors.xlsx")
	void errorsXlsx(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
		ImportJob job = visibleJob(id);
		attachment(response, ImportReports.XLSX, "import-" + id + "-errors.xlsx");
		try (OutputStream out = response.getOutputStream()) {
			this.reports.errorsXlsx(job, locale, out);
		}
	}

	@GetMapping("/template.xlsx")
	void templateXlsx(HttpServletResponse response, Locale locale) throws IOException {
		managingScope();
		attachment(response, ImportReports.XLSX, this.reports.templateName(locale) + ".xlsx");
		try (OutputStream out = response.getOutputStream()) {
			this.reports.templateXlsx(locale, out);
		}
	}

	@GetMapping("/template.csv")
	void templateCsv(HttpServletResponse response, Locale locale) throws IOException {
		managingScope();
		attachment(response, "text/csv;charset=UTF-8", this.reports.templateName(locale) + ".csv");
		try (OutputStream out = response.getOutputStream()) {
			this.reports.templateCsv(locale, out);
		}
	}

	private void populate(Model model, UnitScope scope) {
		model.addAttribute("targets", this.units.list(scope).stream().filter(scope::mayManage).toList());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("jobs", this.jobs.latest(scope, LATEST_JOBS));
		model.addAttribute("maxUploadMegabytes", this.properties.maxUploadSize().toMegabytes());
		model.addAttribute("maxUploadBytes", this.properties.maxUploadSize().toBytes());
		model.addAttribute("maxRows", this.properties.maxRows());
		model.addAttribute("columns", ImportColumn.values());
	}

	/** A job of a unit the account manages; 404 when it does not see it. */
	private ImportJob visibleJob(long id) {
		UnitScope scope = managingScope();
		ImportJob job = this.jobs.find(id).orElseThrow(() -> new UnitNotFoundException(new UnitId(-1)));
		UnitView unit = this.units.find(scope, new UnitId(job.unitId()))
			.orElseThrow(() -> new UnitNotFoundException(new UnitId(job.unitId())));
		scope.requireMayManage(unit);
		return job;
	}

	/** The scope of the signed-in account, when it manages at least one unit. */
	private UnitScope managingScope() {
		UnitScope scope = this.units.currentScope();
		if (!scope.coordinator() && (scope.everything() || scope.seesNothing())) {
			throw new AccessDeniedException("Only coordinators and unit admins import volunteers");
		}
		return scope;
	}

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || name.isBlank()) {
			return "upload";
		}
		name = name.replaceAll(".*[/\\\\]", "").strip();
		return (name.length() > 255) ? name.substring(name.length() - 255) : name;
	}

	private static void attachment(HttpServletResponse response, String contentType, String fileName) {
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
					.build()
					.toString());
	}

}
