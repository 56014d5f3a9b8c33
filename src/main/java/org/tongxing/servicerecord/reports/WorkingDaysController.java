package org.tongxing.servicerecord.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.WorkingCalendar;

/**
 * The working-day calendar ({@code /settings/working-days?year=}), for coordinators only
 * (anyone else: 403): the year's holidays and make-up working days as a list and a month
 * grid, the deadline rule with an example, and adding, changing and removing a day.
 */
@Controller
class WorkingDaysController {

	private final WorkingCalendar calendar;

	private final Units units;

	private final ZoneId zone;

	WorkingDaysController(WorkingCalendar calendar, Units units,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.calendar = calendar;
		this.units = units;
		this.zone = zone;
	}

	@GetMapping("/settings/working-days")
	String page(@RequestParam(required = false) Integer year, Model model) {
		coordinator();
		WorkingDayForm form = new WorkingDayForm();
		model.addAttribute("dayForm", form);
		return show(yearOf(year), model);
	}

	@PostMapping("/settings/working-days")
	String set(@Valid @ModelAttribute("dayForm") WorkingDayForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		if (errors.hasErrors()) {
			int year = (form.getDay() != null) ? yearOf(form.getDay().getYear()) : LocalDate.now(this.zone).getYear();
			return show(year, model);
		}
		this.calendar.set(scope, form.getDay(), form.isWorking(), form.getName().strip());
		redirect.addFlashAttribute("notice", "servicerecord.reports.days.saved");
		redirect.addFlashAttribute("noticeDay", form.getDay().toString());
		return "redirect:/settings/working-days?year=" + form.getDay().getYear();
	}

	@PostMapping("/settings/working-days/remove")
	String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		UnitScope scope = coordinator();
		this.calendar.remove(scope, day);
		redirect.addFlashAttribute("notice", "servicerecord.reports.days.removed");
		redirect.addFlashAttribute("noticeDay", day.toString());
		return "redirect:/settings/working-days?year=" + day.getYear();
	}

	private String show(int year, Model model) {
		List<WorkingCalendar.Exception> exceptions = this.calendar.exceptions(year);
		Map<LocalDate, String> names = new HashMap<>();
		exceptions.forEach((exception) -> names.put(exception.day(), exception.name()));
		LocalDate today = LocalDate.now(this.zone);
		model.addAttribute("year", year);
		model.addAttribute("exceptions", exceptions);
		model.addAttribute("months", MonthGrid.of(year, this.calendar.days(), names));
		model.addAttribute("deadlineDays", this.calendar.deadlineDays());
		model.addAttribute("today", today);
		model.addAttribute("dueToday", this.calendar.dueOn(today));
		return "servicerecord/reports/working-days";
	}

	private UnitScope coordinator() {
		UnitScope scope = this.units.currentScope();
		scope.requireCoordinator();
		return scope;
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

}
