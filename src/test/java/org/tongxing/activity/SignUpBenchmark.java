package org.tongxing.activity;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.TongxingApplication;
import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

import static org.tongxing.support.bench.HttpBench.common;
import static org.tongxing.support.bench.HttpBench.encode;
import static org.tongxing.support.bench.HttpBench.get;
import static org.tongxing.support.bench.HttpBench.measure;
import static org.tongxing.support.bench.HttpBench.parallel;
import static org.tongxing.support.bench.HttpBench.port;
import static org.tongxing.support.bench.HttpBench.post;
import static org.tongxing.support.bench.HttpBench.randomKey;
import static org.tongxing.support.bench.HttpBench.signIn;
import org.tongxing.support.bench.HttpBench;
import org.tongxing.support.bench.HttpBench.Client;
import org.tongxing.support.bench.HttpBench.Run;

/**
 * Sign-ups under load (benchmarks/signup/run.sh runs it). Starts two application nodes on
 * one fresh embedded PostgreSQL, registers the volunteers, signs each in through the
 * sign-in form, then fires every sign-up attempt at once over HTTP (alternating between
 * the nodes) for one position with the given places; then runs the same sign-up
 * transaction ({@link SignUps#signUp}) straight in the first node for a second position
 * of the same size (the ceiling), and the activity list page against the liveness
 * endpoint. Counts overbooking (places held beyond the capacity — must be 0) and writes a
 * Markdown result.
 *
 * <p>
 * Arguments: result file, work directory, attempts, places, concurrency.
 */
