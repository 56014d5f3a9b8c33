package org.tongxing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SignUpStatus;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.Units;
import org.tongxing.shared.events.EventPublicationResubmission;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.Volunteers;
import org.tongxing.account.Role;
import org.tongxing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database: they share their sessions (Spring Session JDBC)
 * — a person signs in on node A, and node B knows them from the session cookie alone —
 * sign-ups through both at once never exceed a position's capacity (the database holds
 * it), and event publications left undone are resubmitted by one node at a time. Node B
 * is a second, independent instance of the application started here on the database of
 * the test context.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int portA;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Autowired
	Environment environment;

	@Autowired
	Activities activities;

	@Autowired
	SignUps signUps;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationResubmission resubmission;

	@Autowired
	LockProvider lockProvider;

	ConfigurableApplicationContext nodeB;

	int portB;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void startNodeB() {
		HikariDataSource database = (HikariDataSource) this.dataSource;
		// command-line arguments, so that they win over application.properties
		this.nodeB = new SpringApplicationBuilder(TongxingApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database.getJdbcUrl(),
				"--spring.datasource.username=" + nullToEmpty(database.getUsername()),
				"--spring.datasource.password=" + nullToEmpty(database.getPassword()), "--tongxing.demo.enabled=false",
				"--spring.main.banner-mode=off", "--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=9", "--logging.level.root=WARN",
				// a second node of one installation shares its keys for personal data
				"--tongxing.personal-data.keys=" + this.environment.getProperty("tongxing.personal-data.keys"),
				"--tongxing.personal-data.current-key="
						+ this.environment.getProperty("tongxing.personal-data.current-key"),
				"--tongxing.personal-data.hash-key=" + this.environment.getProperty("tongxing.personal-data.hash-key"));
		this.portB = ((WebServerApplicationContext) this.nodeB).getWebServer().getPort();
	}

	@AfterAll
	void stopNodeB() {
		if (this.nodeB != null) {
			this.nodeB.close();
		}
	}

	@Test
	void aSessionStartedOnOneNodeIsValidOnTheOther() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String username = "nodes-" + suffix;
		String displayName = "两节点 " + suffix;
		String password = "Paper-boat-2026";
		this.accounts.create(new NewAccount(username, displayName, null, password, Set.of(Role.VOLUNTEER), false));

		assertThat(this.portB).isNotEqualTo(this.portA);
		assertThat(this.nodeB.getBeanNamesForType(EmbeddedPostgres.class)).as("node B has no database of its own")
			.isEmpty();
		HttpResponse<String> withoutSession = get(this.portB, "/", null);
		assertThat(withoutSession.statusCode()).as("node B without a session").isEqualTo(302);

		HttpResponse<String> signInPage = get(this.portA, "/login", null);
		String cookie = sessionCookie(signInPage).orElseThrow();
		Matcher csrf = CSRF.matcher(signInPage.body());
		assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
		HttpResponse<String> signedIn = post(this.portA, "/login", cookie,
				Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		// session fixation protection: signing in issues a new session id
		String signedInCookie = sessionCookie(signedIn).orElse(cookie);

		HttpResponse<String> home = get(this.portB, "/", signedInCookie);
		assertThat(home.statusCode()).as("node B with node A's session").isEqualTo(200);
		assertThat(home.body()).contains(displayName);
	}

	@Test
	void concurrentFirstRequestsAfterSignInAllSucceedOnBothNodes() throws Exception {
		String username = "burst-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Paper-kite-2026";
		this.accounts.create(new NewAccount(username, username, null, password, Set.of(Role.VOLUNTEER), false));
		HttpResponse<String> signInPage = get(this.portA, "/login", null);
		String cookie = sessionCookie(signInPage).orElseThrow();
		Matcher csrf = CSRF.matcher(signInPage.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = post(this.portA, "/login", cookie,
				Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
		String session = sessionCookie(signedIn).orElse(cookie);

		// each of these pages adds the new CSRF token to the fresh session at the same
		// moment
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				int port = (i % 2 == 0) ? this.portA : this.portB;
				answers.add(pool.submit(() -> get(port, "/", session).statusCode()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void signUpsThroughBothNodesAtOnceNeverExceedTheCapacity() throws Exception {
		ActivityFixture fixture = new ActivityFixture(new VolunteerFixture(this.units, this.accounts, this.volunteers),
				this.activities, this.volunteers);
		UnitId unit = fixture.volunteers.unit(fixture.volunteers.root(), "two-nodes");
		PositionId position = fixture.published(unit, "两节点报名", 5, PositionDetails.open("引导员", 5));
		List<AccountId> volunteers = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			volunteers.add(fixture.volunteer(unit, "节点" + i));
		}
		List<SignUps> nodes = List.of(this.signUps, this.nodeB.getBean(SignUps.class));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<SignUpStatus>> outcomes = new ArrayList<>();
			for (int i = 0; i < volunteers.size(); i++) {
				SignUps node = nodes.get(i % 2);
				AccountId volunteer = volunteers.get(i);
				outcomes.add(pool.submit(() -> {
					start.await();
					return node.signUp(volunteer, position).status();
				}));
			}
			start.countDown();
			List<SignUpStatus> statuses = new ArrayList<>();
			for (Future<SignUpStatus> outcome : outcomes) {
				statuses.add(outcome.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).filteredOn(SignUpStatus.CONFIRMED::equals).hasSize(5);
			assertThat(statuses).filteredOn(SignUpStatus.WAITLISTED::equals).hasSize(19);
			assertThat(this.activities.findPosition(position).orElseThrow().taken()).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void eventPublicationsAreResubmittedByOneNodeAtATime() throws Exception {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		String key = ResubmissionProbe.publish(this.events, this.transactions, true);
		ResubmissionProbe.Row failed = ResubmissionProbe.await(jdbc, key, "FAILED");
		ResubmissionProbe.age(jdbc, failed.id(), Duration.ofMinutes(6));
		List<EventPublicationResubmission> jobs = List.of(this.resubmission,
				this.nodeB.getBean(EventPublicationResubmission.class));

		// while one node runs the job (holds its lock), neither runs it
		SimpleLock held = holdLock(EventPublicationResubmission.LOCK);
		try {
			for (EventPublicationResubmission job : jobs) {
				job.resubmit();
			}
			assertThat(ResubmissionProbe.row(jdbc, key)).isEqualTo(failed);
		}
		finally {
			held.unlock();
		}

		// both nodes at once: one resubmission, one run of the listener's work
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (EventPublicationResubmission job : jobs) {
				runs.add(pool.submit(() -> {
					start.await();
					job.resubmit();
					return null;
				}));
			}
			start.countDown();
			for (Future<?> run : runs) {
				run.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		ResubmissionProbe.Row completed = ResubmissionProbe.await(jdbc, key, "COMPLETED");
		assertThat(completed.attempts()).isEqualTo(2);
		assertThat(ResubmissionProbe.attempts(key)).isEqualTo(2);
		assertThat(ResubmissionProbe.successes(key)).isEqualTo(1);
	}

	/**
	 * Takes the job's lock as a node running it would (a scheduled run may hold it now).
	 */
	private SimpleLock holdLock(String name) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (true) {
			Optional<SimpleLock> lock = this.lockProvider
				.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(1), Duration.ZERO));
			if (lock.isPresent()) {
				return lock.get();
			}
			assertThat(Instant.now()).as("the lock %s is free in time", name).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private HttpResponse<String> get(int port, String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, String cookie, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** {@code SESSION=...} from the response's Set-Cookie headers. */
	private static Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("SESSION="))
			.map((header) -> header.substring(0, header.indexOf(';')))
			.findFirst();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
