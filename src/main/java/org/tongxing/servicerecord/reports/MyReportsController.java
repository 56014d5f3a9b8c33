package org.tongxing.servicerecord.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.tongxing.account.SignedInAccount;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecordNotFoundException;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.StarLevels;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * The volunteer's own: the stars fragment ({@code /me/stars}, loaded by htmx into the
 * profile and the card) and the export of their whole history
 * ({@code /me/hours/export.xlsx}, {@code .csv}) with every status and the rule behind
 * each entry's hours. An account without a volunteer record sees no stars and gets 404
 * for the export.
 */
@Controller
class MyReportsController {

	private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final List<String> COLUMNS = List.of("date", "activity", "kind", "status", "hours", "rule", "place",
			"content", "organiser", "recordingUnit", "recordedAt", "id", "corrects", "note");

	private final Volunteers volunteers;

	private final ServiceRecords records;

	private final StarLevels stars;

	private final MessageSource messages;

	private final ZoneId zone;

	MyReportsController(Volunteers volunteers, ServiceRecords records, StarLevels stars, MessageSource messages,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.volunteers = volunteers;
		this.records = records;
		this.stars = stars;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/me/stars")
	String stars(@AuthenticationPrincipal SignedInAccount me, Model model, HttpServletRequest request) {
		Optional<VolunteerView> volunteer = this.volunteers.findByAccount(me.id());
		model.addAttribute("stars", volunteer.map((v) -> summary(this.records.total(v.id()))).orElse(null));
		return Htmx.pageOrFragment(request, "servicerecord/reports/stars", "stars");
	}

	StarSummary summary(BigDecimal total) {
		int level = this.stars.levelFor(total);
		BigDecimal next = this.stars.nextThreshold(total).orElse(null);
		return new StarSummary(level, this.stars.thresholds().size(), total, next,
				(next != null) ? next.subtract(total) : null);
	}

	@GetMapping("/me/hours/export.xlsx")
	void xlsx(@AuthenticationPrincipal SignedInAccount me, Locale locale, HttpServletResponse response)
			throws IOException {
		VolunteerView volunteer = volunteer(me);
		List<List<Object>> rows = rows(volunteer, locale);
		start(response, Sheets.XLSX, volunteer, "xlsx");
		Sheets.xlsx(
				List.of(new Sheets.Table(message("servicerecord.reports.mine.sheet", locale), headers(locale), rows)),
				response.getOutputStream());
		response.flushBuffer();
	}

	@GetMapping("/me/hours/export.csv")
	void csv(@AuthenticationPrincipal SignedInAccount me, Locale locale, HttpServletResponse response)
			throws IOException {
		VolunteerView volunteer = volunteer(me);
		List<List<Object>> rows = rows(volunteer, locale);
		start(response, Sheets.CSV, volunteer, "csv");
		Sheets.csv(headers(locale), rows, response.getOutputStream());
		response.flushBuffer();
	}

	private VolunteerView volunteer(SignedInAccount me) {
		return this.volunteers.findByAccount(me.id())
			.orElseThrow(() -> new ServiceRecordNotFoundException("volunteer of account", me.id().value()));
	}

	private void start(HttpServletResponse response, String type, VolunteerView volunteer, String extension) {
		response.setContentType(type);
		String name = "service-hours-" + ((volunteer.number() != null) ? volunteer.number() : "mine") + "." + extension;
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private List<String> headers(Locale locale) {
		return COLUMNS.stream()
			.map((column) -> message("servicerecord.reports.mine.column." + column, locale))
			.toList();
	}

	private List<List<Object>> rows(VolunteerView volunteer, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (EntryView entry : this.records.history(volunteer.id())) {
			List<Object> row = new ArrayList<>();
			row.add(entry.serviceDate().toString());
			row.add(entry.activityName());
			row.add(message("servicerecord.kind." + entry.kind().name(), locale));
			row.add(message("servicerecord.status." + entry.status().name(), locale));
			row.add(entry.hours().stripTrailingZeros());
			row.add((entry.hoursRule() != null) ? this.messages.getMessage(entry.hoursRule(),
					entry.hoursRuleArgumentArray(), entry.hoursRule(), locale) : null);
			row.add(entry.place());
			row.add(entry.content());
			row.add(entry.organisingUnitName());
			row.add(entry.recordingUnitName());
			row.add((entry.recordedAt() != null) ? RECORDED.format(entry.recordedAt().atZone(this.zone)) : null);
			row.add(String.valueOf(entry.id()));
			row.add((entry.correctsId() != null) ? String.valueOf(entry.correctsId()) : null);
			row.add((entry.reason() != null) ? entry.reason() : entry.decisionNote());
			rows.add(row);
		}
		return rows;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
