package org.tongxing.activity.browse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.ActivityVisibility;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.Refusal;
import org.tongxing.activity.SignUpOutcome;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.planning.CampaignView;
import org.tongxing.planning.Plans;
import org.tongxing.shared.web.Htmx;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

/**
 * Volunteers find activities and sign up: {@code /activities} (the list with its filter;
 * htmx loads more cards), {@code /activities/{id}} (an activity with its sessions and
 * positions) and {@code POST /activities/{id}/sign-up} (form field {@code position},
 * repeatable: one position, or one position each of several sessions), which answers 303
 * to the activity's page with a result per position.
 */
@Controller
class BrowseController {

	private final ActivityListing listing;

	private final ActivityPage pages;

	private final ActivityVisibility visibility;

	private final SignUps signUps;

	private final Volunteers volunteers;

	private final Plans plans;

	private final CatalogueNames catalogueNames;

	private final UnitNames unitNames;

	private final BrowseTexts texts;

	private final JdbcClient jdbc;

	private final ZoneId zone;

	BrowseController(ActivityListing listing, ActivityPage pages, ActivityVisibility visibility, SignUps signUps,
			Volunteers volunteers, Plans plans, CatalogueNames catalogueNames, UnitNames unitNames, BrowseTexts texts,
			JdbcClient jdbc, @Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.listing = listing;
		this.pages = pages;
		this.visibility = visibility;
		this.signUps = signUps;
		this.volunteers = volunteers;
		this.plans = plans;
		this.catalogueNames = catalogueNames;
		this.unitNames = unitNames;
		this.texts = texts;
		this.jdbc = jdbc;
		this.zone = zone;
	}

	@GetMapping("/activities")
	String list(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("browseForm") BrowseForm form,
			BindingResult errors, Model model, HttpServletRequest request, Locale locale) {
		// a value that does not parse is shown back with its message and left out
		LocalDate from = errors.hasFieldErrors("from") ? null : form.getFrom();
		LocalDate to = errors.hasFieldErrors("to") ? null : form.getTo();
		if (from != null && to != null && to.isBefore(from)) {
			errors.rejectValue("to", "browse.filter.to-before-from", "browse.filter.to-before-from");
			to = null;
		}
		int page = errors.hasFieldErrors("page") ? 0 : form.getPage();
		Long campaign = errors.hasFieldErrors("campaign") ? null : form.getCampaign();
		Long unit = errors.hasFieldErrors("unit") ? null : form.getUnit();
		String place = errors.hasFieldErrors("place") ? null : form.getPlace();
		Optional<VolunteerView> record = this.volunteers.findByAccount(me.id());
		VolunteerView volunteer = record.orElse(null);
		ActivityListing.Holdings holdings = null;
		if (form.isMatching() && volunteer != null) {
			holdings = new ActivityListing.Holdings(volunteer.skills().keySet(), volunteer.languages().keySet(),
					this.volunteers.qualificationsHeld(volunteer.id(), LocalDate.now(this.zone)));
		}
		ActivityVisibility.Viewer viewer = this.visibility.viewer(me, record);
		ActivityListing.Page found = this.listing.list(viewer,
				new ActivityListing.Query(from, to, campaign, unit, place, form.isOnline(), holdings, page));

		// the filter's choices: only on the full page, not when htmx loads more cards
		ActivityListing.Facets facets = Htmx.isHtmx(request) ? null : this.listing.facets(viewer);
		Set<Long> shownUnits = new HashSet<>();
		found.cards().forEach((card) -> shownUnits.add(card.unitId()));
		if (facets != null) {
			shownUnits.addAll(facets.units());
		}
		Map<Long, String> unitNames = this.unitNames.names(locale, shownUnits);
		Map<Long, String> campaignLabels = new LinkedHashMap<>();
		this.plans.allCampaigns()
			.stream()
			.sorted(Comparator.comparing(CampaignView::year).reversed())
			.forEach((view) -> campaignLabels.put(view.id().value(), view.label()));
		model.addAttribute("page", found);
		model.addAttribute("filtered", errors.hasErrors() || from != null || to != null || campaign != null
				|| unit != null || (place != null && !place.isBlank()) || form.isOnline() || form.isMatching());
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("campaignLabels", campaignLabels);
		model.addAttribute("volunteer", volunteer != null);
		model.addAttribute("nextUrl",
				UriComponentsBuilder.fromPath(request.getRequestURI())
					.query(request.getQueryString())
					.replaceQueryParam("page", found.page() + 1)
					.build()
					.toUriString());
		if (facets != null) {
			Set<Long> unitIds = new HashSet<>(facets.units());
			if (unit != null) {
				unitIds.add(unit);
			}
			model.addAttribute("unitOptions",
					unitIds.stream()
						.filter(unitNames::containsKey)
						.map((id) -> new Option(id, unitNames.get(id)))
						.sorted(Comparator.comparing(Option::label))
						.toList());
			Set<Long> campaignIds = new HashSet<>(facets.campaigns());
			if (campaign != null) {
				campaignIds.add(campaign);
			}
			model.addAttribute("campaignOptions",
					campaignLabels.entrySet()
						.stream()
						.filter((entry) -> campaignIds.contains(entry.getKey()))
						.map((entry) -> new Option(entry.getKey(), entry.getValue()))
						.toList());
		}
		return Htmx.pageOrFragment(request, "activity/browse/list", "more");
	}