public final class SignUpBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String PASSWORD = "bench-Sign-up-2026";

	private SignUpBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[0]);
		Path work = Path.of(args[1]);
		int attempts = Integer.parseInt(args[2]);
		int places = Integer.parseInt(args[3]);
		int concurrency = Integer.parseInt(args[4]);
		String keys = "1:" + randomKey();
		String hashKey = randomKey();
		long started = System.nanoTime();
		ConfigurableApplicationContext nodeA = new SpringApplicationBuilder(TongxingApplication.class)
			.run(common(keys, hashKey, "--tongxing.database.data-dir=" + work.resolve("postgres"),
					"--tongxing.personal-data.key-file=" + work.resolve("keys.properties")));
		HikariDataSource database = nodeA.getBean(HikariDataSource.class);
		ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(TongxingApplication.class)
			.run(common(keys, hashKey, "--spring.datasource.url=" + database.getJdbcUrl(),
					"--spring.datasource.username=" + nullToEmpty(database.getUsername()),
					"--spring.datasource.password=" + nullToEmpty(database.getPassword())));
		double startSeconds = (System.nanoTime() - started) / 1e9;
		int[] ports = { port(nodeA), port(nodeB) };
		try {
			StringBuilder report = new StringBuilder();
			run(nodeA, ports, attempts, places, concurrency, startSeconds, report);
			Files.createDirectories(result.toAbsolutePath().getParent());
			Files.writeString(result, report);
			System.out.println(report);
		}
		finally {
			nodeB.close();
			nodeA.close();
		}
	}

	private static void run(ConfigurableApplicationContext node, int[] ports, int attempts, int places, int concurrency,
			double startSeconds, StringBuilder report) throws Exception {
		Activities activities = node.getBean(Activities.class);
		SignUps signUps = node.getBean(SignUps.class);
		Volunteers volunteers = node.getBean(Volunteers.class);
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		VolunteerFixture fixture = new VolunteerFixture(node.getBean(Units.class), node.getBean(Accounts.class),
				volunteers);
		ActivityFixture activityFixture = new ActivityFixture(fixture, activities, volunteers);
		Units units = node.getBean(Units.class);
		if (units.list(VolunteerFixture.SYSTEM).stream().noneMatch(UnitView::isRoot)) {
			units.createRoot(VolunteerFixture.SYSTEM,
					UnitDetails.of("压测协会", "Benchmark association", UnitType.ASSOCIATION));
		}
		UnitId unit = fixture.unit(fixture.root(), "bench");

		long setUp = System.nanoTime();
		List<AccountId> accounts = new ArrayList<>();
		Map<AccountId, String> emails = new ConcurrentHashMap<>();
		for (int from = 0; from < attempts; from += 500) {
			List<NewVolunteer> batch = new ArrayList<>();
			for (int i = from; i < Math.min(attempts, from + 500); i++) {
				batch.add(new NewVolunteer(VolunteerFixture.adult(unit, "压测" + i), Consents.current(true, true),
						NewVolunteer.IMPORT, null, null, Locale.SIMPLIFIED_CHINESE));
			}
			List<VolunteerId> ids = volunteers.registerImported(batch);
			volunteers.views(ids).values().forEach((view) -> {
				accounts.add(view.accountId());
				emails.put(view.accountId(), view.email());
			});
		}
		// Sign-in itself is not measured: a plain stored password spares 10,000 bcrypt
		// checks
		// in the set-up (the delegating encoder accepts "{noop}"); the sign-ups never
		// touch it.
		jdbc.sql("""
				update account set password_hash = ?, must_change_password = false
				where id in (select account_id from volunteer where unit_id = ?)""")
			.params("{noop}" + PASSWORD, unit.value())
			.update();
		PositionId overHttp = activityFixture.published(unit, "并发报名（HTTP）", 10, PositionDetails.open("引导员", places));
		PositionId direct = activityFixture.published(unit, "并发报名（直连数据库）", 12, PositionDetails.open("引导员", places));
		ActivityId httpActivity = activities.findSession(activities.findPosition(overHttp).orElseThrow().session())
			.orElseThrow()
			.activity();

		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newFixedThreadPool(concurrency, HttpBench::daemon))
			.build();
		List<Client> clients = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger index = new AtomicInteger();
		parallel(concurrency, accounts.size(), () -> {
			int i = index.getAndIncrement();
			AccountId account = accounts.get(i);
			int port = ports[i % ports.length];
			clients
				.add(signIn(http, port, emails.get(account), PASSWORD, account, "/activities/" + httpActivity.value()));
			return null;
		});
		double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

		// every sign-up attempt at once, over HTTP, alternating between the nodes
		Run overHttpRun = measure("POST /activities/{id}/sign-up (2 nodes)", concurrency, clients.size(), (i) -> {
			Client client = clients.get(i);
			HttpResponse<String> response = http.send(
					post(client.port(), "/activities/" + httpActivity.value() + "/sign-up", client.session(),
							"position=" + overHttp.value() + "&_csrf=" + encode(client.csrf())),
					HttpResponse.BodyHandlers.ofString());
			return String.valueOf(response.statusCode());
		});
		// the same transaction straight against the database: the ceiling
		Run directRun = measure("SignUps.signUp in-process", concurrency, accounts.size(),
				(i) -> signUps.signUp(accounts.get(i), direct).status().name());

		Client reader = clients.get(0);
		Run list = measure("GET /activities", concurrency, 2000,
				(i) -> String.valueOf(http
					.send(get(reader.port(), "/activities", reader.session()), HttpResponse.BodyHandlers.discarding())
					.statusCode()));
		Run liveness = measure("GET /actuator/health/liveness", concurrency, 2000,
				(i) -> String.valueOf(http
					.send(get(reader.port(), "/actuator/health/liveness", null), HttpResponse.BodyHandlers.discarding())
					.statusCode()));

		report.append("# Sign-up benchmark, ").append(Instant.now()).append("\n\n");
		report.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MiB; two application nodes and the load ")
			.append("generator in one JVM, one embedded PostgreSQL.\n\n");
		report.append(String.format(Locale.ROOT,
				"%d volunteers, %d places on one position, %d client threads; start-up of both nodes %.1f s, "
						+ "set-up (registering, signing in) %.1f s.%n%n",
				attempts, places, concurrency, startSeconds, setUpSeconds));
		report.append(
				"| run | requests | seconds | per second | p50 ms | p99 ms | outcomes |\n|---|---|---|---|---|---|---|\n");
		for (Run run : List.of(overHttpRun, directRun, list, liveness)) {
			report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f | %.1f | %s |%n", run.name(),
					run.requests(), run.seconds(), run.perSecond(), run.percentile(0.50), run.percentile(0.99),
					run.outcomes()));
		}
		report.append("\n");
		for (PositionId position : List.of(overHttp, direct)) {
			Map<String, Object> counts = jdbc
				.sql("""
						select p.capacity, p.taken,
						       (select count(*) from signup g where g.position_id = p.id
						          and g.status in ('PENDING', 'CONFIRMED', 'OFFERED')) as holding,
						       (select count(*) from signup g where g.position_id = p.id and g.status = 'WAITLISTED') as waitlisted
						from session_position p where p.id = ?""")
				.param(position.value())
				.query()
				.singleRow();
			long capacity = ((Number) counts.get("capacity")).longValue();
			long holding = ((Number) counts.get("holding")).longValue();
			report.append(String.format(Locale.ROOT,
					"Position %s: capacity %d, places taken %s, sign-ups holding a place %d, waitlisted %s, "
							+ "**overbooked %d**.%n%n",
					(position == overHttp) ? "over HTTP" : "direct", capacity, counts.get("taken"), holding,
					counts.get("waitlisted"), Math.max(0, holding - capacity)));
		}
		report.append(String.format(Locale.ROOT,
				"HTTP sign-ups reach %.0f %% of the in-process ceiling; the activity list %.0f %% of the liveness "
						+ "endpoint.%n",
				100 * overHttpRun.perSecond() / directRun.perSecond(), 100 * list.perSecond() / liveness.perSecond()));
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
