package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.TongxingApplication;
import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.SignUps;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.ServiceRecordFixture.Running;
import org.tongxing.servicerecord.certificate.CertificateTiming;
import org.tongxing.servicerecord.certificate.Certificates;
import org.tongxing.support.bench.HttpBench;
import org.tongxing.support.bench.HttpBench.Client;
import org.tongxing.support.bench.HttpBench.Run;
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

/**
 * Service records under load (benchmarks/servicerecord/run.sh runs it). Two application
 * nodes on one fresh embedded PostgreSQL. (1) The volunteers of one session, signed in on
 * their phones, scan the screen's QR code at once and submit, each twice (a retry),
 * spread over both nodes: throughput, p50/p99, and duplicates (attendances beyond one per
 * volunteer, check-ins counted twice — must be 0). (2) Issuing a certificate for a
 * volunteer with a season of services. (3) A volunteer's total over 10,000 confirmed
 * entries, in-process and as the card page that shows it.
 *
 * <p>
 * Arguments: result file, work directory, volunteers, concurrency, entries.
 */
public final class ServiceRecordBenchmark {

	private static final String PASSWORD = "bench-Check-in-2026";

	private ServiceRecordBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[0]);
		Path work = Path.of(args[1]);
		int volunteerCount = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		int entries = Integer.parseInt(args[4]);
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
			run(nodeA, ports, volunteerCount, concurrency, entries, startSeconds, report);
			Files.createDirectories(result.toAbsolutePath().getParent());
			Files.writeString(result, report);
			System.out.println(report);
		}
		finally {
			nodeB.close();
			nodeA.close();
		}
	}

	private static void run(ConfigurableApplicationContext node, int[] ports, int volunteerCount, int concurrency,
			int entries, double startSeconds, StringBuilder report) throws Exception {
		Activities activities = node.getBean(Activities.class);
		Volunteers volunteers = node.getBean(Volunteers.class);
		CheckIns checkIns = node.getBean(CheckIns.class);
		ServiceRecords records = node.getBean(ServiceRecords.class);
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		Units units = node.getBean(Units.class);
		VolunteerFixture fixture = new VolunteerFixture(units, node.getBean(Accounts.class), volunteers);
		ServiceRecordFixture records1 = new ServiceRecordFixture(new ActivityFixture(fixture, activities, volunteers),
				activities, node.getBean(SignUps.class), checkIns);
		if (units.list(VolunteerFixture.SYSTEM).stream().noneMatch(UnitView::isRoot)) {
			units.createRoot(VolunteerFixture.SYSTEM,
					UnitDetails.of("压测协会", "Benchmark association", UnitType.ASSOCIATION));
		}
		UnitId unit = fixture.unit(fixture.root(), "bench");

		long setUp = System.nanoTime();
		List<AccountId> accounts = new ArrayList<>();
		Map<AccountId, String> emails = new ConcurrentHashMap<>();
		Map<AccountId, VolunteerId> ids = new ConcurrentHashMap<>();
		for (int from = 0; from < volunteerCount; from += 500) {
			List<NewVolunteer> batch = new ArrayList<>();
			for (int i = from; i < Math.min(volunteerCount, from + 500); i++) {
				batch.add(new NewVolunteer(VolunteerFixture.adult(unit, "签到压测" + i), Consents.current(true, true),
						NewVolunteer.IMPORT, null, null, Locale.SIMPLIFIED_CHINESE));
			}
			volunteers.views(volunteers.registerImported(batch)).values().forEach((view) -> {
				accounts.add(view.accountId());
				emails.put(view.accountId(), view.email());
				ids.put(view.accountId(), view.id());
			});
		}
		// sign-in is not measured: a plain stored password spares the bcrypt checks
		jdbc.sql("""
				update account set password_hash = ?, must_change_password = false
				where id in (select account_id from volunteer where unit_id = ?)""")
			.params("{noop}" + PASSWORD, unit.value())
			.update();
		Running session = records1.session(unit, "签到压测", Duration.ofMinutes(5), Duration.ofHours(3));
		for (AccountId account : accounts) {
			records1.place(session, account);
		}
		// the screen's code as the organiser shows it; every phone reads it at once
		String token = checkIns.currentCode(VolunteerFixture.SYSTEM, session.session(), Instant.now()).token();
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newFixedThreadPool(concurrency, HttpBench::daemon))
			.build();
		List<Client> clients = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger index = new AtomicInteger();
		// opening the scanned link after signing in: the first scan is remembered, so the
		// submit below may come after the code rotated
		parallel(concurrency, accounts.size(), () -> {
			int i = index.getAndIncrement();
			AccountId account = accounts.get(i);
			clients.add(signIn(http, ports[i % ports.length], emails.get(account), PASSWORD, account, "/c/" + token));
			return null;
		});
		double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

		Run checkIn = measure("POST /c/{token}, each volunteer twice (2 nodes)", concurrency, clients.size() * 2,
				(i) -> submit(http, clients.get(i % clients.size()), token));
		Map<String, Object> counts = jdbc.sql("""
				select count(*) as attendances, count(distinct volunteer_id) as volunteers,
				       (select count(*) from service_entry where session_id = :session) as entries
				from attendance where session_id = :session""")
			.param("session", session.session().value())
			.query()
			.singleRow();
		long attendances = ((Number) counts.get("attendances")).longValue();
		long distinct = ((Number) counts.get("volunteers")).longValue();
		int checkedIn = checkIn.outcomes().getOrDefault("CHECKED_IN", 0);

		// certificates: a volunteer with 60 confirmed services this season
		AccountId holder = accounts.get(0);
		LocalDate today = LocalDate.now(ZoneId.of(ActivityFixture.ZONE));
		VolunteerId holderId = ids.get(holder);
		insertConfirmed(jdbc, holderId, unit, today.minusDays(60), 60);
		CertificateTiming.Result certificate = CertificateTiming.measure(node.getBean(Certificates.class), holder,
				today.minusDays(90), today, 3, 20);

		// a volunteer's total over many entries
		AccountId veteran = accounts.get(1);
		VolunteerId veteranId = ids.get(veteran);
		insertConfirmed(jdbc, veteranId, unit, today.minusDays(entries), entries);
		BigDecimal expected = BigDecimal.valueOf(entries).multiply(new BigDecimal("2.5"));
		BigDecimal total = records.total(veteranId);
		Run totals = measure("ServiceRecords.total over " + entries + " entries", 1, 200,
				(i) -> records.total(veteranId).compareTo(expected) == 0 ? "right" : "wrong");
		Client veteranClient = clients.stream().filter((c) -> c.account().equals(veteran)).findFirst().orElseThrow();
		Run card = measure("GET /me/card (total and stars) over " + entries + " entries", concurrency, 1000,
				(i) -> String.valueOf(http.send(get(veteranClient.port(), "/me/card", veteranClient.session()),
						HttpResponse.BodyHandlers.discarding())
					.statusCode()));
		Run liveness = measure("GET /actuator/health/liveness", concurrency, 1000, (i) -> String.valueOf(http
			.send(get(veteranClient.port(), "/actuator/health/liveness", null), HttpResponse.BodyHandlers.discarding())
			.statusCode()));

		report.append("# Service-record benchmark, ").append(Instant.now()).append("\n\n");
		report.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MiB; two application nodes and the load generator in one JVM, one embedded PostgreSQL.\n\n");
		report.append(String.format(Locale.ROOT,
				"%d volunteers with a place in one session, %d client threads; start-up of both nodes %.1f s, "
						+ "set-up (registering, places, signing in, opening the scanned link) %.1f s.%n%n",
				volunteerCount, concurrency, startSeconds, setUpSeconds));
		report.append(
				"| run | requests | seconds | per second | p50 ms | p99 ms | outcomes |\n|---|---|---|---|---|---|---|\n");
		for (Run run : List.of(checkIn, totals, card, liveness)) {
			report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f | %.1f | %s |%n", run.name(),
					run.requests(), run.seconds(), run.perSecond(), run.percentile(0.50), run.percentile(0.99),
					run.outcomes()));
		}
		report.append(String.format(Locale.ROOT,
				"%nCheck-in: %d volunteers checked in within %.1f s (%s 60 s); attendances %d for %d volunteers, "
						+ "service entries %s, check-ins answered twice %d: **duplicates %d**.%n%n",
				checkedIn, checkIn.seconds(), checkIn.seconds() <= 60 ? "within" : "NOT within", attendances, distinct,
				counts.get("entries"), Math.max(0, checkedIn - volunteerCount),
				(attendances - distinct) + Math.max(0, checkedIn - volunteerCount)));
		report.append(String.format(Locale.ROOT, "Certificates (60 services, 3 warm-ups): %s.%n%n", certificate));
		report.append(String.format(Locale.ROOT,
				"Total over %d confirmed entries: %s h (expected %s); the card page at %.0f %% of the liveness "
						+ "endpoint.%n",
				entries, total.stripTrailingZeros().toPlainString(), expected.stripTrailingZeros().toPlainString(),
				100 * card.perSecond() / liveness.perSecond()));
	}

	/** One submit of the scanned code; the outcome is read off the result page. */
	private static String submit(HttpClient http, Client client, String token) throws Exception {
		HttpResponse<String> response = http.send(
				post(client.port(), "/c/" + token, client.session(), "_csrf=" + encode(client.csrf())),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return "HTTP " + response.statusCode();
		}
		for (ScanOutcome outcome : ScanOutcome.values()) {
			if (response.body().contains("data-outcome=\"" + outcome.name() + "\"")) {
				return outcome.name();
			}
		}
		return "unrecognised page";
	}

	/**
	 * Confirmed entries, one a day from {@code first}, 2.5 h each, straight into the
	 * ledger.
	 */
	private static void insertConfirmed(JdbcClient jdbc, VolunteerId volunteer, UnitId unit, LocalDate first,
			int count) {
		jdbc.sql("""
				insert into service_entry (volunteer_id, kind, activity_name, service_date, place, content, hours,
				  hours_rule, recording_unit_id, recording_unit_name, status, due_on, decided_at)
				select :volunteer, 'SELF_DECLARED', '社区服务 ' || n, cast(:first as date) + n,
				  '社区', '陪伴老人', 2.5, 'servicerecord.rule.declared', :unit, '压测单位', 'CONFIRMED', :first, now()
				from generate_series(0, :count - 1) n""")
			.param("volunteer", volunteer.value())
			.param("first", first)
			.param("unit", unit.value())
			.param("count", count)
			.update();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
