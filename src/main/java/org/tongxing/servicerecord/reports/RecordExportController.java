package org.tongxing.servicerecord.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * The national-fields export of a unit's service records ({@code /records/export}): the
 * form to choose the unit, period and format, and, with a format, the file (xlsx or CSV).
 * For admins of the unit and coordinators; anyone who manages no unit gets 403, a unit
 * out of sight 404.
 */
@Controller
class RecordExportController {

	private final NationalExport export;

	private final Units units;

	RecordExportController(NationalExport export, Units units) {
		this.export = export;
		this.units = units;
	}

	@GetMapping("/records/export")
	String export(@Valid @ModelAttribute("exportForm") ExportForm form, BindingResult errors, Model model,
			HttpServletResponse response) throws IOException {
		UnitScope scope = this.units.currentScope();
		List<UnitView> manageable = this.units.list(scope).stream().filter(scope::mayManage).toList();
		if (manageable.isEmpty()) {
			throw new AccessDeniedException("The export is for unit admins and coordinators");
		}
		LocalDate today = LocalDate.now(this.export.zone());
		if (form.getUnit() == null) {
			form.setUnit(manageable.get(0).id().value());
		}
		if (form.isSubmitted()) {
			for (String field : List.of("from", "to")) {
				if (!errors.hasFieldErrors(field) && (field.equals("from") ? form.getFrom() : form.getTo()) == null) {
					errors.rejectValue(field, "servicerecord.reports.export.invalid.required");
				}
			}
		}
		else {
			if (form.getFrom() == null && !errors.hasFieldErrors("from")) {
				form.setFrom(today.withDayOfYear(1));
			}
			if (form.getTo() == null && !errors.hasFieldErrors("to")) {
				form.setTo(today);
			}
		}
		if (!form.isSubmitted() || errors.hasErrors()) {
			model.addAttribute("units", manageable);
			return "servicerecord/reports/export";
		}
		List<NationalRow> rows = this.export.export(scope, new UnitId(form.getUnit()), form.getFrom(), form.getTo(),
				form.getFormat());
		List<List<Object>> values = rows.stream()
			.map((row) -> NationalColumns.values(row, this.export.zone()))
			.toList();
		String name = "service-records-" + form.getUnit() + "-" + form.getFrom() + "-" + form.getTo() + "."
				+ form.getFormat();
		response.setContentType("csv".equals(form.getFormat()) ? Sheets.CSV : Sheets.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if ("csv".equals(form.getFormat())) {
			Sheets.csv(NationalColumns.HEADERS, values, response.getOutputStream());
		}
		else {
			Sheets.xlsx(List.of(new Sheets.Table("服务记录", NationalColumns.HEADERS, values)), response.getOutputStream());
		}
		response.flushBuffer();
		return null;
	}

}