	/** A choice of a filter's select. */
	record Option(long id, String label) {
	}

	@GetMapping("/activities/{id:\\d+}")
	String detail(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(name = "page", defaultValue = "0") String page, Model model, Locale locale) {
		int sessionsPage = parsePage(page);
		model.addAttribute("detail", this.pages.detail(me, new ActivityId(id), sessionsPage, locale));
		return "activity/browse/detail";
	}

	@PostMapping("/activities/{id:\\d+}/sign-up")
	RedirectView signUp(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@RequestParam(name = "position", required = false) List<String> positions, RedirectAttributes redirect) {
		ActivityId activity = new ActivityId(id);
		this.pages.visible(me, activity);
		RedirectView back = new RedirectView("/activities/" + id, true);
		back.setStatusCode(HttpStatus.SEE_OTHER);
		Map<Long, Chosen> chosen = chosen(activity, positions);
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("problem", this.texts.message("browse.signup.none-chosen"));
			return back;
		}
		// one position per session: the first one chosen counts
		List<SignUpResult> results = new ArrayList<>();
		Set<Long> sessions = new HashSet<>();
		List<PositionId> toSignUp = new ArrayList<>();
		for (Chosen choice : chosen.values()) {
			if (sessions.add(choice.session())) {
				toSignUp.add(new PositionId(choice.position()));
			}
			else {
				results.add(new SignUpResult("danger", what(choice), this.texts.message("browse.result.refused"),
						List.of(this.texts.message("browse.signup.one-per-session"))));
			}
		}
		CatalogueNames.Names names = null;
		List<SignUpResult> made = new ArrayList<>();
		for (SignUpOutcome outcome : this.signUps.signUpAll(me.id(), toSignUp)) {
			Chosen choice = chosen.get(outcome.position().value());
			if (outcome.isRefused()) {
				if (names == null) {
					names = this.catalogueNames.read(BrowseTexts.locale());
				}
				List<String> reasons = new ArrayList<>();
				for (Refusal refusal : outcome.refusals()) {
					reasons.add(this.texts.refusal(refusal, names));
				}
				made.add(
						new SignUpResult("danger", what(choice), this.texts.message("browse.result.refused"), reasons));
			}
			else {
				made.add(result(choice, outcome));
			}
		}
		made.addAll(results);
		redirect.addFlashAttribute("results", made);
		return back;
	}

	private SignUpResult result(Chosen choice, SignUpOutcome outcome) {
		if (outcome.status() == SignUpStatus.WAITLISTED) {
			long place = this.jdbc.sql("""
					select count(*) from signup w join signup g on g.id = ?
					where w.position_id = g.position_id and w.status = 'WAITLISTED'
					  and (w.waitlisted_at, w.id) <= (g.waitlisted_at, g.id)""")
				.param(outcome.signUp().value())
				.query(Long.class)
				.single();
			return new SignUpResult("warning", what(choice), this.texts.message("browse.result.WAITLISTED", place),
					List.of());
		}
		String kind = (outcome.status() == SignUpStatus.CONFIRMED) ? "success" : "info";
		return new SignUpResult(kind, what(choice), this.texts.message("browse.result." + outcome.status().name()),
				List.of());
	}

	private String what(Chosen choice) {
		return this.texts.message("browse.result.what", choice.name(),
				this.texts.time(choice.startsAt(), choice.zone(), this.zone));
	}

	/** A position chosen on the form, with what its result line names. */
	record Chosen(long position, long session, String name, java.time.Instant startsAt, ZoneId zone) {
	}

	/**
	 * The chosen positions of the activity's sessions, in the order given; ids that do
	 * not parse or belong to another activity are left out.
	 */
	private Map<Long, Chosen> chosen(ActivityId activity, List<String> positions) {
		List<Long> ids = new ArrayList<>();
		if (positions != null) {
			for (String value : positions) {
				try {
					long parsed = Long.parseLong(value.strip());
					if (!ids.contains(parsed)) {
						ids.add(parsed);
					}
				}
				catch (NumberFormatException ex) {
					// not a position of any page: ignore it
				}
			}
		}
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Chosen> found = new HashMap<>();
		this.jdbc.sql("""
				select p.id, p.session_id, p.name, s.starts_at, s.time_zone
				from session_position p join activity_session s on s.id = p.session_id
				where p.id in (:ids) and s.activity_id = :activity""")
			.param("ids", ids)
			.param("activity", activity.value())
			.query((java.sql.ResultSet rs) -> {
				found.put(rs.getLong("id"),
						new Chosen(rs.getLong("id"), rs.getLong("session_id"), rs.getString("name"),
								rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
								ZoneId.of(rs.getString("time_zone"))));
			});
		Map<Long, Chosen> ordered = new LinkedHashMap<>();
		for (Long positionId : ids) {
			if (found.containsKey(positionId)) {
				ordered.put(positionId, found.get(positionId));
			}
		}
		return ordered;
	}

	private static int parsePage(String page) {
		try {
			return Math.max(0, Integer.parseInt(page.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
