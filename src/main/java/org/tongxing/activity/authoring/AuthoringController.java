package org.tongxing.activity.authoring;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityStateException;
import org.tongxing.activity.ActivityStatus;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.InvalidActivityException;
import org.tongxing.activity.SessionView;
import org.tongxing.activity.Visibility;
import org.tongxing.activity.domain.ActivityRules;
import org.tongxing.activity.domain.Descriptions;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Plans;
import org.tongxing.planning.ProposalId;
import org.tongxing.planning.ProposalView;
import org.tongxing.volunteer.FieldProblem;

/**
 * Organisers create and manage activities: the list of the activities of their units, the
 * new and edit forms, the overview with the cover, attachments and status buttons. An
 * activity outside the viewer's scope is 404, one seen but not managed (leadership) 403;
 * an account that sees no unit is told politely that the pages are for organisers.
 */
@Controller
class AuthoringController {

	static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul",
			"Asia/Singapore", "Asia/Bangkok", "Asia/Jakarta", "Asia/Kolkata", "Asia/Dubai", "Asia/Tehran",
			"Asia/Almaty", "Europe/Moscow", "Europe/Istanbul", "Europe/Berlin", "Europe/Paris", "Europe/London",
			"Africa/Cairo", "Africa/Nairobi", "Africa/Johannesburg", "Africa/Lagos", "America/New_York",
			"America/Chicago", "America/Los_Angeles", "America/Sao_Paulo", "America/Mexico_City", "Australia/Sydney",
			"Pacific/Auckland", "UTC");

	private final Activities activities;

	private final ActivityFiles files;

	private final ManagedActivities managed;

	private final Units units;

	private final Plans plans;

	private final MessageSource messages;

	private final ActivityRules rules;

	private final ZoneId associationZone;

	private final Clock clock = Clock.systemUTC();

	AuthoringController(Activities activities, ActivityFiles files, ManagedActivities managed, Units units, Plans plans,
			MessageSource messages, ActivityRules rules,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId associationZone) {
		this.activities = activities;
		this.files = files;
		this.managed = managed;
		this.units = units;
		this.plans = plans;
		this.messages = messages;
		this.rules = rules;
		this.associationZone = associationZone;
	}

	// --- the list

	@GetMapping("/activities/manage")
	String list(@Valid @ModelAttribute("filter") ManageFilterForm filter, BindingResult errors, Model model,
			HttpServletResponse response) {
		UnitScope scope = this.units.currentScope();
		if (scope.seesNothing()) {
			return denied(response);
		}
		filter.dropInvalid(errors);
		List<UnitView> visible = this.units.list(scope);
		model.addAttribute("results", this.managed.search(scope, filter));
		model.addAttribute("unitChoices", visible);
		model.addAttribute("unitNames", names(visible));
		model.addAttribute("campaignsByYear", campaignsByYear());
		model.addAttribute("campaignLabels", campaignLabels());
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("mayCreate", visible.stream().anyMatch(scope::mayManage));
		return "activity/authoring/list";
	}

	// --- create and edit

	@GetMapping("/activities/new")
	String newForm(@RequestParam(name = "campaign", required = false) String campaign,
			@RequestParam(name = "proposal", required = false) String proposal, Model model,
			HttpServletResponse response) {
		UnitScope scope = this.units.currentScope();
		List<UnitView> organisers = organisingUnits(scope);
		if (organisers.isEmpty()) {
			return denied(response);
		}
		ActivityForm form = new ActivityForm();
		form.setTimeZone(this.associationZone.getId());
		if (organisers.size() == 1) {
			form.setUnit(organisers.get(0).id().value());
		}
		parseId(campaign).map(CampaignId::new)
			.flatMap(this.plans::findCampaign)
			.ifPresent((found) -> form.setCampaign(found.id().value()));
		parseId(proposal).map(ProposalId::new)
			.flatMap(this.plans::findProposal)
			.filter((found) -> this.units.canSee(scope, found.unit()))
			.ifPresent((found) -> prefill(form, found));
		if (form.getUnit() != null) {
			zoneOf(new UnitId(form.getUnit())).ifPresent(form::setTimeZone);
		}
		model.addAttribute("activityForm", form);
		return form(model, scope, null);
	}

	@PostMapping("/activities/new")
	String create(@Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult errors,
			@AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		UnitScope scope = this.units.currentScope();
		if (organisingUnits(scope).isEmpty()) {
			return denied(response);
		}
		ProposalView proposal = (form.getProposal() != null)
				? this.plans.findProposal(new ProposalId(form.getProposal()))
					.filter((found) -> this.units.canSee(scope, found.unit()))
					.orElse(null)
				: null;
		if (proposal == null) {
			form.setProposal(null);
		}
		checkAll(form, errors);
		if (!errors.hasErrors()) {
			try {
				ActivityId id = (proposal != null)
						? this.activities.createFromProposal(scope, form.toDetails(), proposal.id().value(), me.id())
						: this.activities.create(scope, form.toDetails(), me.id());
				redirect.addFlashAttribute("notice", "authoring.notice.created");
				return "redirect:/activities/" + id + "/manage";
			}
			catch (InvalidActivityException ex) {
				reject(errors, ex);
			}
		}
		return reshow(form, model, scope, null);
	}

	@GetMapping("/activities/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		UnitScope scope = this.units.currentScope();
		ActivityView activity = this.activities.manage(scope, new ActivityId(id));
		model.addAttribute("activityForm", ActivityForm.of(activity));
		return form(model, scope, activity);
	}

	@PostMapping("/activities/{id}/edit")
	String edit(@PathVariable long id, @Valid @ModelAttribute("activityForm") ActivityForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		UnitScope scope = this.units.currentScope();
		ActivityView activity = this.activities.manage(scope, new ActivityId(id));
		checkAll(form, errors);
		if (!errors.hasErrors()) {
			try {
				this.activities.update(scope, activity.id(), form.toDetails());
				redirect.addFlashAttribute("notice", "authoring.notice.saved");
				return "redirect:/activities/" + id + "/manage";
			}
			catch (InvalidActivityException ex) {
				reject(errors, ex);
			}
			catch (ActivityStateException ex) {
				model.addAttribute("problem", message(ex, locale));
			}
		}
		return reshow(form, model, scope, activity);
	}

	// --- the overview and status

	@GetMapping("/activities/{id}/manage")
	String manage(@PathVariable long id, Model model) {
		UnitScope scope = this.units.currentScope();
		ActivityView activity = this.activities.manage(scope, new ActivityId(id));
		List<SessionView> sessions = this.activities.sessions(activity.id());
		Instant now = this.clock.instant();
		List<SessionView> upcoming = sessions.stream()
			.filter((session) -> !session.cancelled() && session.endsAt().isAfter(now))
			.toList();
		model.addAttribute("activity", activity);
		model.addAttribute("unitName", unitName(activity.unit()));
		model.addAttribute("coOrganiserNames",
				activity.coOrganisers().stream().map(this::unitName).sorted().collect(Collectors.toList()));
		model.addAttribute("visibilityUnitName",
				(activity.visibilityUnit() != null) ? unitName(activity.visibilityUnit()) : null);
		model.addAttribute("campaign",
				(activity.campaign() != null) ? this.plans.findCampaign(activity.campaign()).orElse(null) : null);
		model.addAttribute("attachments", this.files.attachments(activity.id()));
		model.addAttribute("scheduledCount", sessions.stream().filter((session) -> !session.cancelled()).count());
		model.addAttribute("cancelledCount", sessions.stream().filter(SessionView::cancelled).count());
		model.addAttribute("nextSession", upcoming.isEmpty() ? null : upcoming.get(0));
		model.addAttribute("upcoming", upcoming.stream().limit(10).toList());
		model.addAttribute("coverMaxMb", this.files.coverMaxBytes() / (1024 * 1024));
		model.addAttribute("attachmentMaxMb", this.files.attachmentMaxBytes() / (1024 * 1024));
		ActivityStatus status = activity.status();
		model.addAttribute("mayEdit", status != ActivityStatus.ARCHIVED);
		model.addAttribute("mayPublish", status == ActivityStatus.DRAFT);
		model.addAttribute("mayComplete", status == ActivityStatus.PUBLISHED);
		model.addAttribute("mayCancel", status == ActivityStatus.DRAFT || status == ActivityStatus.PUBLISHED);
		model.addAttribute("mayArchive", status == ActivityStatus.COMPLETED || status == ActivityStatus.CANCELLED);
		return "activity/authoring/manage";
	}

	@PostMapping("/activities/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		UnitScope scope = this.units.currentScope();
		return change(id, redirect, locale, "authoring.notice.published",
				() -> this.activities.publish(scope, new ActivityId(id)));
	}

	@PostMapping("/activities/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(name = "peopleServed", required = false) String peopleServed,
			RedirectAttributes redirect, Locale locale) {
		UnitScope scope = this.units.currentScope();
		Integer served;
		try {
			served = (peopleServed == null || peopleServed.isBlank()) ? null : Integer.valueOf(peopleServed.strip());
		}
		catch (NumberFormatException ex) {
			this.activities.manage(scope, new ActivityId(id));
			redirect.addFlashAttribute("problem", text(locale, "authoring.validation.whole-number"));
			return "redirect:/activities/" + id + "/manage";
		}
		return change(id, redirect, locale, "authoring.notice.completed",
				() -> this.activities.complete(scope, new ActivityId(id), served));
	}

	@PostMapping("/activities/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason,
			RedirectAttributes redirect, Locale locale) {
		UnitScope scope = this.units.currentScope();
		return change(id, redirect, locale, "authoring.notice.cancelled",
				() -> this.activities.cancel(scope, new ActivityId(id), reason));
	}

	@PostMapping("/activities/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		UnitScope scope = this.units.currentScope();
		return change(id, redirect, locale, "authoring.notice.archived",
				() -> this.activities.archive(scope, new ActivityId(id)));
	}

	// --- cover and attachments (changes; downloads are in ActivityFileController)

	@PostMapping("/activities/{id}/cover")
	String uploadCover(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, Locale locale)
			throws IOException {
		UnitScope scope = this.units.currentScope();
		ActivityId activity = new ActivityId(id);
		this.activities.manage(scope, activity);
		return upload(id, redirect, locale, "authoring.notice.cover-set", "coverProblem", file,
				(bytes) -> this.files.setCover(scope, activity, file.getOriginalFilename(), bytes, me.id()));
	}

	@PostMapping("/activities/{id}/cover/remove")
	String removeCover(@PathVariable long id, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		this.files.removeCover(scope, new ActivityId(id));
		redirect.addFlashAttribute("notice", "authoring.notice.cover-removed");
		return "redirect:/activities/" + id + "/manage";
	}

	@PostMapping("/activities/{id}/files")
	String uploadAttachment(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, Locale locale)
			throws IOException {
		UnitScope scope = this.units.currentScope();
		ActivityId activity = new ActivityId(id);
		this.activities.manage(scope, activity);
		return upload(id, redirect, locale, "authoring.notice.attached", "attachmentProblem", file,
				(bytes) -> this.files.attach(scope, activity, file.getOriginalFilename(), bytes, me.id()));
	}

	@PostMapping("/activities/{id}/files/{fileId}/delete")
	String deleteAttachment(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
		UnitScope scope = this.units.currentScope();
		this.files.deleteAttachment(scope, new ActivityId(id), fileId);
		redirect.addFlashAttribute("notice", "authoring.notice.attachment-deleted");
		return "redirect:/activities/" + id + "/manage";
	}

	// --- helpers

	private String upload(long id, RedirectAttributes redirect, Locale locale, String notice, String problemName,
			MultipartFile file, Function<byte[], Long> store) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new UploadRejectedException("authoring.file.empty");
			}
			// the size is checked before the bytes are read into memory
			long max = "coverProblem".equals(problemName) ? this.files.coverMaxBytes()
					: this.files.attachmentMaxBytes();
			if (file.getSize() > max) {
				throw new UploadRejectedException("authoring.file.too-large", max / (1024 * 1024));
			}
			store.apply(file.getBytes());
			redirect.addFlashAttribute("notice", notice);
		}
		catch (UploadRejectedException ex) {
			redirect.addFlashAttribute(problemName,
					this.messages.getMessage(ex.messageKey(), ex.argumentArray(), locale));
		}
		return "redirect:/activities/" + id + "/manage";
	}

	private String change(long id, RedirectAttributes redirect, Locale locale, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ActivityStateException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		catch (InvalidActivityException ex) {
			redirect.addFlashAttribute("problem",
					ex.problems()
						.stream()
						.map((problem) -> text(locale, "authoring.field." + problem.field()) + "："
								+ this.messages.getMessage(problem.messageKey(), problem.argumentArray(), locale))
						.collect(Collectors.joining(" ")));
		}
		return "redirect:/activities/" + id + "/manage";
	}

	private String message(ActivityStateException ex, Locale locale) {
		Object[] arguments = ex.argumentArray().clone();
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] instanceof ActivityStatus status) {
				arguments[i] = text(locale, "activity.status." + status.name());
			}
		}
		return this.messages.getMessage(ex.messageKey(), arguments, ex.messageKey(), locale);
	}

	private String text(Locale locale, String key) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/**
	 * The core's rules on top of the form's own checks, so that one submit shows every
	 * problem at once (a field the form already refused keeps its first message).
	 */
	private void checkAll(ActivityForm form, BindingResult errors) {
		List<FieldProblem> problems = this.rules.check(form.toDetails())
			.stream()
			.filter((problem) -> !errors.hasFieldErrors(problem.field()))
			.toList();
		if (!problems.isEmpty()) {
			reject(errors, new InvalidActivityException(problems));
		}
	}

	private static void reject(BindingResult errors, InvalidActivityException ex) {
		for (FieldProblem problem : ex.problems()) {
			String field = KNOWN_FIELDS.contains(problem.field()) ? problem.field() : null;
			if (field != null) {
				errors.rejectValue(field, problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
			else {
				errors.reject(problem.messageKey(), problem.argumentArray(), problem.messageKey());
			}
		}
	}

	private static final Set<String> KNOWN_FIELDS = Set.of("title", "description", "campaign", "unit", "coOrganisers",
			"online", "address", "onlineUrl", "timeZone", "visibility", "visibilityUnit", "contactName", "contactInfo",
			"beneficiaries", "cancelDeadlineHours");

	private String reshow(ActivityForm form, Model model, UnitScope scope, ActivityView activity) {
		// the editor loads this back: never hand it markup the server would not keep
		form.setDescription(Descriptions.sanitise(form.getDescription()));
		model.addAttribute("hasErrors", true);
		return form(model, scope, activity);
	}

	private String form(Model model, UnitScope scope, ActivityView activity) {
		List<UnitView> all = this.units.list(UnitScope.everything(false));
		List<UnitView> organisers = organisingUnits(scope);
		if (activity != null && organisers.stream().noneMatch((unit) -> unit.id().equals(activity.unit()))) {
			// a closed unit keeps the activities it organised
			organisers = new ArrayList<>(organisers);
			this.units.find(scope, activity.unit()).ifPresent(organisers::add);
		}
		model.addAttribute("activity", activity);
		model.addAttribute("organiserChoices", organisers);
		model.addAttribute("unitChoices", all);
		model.addAttribute("campaignsByYear", campaignsByYear());
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("timeZones", timeZones());
		return "activity/authoring/form";
	}

	private List<UnitView> organisingUnits(UnitScope scope) {
		if (scope.seesNothing()) {
			return List.of();
		}
		return this.units.list(scope).stream().filter(UnitView::isOpen).filter(scope::mayManage).toList();
	}

	private void prefill(ActivityForm form, ProposalView proposal) {
		form.setProposal(proposal.id().value());
		form.setTitle(proposal.title());
		if (proposal.summary() != null && !proposal.summary().isBlank()) {
			form.setDescription("<p>" + HtmlUtils.htmlEscape(proposal.summary()) + "</p>");
		}
		form.setUnit(proposal.unit().value());
		form.setCampaign(proposal.campaign().value());
	}

	private Optional<String> zoneOf(UnitId unit) {
		return this.units.find(UnitScope.everything(false), unit)
			.map(UnitView::timeZone)
			.filter((zone) -> zone != null && !zone.isBlank());
	}

	private Map<Integer, List<CampaignView>> campaignsByYear() {
		Map<Integer, List<CampaignView>> years = new LinkedHashMap<>();
		for (CampaignView campaign : this.plans.allCampaigns()) {
			years.computeIfAbsent(campaign.year(), (year) -> new ArrayList<>()).add(campaign);
		}
		return years;
	}

	private Map<Long, String> campaignLabels() {
		Map<Long, String> labels = new LinkedHashMap<>();
		this.plans.allCampaigns().forEach((campaign) -> labels.put(campaign.id().value(), campaign.label()));
		return labels;
	}

	private Set<String> timeZones() {
		Set<String> zones = new TreeSet<>(COMMON_ZONES);
		zones.add(this.associationZone.getId());
		return zones;
	}

	private static Map<Long, UnitView> names(List<UnitView> units) {
		Map<Long, UnitView> names = new LinkedHashMap<>();
		units.forEach((unit) -> names.put(unit.id().value(), unit));
		return names;
	}

	private String unitName(UnitId id) {
		return this.units.find(UnitScope.everything(false), id).map(UnitView::name).orElse("#" + id);
	}

	private static Optional<Long> parseId(String value) {
		try {
			return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(Long.valueOf(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String denied(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "activity/authoring/denied";
	}

}
