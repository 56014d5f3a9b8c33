package org.tongxing.servicerecord.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * The annual duty report ({@code /reports/annual-duty?year=&unit=}) and its xlsx
 * ({@code /reports/annual-duty.xlsx}). Unit admins see the units they manage,
 * coordinators and leadership every unit; anyone else gets 403, a unit out of sight 404.
 */
@Controller
class AnnualDutyController {

	private final AnnualDuty duty;

	private final Units units;

	private final MessageSource messages;

	private final ExportAudit audit;

	private final ZoneId zone;

	AnnualDutyController(AnnualDuty duty, Units units, MessageSource messages, ExportAudit audit,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.duty = duty;
		this.units = units;
		this.messages = messages;
		this.audit = audit;
		this.zone = zone;
	}

	@GetMapping("/reports/annual-duty")
	String report(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit,
			Model model) {
		UnitScope scope = scope();
		List<UnitView> visible = this.units.list(scope);
		AnnualDuty.Report report = this.duty.report(scope, unitOf(visible, unit), yearOf(year));
		model.addAttribute("report", report);
		model.addAttribute("units", visible);
		model.addAttribute("thisYear", LocalDate.now(this.zone).getYear());
		return "servicerecord/reports/annual-duty";
	}

	@GetMapping("/reports/annual-duty.xlsx")
	void xlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit, Locale locale,
			HttpServletResponse response) throws IOException {
		UnitScope scope = scope();
		AnnualDuty.Report report = this.duty.report(scope, unitOf(this.units.list(scope), unit), yearOf(year));
		this.audit.record("annual-duty-export",
				Map.of("unit", report.top().id().value(), "year", report.year(), "rows", report.underCount()));
		List<List<Object>> under = new ArrayList<>();
		List<List<Object>> counts = new ArrayList<>();
		for (AnnualDuty.UnitLines lines : report.units()) {
			String unitName = lines.unit().displayName(locale);
			for (AnnualDuty.Line line : lines.under()) {
				under.add(List.of(unitName, nonNull(line.number()), line.name(), line.hours()));
			}
			counts.add(List.of(unitName, new java.math.BigDecimal(lines.under().size()),
					new java.math.BigDecimal(lines.total())));
		}
		List<String> headers = List.of(message("servicerecord.reports.duty.column.unit", locale),
				message("servicerecord.reports.duty.column.number", locale),
				message("servicerecord.reports.duty.column.name", locale),
				message("servicerecord.reports.duty.column.hours", locale));
		List<String> countHeaders = List.of(message("servicerecord.reports.duty.column.unit", locale),
				message("servicerecord.reports.duty.column.under", locale),
				message("servicerecord.reports.duty.column.total", locale));
		String name = "annual-duty-" + report.year() + "-" + report.top().id().value() + ".xlsx";
		response.setContentType(Sheets.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Sheets.xlsx(List.of(new Sheets.Table(message("servicerecord.reports.duty.sheet.under", locale), headers, under),
				new Sheets.Table(message("servicerecord.reports.duty.sheet.counts", locale), countHeaders, counts)),
				response.getOutputStream());
		response.flushBuffer();
	}

	/** Unit admins, coordinators and leadership; 403 for anyone who sees no unit. */
	private UnitScope scope() {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			throw new AccessDeniedException("The annual duty report is for unit admins, coordinators and leadership");
		}
		return scope;
	}

	/** The chosen unit, or the topmost visible one. */
	private static UnitId unitOf(List<UnitView> visible, Long unit) {
		if (unit != null) {
			return new UnitId(unit);
		}
		if (visible.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return visible.get(0).id();
	}

	private int yearOf(Integer year) {
		if (year == null) {
			return LocalDate.now(this.zone).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return year;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
