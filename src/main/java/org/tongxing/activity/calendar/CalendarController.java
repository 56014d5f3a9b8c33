package org.tongxing.activity.calendar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityView;
import org.tongxing.activity.ActivityVisibility;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SessionView;
import org.tongxing.volunteer.Volunteers;

/**
 * The calendar pages: the account's feed page ({@code /me/calendar}) with its URL, how to
 * subscribe and regeneration; the feed itself ({@code /calendar/<token>.ics}, public: the
 * secret token is the credential, since calendar apps cannot sign in); and one session as
 * an {@code .ics} download for anyone who sees its activity (else 404).
 */
@Controller
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	/** Calendar apps refetch on their own schedule; this only spares repeated fetches. */
	private static final CacheControl FEED_CACHE = CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate();

	private final CalendarFeeds feeds;

	private final Activities activities;

	private final ActivityVisibility visibility;

	private final Volunteers volunteers;

	CalendarController(CalendarFeeds feeds, Activities activities, ActivityVisibility visibility,
			Volunteers volunteers) {
		this.feeds = feeds;
		this.activities = activities;
		this.visibility = visibility;
		this.volunteers = volunteers;
	}

	@GetMapping("/me/calendar")
	String page(@AuthenticationPrincipal SignedInAccount me, Model model) {
		String url = this.feeds.url(this.feeds.tokenOf(me.id()));
		String webcal = url.replaceFirst("^https?://", "webcal://");
		model.addAttribute("feedUrl", url);
		model.addAttribute("webcalUrl", webcal);
		model.addAttribute("googleUrl",
				"https://calendar.google.com/calendar/r?cid=" + URLEncoder.encode(webcal, StandardCharsets.UTF_8));
		model.addAttribute("volunteer", this.volunteers.findByAccount(me.id()).isPresent());
		model.addAttribute("pastDays", this.feeds.pastDays());
		return "activity/calendar/calendar";
	}

	@PostMapping("/me/calendar/regenerate")
	String regenerate(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
		this.feeds.regenerate(me.id());
		redirect.addFlashAttribute("notice", "calendar.notice.regenerated");
		return "redirect:/me/calendar";
	}

	/**
	 * The feed. An unknown token answers a bare 404 (no page that could echo it, nothing
	 * logged).
	 */
	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<byte[]> feed(@PathVariable String token) {
		Optional<String> feed = this.feeds.feed(token, Instant.now());
		if (feed.isEmpty()) {
			return ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build();
		}
		byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
		// with the ETag set, a matching If-None-Match is answered 304 by Spring MVC
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(FEED_CACHE)
			.eTag(etag(body))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"tongxing.ics\"")
			.body(body);
	}

	@GetMapping("/sessions/{id}.ics")
	ResponseEntity<byte[]> session(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Locale locale) {
		Optional<SessionView> session = this.activities.findSession(new SessionId(id));
		Optional<ActivityView> activity = session.flatMap((found) -> this.activities.find(found.activity()));
		ActivityVisibility.Viewer viewer = (me != null) ? this.visibility.viewer(me)
				: ActivityVisibility.Viewer.anonymous();
		if (activity.isEmpty() || !this.visibility.canSee(viewer, activity.get())) {
			return ResponseEntity.notFound().build();
		}
		byte[] body = this.feeds.session(activity.get(), session.get(), locale).getBytes(StandardCharsets.UTF_8);
		String filename = CalendarFeeds.title(activity.get().title(), session.get().title()) + " "
				+ session.get().localStart().toLocalDate() + ".ics";
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(filename.replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_"), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

	private static String etag(byte[] body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
