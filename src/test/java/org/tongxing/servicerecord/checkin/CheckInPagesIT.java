package org.tongxing.servicerecord.checkin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.AttendanceView;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.ServiceRecordFixture;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.domain.CheckInTokens;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The check-in pages as organisers and volunteers use them: the organiser's screen with
 * the code of the moment and its QR code (organisers only), the geofence setting, a scan
 * by a signed-out phone that leads through sign-in and still counts for ten minutes, the
 * typed code checking in and then out, refusals shown on the page with what was typed,
 * and the location asked only with consent in a geofence.
 */
@IntegrationTest
class CheckInPagesIT {

	static final String PASSWORD = "Correct-horse-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	CheckIns checkIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	ServiceRecordFixture fixture;

	VolunteerFixture people;

	UnitId unit;

	SignedInAccount organiser;

	@BeforeEach
	void setUp() {
		this.people = new VolunteerFixture(this.units, this.accounts, this.volunteers);
		ActivityFixture activityFixture = new ActivityFixture(this.people, this.activities, this.volunteers);
		this.fixture = new ServiceRecordFixture(activityFixture, this.activities, this.signUps, this.checkIns);
		this.unit = this.people.unit(this.people.root(), "签到页面");
		this.organiser = this.people.adminOf(this.unit);
	}

	@Test
	void theOrganiserSeesTheCodeOfTheMomentAndLiveCounts() throws Exception {
		Running running = running("签到屏幕");
		AccountId here = this.fixture.attendee(running, this.unit, "已到者");
		this.fixture.attendee(running, this.unit, "未到者");
		Instant now = Instant.now();
		this.checkIns.scanQr(here, code(running, now).token(), now, null, now);

		Instant before = Instant.now();
		Document page = html(this.mvc.perform(get(screen(running)).with(user(this.organiser)))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn());
		Instant after = Instant.now();

		assertThat(page.select("#checkin-code").attr("data-code")).isIn(code(running, before).code(),
				code(running, after).code());
		assertThat(page.select("#checkin-code").text()).matches("\\d{3} \\d{3}");
		assertThat(page.select("#checkin-heading").text()).isEqualTo("签到屏幕");
		assertThat(page.select("#checkin-present").text()).isEqualTo("1");
		assertThat(page.select("#checkin-out").text()).isEqualTo("0");
		assertThat(page.select("#checkin-confirmed").text()).isEqualTo("2");
		assertThat(page.select("#checkin-recent").text()).contains("已到者").doesNotContain("未到者");
		assertThat(page.select("#checkin-countdown").text()).matches("\\d+ 秒后更换");
		assertThat(page.select("#checkin-qr").attr("src")).startsWith(screen(running) + "/qr.png");
		assertThat(page.select("#checkin-roster-link").attr("href"))
			.isEqualTo("/sessions/" + running.session().value() + "/roster");
		assertThat(page.select("#checkin-code-where").text()).endsWith("/check-in 输入");

		// htmx fetches the code block alone, again and again
		String fragment = this.mvc.perform(get(screen(running)).with(user(this.organiser)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html").contains("id=\"checkin-screen\"").contains("hx-trigger");
		assertThat(Jsoup.parse(fragment).select("#checkin-geofence")).isEmpty();
	}

	@Test
	void onlyOrganisersOfTheActivitySeeTheScreen() throws Exception {
		Running running = running("他人的屏幕");
		SignedInAccount otherAdmin = this.people.adminOf(this.people.unit(this.people.root(), "别的单位"));
		SignedInAccount leadership = this.people.account("lead", Role.LEADERSHIP);
		AccountId volunteer = this.fixture.attendee(running, this.unit, "普通志愿者");

		for (String path : new String[] { screen(running), screen(running) + "/qr.png" }) {
			this.mvc.perform(get(path).with(user(otherAdmin))).andExpect(status().isNotFound());
			this.mvc.perform(get(path).with(user(this.people.principal(volunteer)))).andExpect(status().isNotFound());
			this.mvc.perform(get(path).with(user(leadership))).andExpect(status().isForbidden());
		}
		this.mvc
			.perform(post(screen(running) + "/geofence").with(user(otherAdmin))
				.with(csrf())
				.param("latitude", "39.9")
				.param("longitude", "116.4")
				.param("radius", "200"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/sessions/987654321/check-in").with(user(this.organiser)))
			.andExpect(status().isNotFound());
		assertThat(this.checkIns.geofence(running.session())).isEmpty();
	}

	@Test
	void theQrCodeReadsAsTheCheckInLinkOfTheSession() throws Exception {
		Running running = running("二维码");
		MvcResult result = this.mvc.perform(get(screen(running) + "/qr.png").with(user(this.organiser)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn();

		String link = QrReading.text(result.getResponse().getContentAsByteArray());
		Matcher matcher = Pattern.compile("^https?://[^/]+/c/([A-Za-z0-9._-]+)$").matcher(link);
		assertThat(matcher.matches()).as("an absolute check-in link: %s", link).isTrue();
		assertThat(this.checkIns.sessionOfToken(matcher.group(1), Instant.now()))
			.hasValueSatisfying((session) -> assertThat(session.id()).isEqualTo(running.session()));
	}

	@Test
	void aSignedOutScanLeadsThroughSignInAndBackToCheckIn() throws Exception {
		Running running = running("先登录再签到");
		VolunteerView volunteer = withPassword("扫码后登录");
		this.fixture.place(running, volunteer.accountId());
		String token = code(running, Instant.now()).token();
		Cookies browser = new Cookies();

		this.mvc.perform(get("/c/" + token).with(browser)).andDo(browser).andExpect(redirectedUrl("/login"));
		MvcResult signedIn = this.mvc
			.perform(post("/login").with(browser)
				.with(csrf())
				.param("username", volunteer.email())
				.param("password", PASSWORD))
			.andDo(browser)
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String back = signedIn.getResponse().getRedirectedUrl();
		assertThat(back).contains("/c/" + token);

		Document scan = html(
				this.mvc.perform(get(back).with(browser)).andDo(browser).andExpect(status().isOk()).andReturn());
		assertThat(scan.select("#checkin-activity").text()).isEqualTo("先登录再签到");
		assertThat(scan.select("#checkin-step").text()).isEqualTo("点击下方按钮完成签到。");
		assertThat(scan.select("#checkin-submit").text()).isEqualTo("签到");
		assertThat(scan.select("#checkin-location")).as("no geofence, no location asked").isEmpty();

		Document done = html(this.mvc.perform(post("/c/" + token).with(browser).with(csrf()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(done.select("#checkin-outcome h1").text()).isEqualTo("签到成功");
		assertThat(done.select("#checkin-time").text()).startsWith("签到时间：");
		assertThat(attendance(running, volunteer.accountId())).isPresent();
	}

	@Test
	void aNonsenseOrExpiredCodeAsksToScanAgainWithoutSigningIn() throws Exception {
		Running running = running("过期码");
		String old = code(running, Instant.now().minus(Duration.ofMinutes(3))).token();
		for (String token : new String[] { old, "nonsense", "1.2.3" }) {
			Document page = html(this.mvc.perform(get("/c/" + token)).andExpect(status().isGone()).andReturn());
			assertThat(page.select("#checkin-problem").text()).isEqualTo("二维码已过期，请重新扫描现场屏幕上的二维码");
			assertThat(page.select("#checkin-type-code").attr("href")).isEqualTo("/check-in");
		}
	}

	@Test
	void aScanCountsForTenMinutesAfterItWasFirstSeenNotLonger() throws Exception {
		Running running = running("登录慢了");
		AccountId slow = this.fixture.attendee(running, this.unit, "五分钟后");
		AccountId tooSlow = this.fixture.attendee(running, this.unit, "十一分钟后");
		AccountId noScan = this.fixture.attendee(running, this.unit, "没扫过");
		Instant now = Instant.now();

		// scanned five minutes ago, then signed in: the code has changed since, the scan
		// still counts
		Instant fiveAgo = now.minus(Duration.ofMinutes(5));
		String fiveOld = code(running, fiveAgo).token();
		Cookies browser = scannedAt(fiveOld, fiveAgo);
		Document scan = html(this.mvc.perform(get("/c/" + fiveOld).with(browser).with(user(principal(slow))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(scan.select("#checkin-submit").text()).isEqualTo("签到");
		Document done = html(
				this.mvc.perform(post("/c/" + fiveOld).with(browser).with(user(principal(slow))).with(csrf()))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(done.select("#checkin-outcome h1").text()).isEqualTo("签到成功");

		// the same old code without the first sight in this browser does not count
		this.mvc.perform(post("/c/" + fiveOld).with(user(principal(noScan))).with(csrf())).andExpect(status().isGone());

		// scanned eleven minutes ago: too long
		Instant elevenAgo = now.minus(Duration.ofMinutes(11));
		String elevenOld = code(running, elevenAgo).token();
		Cookies late = scannedAt(elevenOld, elevenAgo);
		this.mvc.perform(get("/c/" + elevenOld).with(late).with(user(principal(tooSlow)))).andExpect(status().isGone());
		Document refused = html(
				this.mvc.perform(post("/c/" + elevenOld).with(late).with(user(principal(tooSlow))).with(csrf()))
					.andExpect(status().isGone())
					.andReturn());
		assertThat(refused.select("#checkin-problem").text()).contains("请重新扫描");

		assertThat(attendance(running, slow)).isPresent();
		assertThat(attendance(running, tooSlow)).isEmpty();
		assertThat(attendance(running, noScan)).isEmpty();
	}

	@Test
	void theTypedCodeChecksInAndLaterOutWithTheHoursAndTheirRule() throws Exception {
		Running running = running("输入签到码");
		AccountId volunteer = this.fixture.attendee(running, this.unit, "输码者");

		Document form = html(this.mvc.perform(get("/check-in").with(user(principal(volunteer))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(form.select("#code").attr("inputmode")).isEqualTo("numeric");
		assertThat(form.select("#code").attr("autocomplete")).isEqualTo("one-time-code");
		assertThat(form.select("#checkin-location")).isEmpty();

		Document in = typeCode(volunteer, grouped(code(running, Instant.now()).code()));
		assertThat(in.select("#checkin-outcome h1").text()).isEqualTo("签到成功");
		assertThat(in.select("#checkin-hours")).isEmpty();

		// right after checking in, the code again changes nothing
		Document again = typeCode(volunteer, code(running, Instant.now()).code());
		assertThat(again.select("#checkin-outcome h1").text()).isEqualTo("已经签到过了，无需重复签到");

		// more than ten minutes later (the check-in moved back, as time would pass)
		AttendanceView open = attendance(running, volunteer).orElseThrow();
		this.jdbc.sql("update attendance set checked_in_at = checked_in_at - interval '40 minutes' where id = ?")
			.param(open.id())
			.update();
		Document out = typeCode(volunteer, code(running, Instant.now()).code());
		assertThat(out.select("#checkin-outcome h1").text()).isEqualTo("签退成功");
		assertThat(out.select("#checkin-time").text()).startsWith("签退时间：");
		assertThat(out.select("#checkin-hours-value").text()).isEqualTo("0.5 小时");
		assertThat(out.select("#checkin-hours-rule").text()).startsWith("按取整规则计");
		assertThat(out.select("#checkin-hours-status").text()).contains("待确认");
		assertThat(out.select("#checkin-my-hours").attr("href")).isEqualTo("/me/hours");
		assertThat(attendance(running, volunteer).orElseThrow().isOpen()).isFalse();
	}

	@Test
	void aWrongCodeIsRefusedBesideTheFieldWithWhatWasTyped() throws Exception {
		Running running = running("错码");
		AccountId volunteer = this.fixture.attendee(running, this.unit, "输错者");
		String right = code(running, Instant.now()).code();
		String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);

		Document refused = html(
				this.mvc.perform(post("/check-in").with(user(principal(volunteer))).with(csrf()).param("code", wrong))
					.andExpect(status().isBadRequest())
					.andReturn());
		assertThat(refused.select("#code").val()).isEqualTo(wrong);
		assertThat(refused.select("#code").hasClass("is-invalid")).isTrue();
		assertThat(refused.select("#code-errors").text()).isEqualTo("签到码不正确或已过期，请核对现场屏幕上的 6 位数字");

		Document malformed = html(
				this.mvc.perform(post("/check-in").with(user(principal(volunteer))).with(csrf()).param("code", "12a4"))
					.andExpect(status().isBadRequest())
					.andReturn());
		assertThat(malformed.select("#code").val()).isEqualTo("12a4");
		assertThat(malformed.select("#code-errors").text()).isEqualTo("请输入 6 位数字的签到码。");
		assertThat(attendance(running, volunteer)).isEmpty();
	}

	@Test
	void aGeofenceAsksForTheLocationOnlyWithConsent() throws Exception {
		Running running = running("围栏签到");
		AccountId scanner = this.fixture.attendee(running, this.unit, "扫码围栏");
		AccountId typist = this.fixture.attendee(running, this.unit, "输码围栏");

		// the organiser's typing is kept when it is refused
		Document refused = html(this.mvc
			.perform(
					geofence(running).param("latitude", "39.9219").param("longitude", "116.4436").param("radius", "10"))
			.andExpect(status().isBadRequest())
			.andReturn());
		assertThat(refused.select("#latitude").val()).isEqualTo("39.9219");
		assertThat(refused.select("#radius").val()).isEqualTo("10");
		assertThat(refused.select("#radius-errors").text()).isEqualTo("半径须在 20 到 5000 米之间。");
		Document notANumber = html(this.mvc
			.perform(geofence(running).param("latitude", "北纬39").param("longitude", "116.4436").param("radius", "200"))
			.andExpect(status().isBadRequest())
			.andReturn());
		assertThat(notANumber.select("#latitude").val()).isEqualTo("北纬39");
		assertThat(notANumber.select("#latitude-errors").text()).isEqualTo("请输入数字，例如 39.9219。");
		assertThat(this.checkIns.geofence(running.session())).isEmpty();

		this.mvc.perform(
				geofence(running).param("latitude", "39.9219").param("longitude", "116.4436").param("radius", "200"))
			.andExpect(redirectedUrl(screen(running)));
		assertThat(this.checkIns.geofence(running.session()))
			.hasValueSatisfying((fence) -> assertThat(fence.radiusMetres()).isEqualTo(200));
		Document screen = html(this.mvc.perform(get(screen(running)).with(user(this.organiser))).andReturn());
		assertThat(screen.select("#checkin-geofence-current").text()).contains("39.9219", "116.4436", "200");

		// the scan page explains and asks for consent; without it no point counts
		String token = code(running, Instant.now()).token();
		Cookies browser = new Cookies();
		Document scan = html(this.mvc.perform(get("/c/" + token).with(browser).with(user(principal(scanner))))
			.andDo(browser)
			.andExpect(status().isOk())
			.andReturn());
		assertThat(scan.select("#checkin-location-explain").text()).contains("只保存签到时的这一个位置点");
		assertThat(scan.select("#checkin-location input[type=checkbox][name=consent]")).hasSize(1);
		Document noConsent = html(this.mvc
			.perform(post("/c/" + token).with(browser)
				.with(user(principal(scanner)))
				.with(csrf())
				.param("latitude", "39.9225")
				.param("longitude", "116.4440"))
			.andExpect(status().isConflict())
			.andReturn());
		assertThat(noConsent.select("#checkin-problem").text()).isEqualTo("这一场活动需要在现场签到：请允许使用您的位置");
		assertThat(noConsent.select("#checkin-location input[name=consent]")).hasSize(1);
		Document inside = html(this.mvc
			.perform(post("/c/" + token).with(browser)
				.with(user(principal(scanner)))
				.with(csrf())
				.param("consent", "true")
				.param("latitude", "39.9225")
				.param("longitude", "116.4440"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(inside.select("#checkin-outcome h1").text()).isEqualTo("签到成功");
		assertThat(attendance(running, scanner).orElseThrow().hasPoint()).isTrue();

		// the typed code: refused without a location, the form comes back with the
		// consent box and the code kept
		String typed = code(running, Instant.now()).code();
		Document ask = html(
				this.mvc.perform(post("/check-in").with(user(principal(typist))).with(csrf()).param("code", typed))
					.andExpect(status().isConflict())
					.andReturn());
		assertThat(ask.select("#code").val()).isEqualTo(typed);
		assertThat(ask.select("#checkin-location input[name=consent]")).hasSize(1);
		assertThat(ask.select("#checkin-problem").text()).isEqualTo("这一场活动需要在现场签到：请允许使用您的位置");
		Document far = html(this.mvc
			.perform(post("/check-in").with(user(principal(typist)))
				.with(csrf())
				.param("code", code(running, Instant.now()).code())
				.param("consent", "true")
				.param("latitude", "39.9087")
				.param("longitude", "116.3975"))
			.andExpect(status().isConflict())
			.andReturn());
		assertThat(far.select("#checkin-problem").text()).contains("超出签到范围（200 米）");
		assertThat(far.select("#checkin-location input[name=consent]").attr("checked")).isEqualTo("checked");
		Document near = html(this.mvc
			.perform(post("/check-in").with(user(principal(typist)))
				.with(csrf())
				.param("code", code(running, Instant.now()).code())
				.param("consent", "true")
				.param("latitude", "39.9221")
				.param("longitude", "116.4437"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(near.select("#checkin-outcome h1").text()).isEqualTo("签到成功");

		this.mvc.perform(post(screen(running) + "/geofence/remove").with(user(this.organiser)).with(csrf()))
			.andExpect(redirectedUrl(screen(running)));
		assertThat(this.checkIns.geofence(running.session())).isEmpty();
	}

	// --- helpers

	private Running running(String title) {
		return this.fixture.session(this.unit, title, Duration.ofMinutes(30), Duration.ofHours(3));
	}

	private CheckInTokens.Rotating code(Running running, Instant at) {
		return this.checkIns.currentCode(ServiceRecordFixture.SYSTEM, running.session(), at);
	}

	private static String screen(Running running) {
		return "/sessions/" + running.session().value() + "/check-in";
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder geofence(Running running) {
		return post(screen(running) + "/geofence").with(user(this.organiser)).with(csrf());
	}

	private Document typeCode(AccountId volunteer, String code) throws Exception {
		return html(
				this.mvc.perform(post("/check-in").with(user(principal(volunteer))).with(csrf()).param("code", code))
					.andExpect(status().isOk())
					.andReturn());
	}

	private static String grouped(String code) {
		return code.substring(0, 3) + " " + code.substring(3);
	}

	private SignedInAccount principal(AccountId account) {
		return this.people.principal(account);
	}

	private java.util.Optional<AttendanceView> attendance(Running running, AccountId account) {
		VolunteerId volunteer = this.fixture.volunteerId(account);
		return this.checkIns.find(volunteer, running.session());
	}

	/**
	 * A browser whose HTTP session (Spring Session, in the database) holds that it read
	 * the token at {@code at}, as {@link FirstScans} remembers it.
	 */
	private Cookies scannedAt(String token, Instant at) {
		String id = saveSession(this.sessions, FirstScans.ATTRIBUTE, new HashMap<>(Map.of(token, at)));
		Cookies browser = new Cookies();
		browser.put(new Cookie("SESSION", Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
		return browser;
	}

	private static <S extends Session> String saveSession(SessionRepository<S> repository, String name, Object value) {
		S session = repository.createSession();
		session.setAttribute(name, value);
		repository.save(session);
		return session.getId();
	}

	/**
	 * The cookies of one browser (the HTTP session is Spring Session's, found by its
	 * cookie): sent with each request ({@code .with(browser)}) and kept from each answer
	 * ({@code .andDo(browser)}).
	 */
	static final class Cookies implements RequestPostProcessor, ResultHandler {

		private final Map<String, Cookie> cookies = new LinkedHashMap<>();

		@Override
		public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
			if (!this.cookies.isEmpty()) {
				request.setCookies(this.cookies.values().toArray(Cookie[]::new));
			}
			return request;
		}

		@Override
		public void handle(MvcResult result) {
			for (Cookie cookie : result.getResponse().getCookies()) {
				if (cookie.getMaxAge() == 0) {
					this.cookies.remove(cookie.getName());
				}
				else {
					put(cookie);
				}
			}
		}

		void put(Cookie cookie) {
			this.cookies.put(cookie.getName(), cookie);
		}

	}

	/** An approved volunteer who signs in with their email and a password. */
	private VolunteerView withPassword(String name) {
		VolunteerId id = this.people.applicant(this.unit, name);
		this.volunteers.approve(ServiceRecordFixture.SYSTEM, id);
		return this.volunteers.views(Set.of(id)).get(id);
	}

	private static Document html(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
