package org.tongxing.activity.browse;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.TongxingApplication;
import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityFixture;
import org.tongxing.activity.ActivityVisibility;
import org.tongxing.activity.PositionDetails;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.support.bench.HttpBench;
import org.tongxing.support.bench.HttpBench.Client;
import org.tongxing.support.bench.HttpBench.Run;
import org.tongxing.volunteer.VolunteerFixture;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.tongxing.support.bench.HttpBench.common;
import static org.tongxing.support.bench.HttpBench.get;
import static org.tongxing.support.bench.HttpBench.measure;
import static org.tongxing.support.bench.HttpBench.port;
import static org.tongxing.support.bench.HttpBench.randomKey;
import static org.tongxing.support.bench.HttpBench.signIn;

/**
 * The volunteers' activity list alone (benchmarks/signup/run.sh with
 * {@code BENCH_LIST_ONLY=1} runs it): one application node on a fresh embedded
 * PostgreSQL, the given number of published activities spread over a few units, one
 * volunteer signed in through the form, the statistics analysed; then
 * {@code GET /activities} (the first page, "matches my skills", a later page as htmx
 * loads it) against {@code GET /actuator/health/liveness}, each after a warm-up. Also
 * counts what one list request costs the database: transactions and table reads
 * (sequential and index scans, from PostgreSQL's statistics). Writes a Markdown result.
 *
 * <p>
 * Arguments: result file, work directory, activities, concurrency, requests per run.
 */
public final class ActivityListBenchmark {

	private static final String PASSWORD = "bench-List-2026";

	private ActivityListBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[0]);
		Path work = Path.of(args[1]);
		int activityCount = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		int requests = Integer.parseInt(args[4]);
		long started = System.nanoTime();
		ConfigurableApplicationContext node = new SpringApplicationBuilder(TongxingApplication.class)
			.run(common("1:" + randomKey(), randomKey(), "--tongxing.database.data-dir=" + work.resolve("postgres"),
					"--tongxing.personal-data.key-file=" + work.resolve("keys.properties")));
		double startSeconds = (System.nanoTime() - started) / 1e9;
		try {
			StringBuilder report = new StringBuilder();
			run(node, activityCount, concurrency, requests, startSeconds, report);
			Files.createDirectories(result.toAbsolutePath().getParent());
			Files.writeString(result, report);
			System.out.println(report);
		}
		finally {
			node.close();
		}
	}

	private static void run(ConfigurableApplicationContext node, int activityCount, int concurrency, int requests,
			double startSeconds, StringBuilder report) throws Exception {
		Activities activities = node.getBean(Activities.class);
		Volunteers volunteers = node.getBean(Volunteers.class);
		Units units = node.getBean(Units.class);
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		VolunteerFixture fixture = new VolunteerFixture(units, node.getBean(Accounts.class), volunteers);
		ActivityFixture activityFixture = new ActivityFixture(fixture, activities, volunteers);
		if (units.list(VolunteerFixture.SYSTEM).stream().noneMatch(UnitView::isRoot)) {
			units.createRoot(VolunteerFixture.SYSTEM,
					UnitDetails.of("压测协会", "Benchmark association", UnitType.ASSOCIATION));
		}
		long setUp = System.nanoTime();
		List<UnitId> organisers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			organisers.add(fixture.unit(fixture.root(), "list-" + i));
		}
		for (int i = 0; i < activityCount; i++) {
			activityFixture.published(organisers.get(i % organisers.size()), "活动列表压测 " + i, 1 + (i % 60),
					PositionDetails.open("引导员", 10));
		}
		AccountId account = activityFixture.volunteer(organisers.get(0), "列表读者");
		VolunteerView reader = activityFixture.volunteerOf(account);
		// sign-in itself is not measured: a plain stored password spares the bcrypt check
		jdbc.sql("update account set password_hash = ?, must_change_password = false where id = ?")
			.params("{noop}" + PASSWORD, account.value())
			.update();
		// fresh tables: plan with their real sizes, as autovacuum would within a minute
		jdbc.sql("analyze").update();
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newFixedThreadPool(concurrency, HttpBench::daemon))
			.build();
		int port = port(node);
		Client client = signIn(http, port, reader.email(), PASSWORD, account, "/activities");
		double setUpSeconds = (System.nanoTime() - setUp) / 1e9;

		Map<String, Long> perRequest = databaseReads(jdbc, http, port, client.session(), 50);

		ActivityListing listing = node.getBean(ActivityListing.class);
		ActivityVisibility.Viewer viewer = node.getBean(ActivityVisibility.class).viewer(fixture.principal(account));
		ActivityListing.Statement first = listing.statement(viewer,
				new ActivityListing.Query(null, null, null, null, null, false, null, 0));
		List<String> plan = jdbc.sql("explain (analyze, buffers) " + first.sql())
			.params(first.parameters())
			.query(String.class)
			.list();

		List<Run> runs = new ArrayList<>();
		for (String[] target : new String[][] { { "GET /activities", "/activities", "" },
				{ "GET /activities?matching=true", "/activities?matching=true", "" },
				{ "GET /activities?page=3 (htmx)", "/activities?page=3", "htmx" },
				{ "GET /actuator/health/liveness", "/actuator/health/liveness", "anonymous" } }) {
			String session = "anonymous".equals(target[2]) ? null : client.session();
			boolean htmx = "htmx".equals(target[2]);
			Attempt attempt = () -> {
				java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
					.newBuilder(get(port, target[1], session), (name, value) -> true);
				if (htmx) {
					request.header("HX-Request", "true");
				}
				return String.valueOf(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
			};
			measure("warm-up", concurrency, Math.max(100, requests / 10), (i) -> attempt.run());
			runs.add(measure(target[0], concurrency, requests, (i) -> attempt.run()));
		}

		report.append("# Activity list benchmark, ").append(Instant.now()).append("\n\n");
		report.append("Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MiB; one application node and the load generator in one JVM, one embedded PostgreSQL.\n\n");
		report.append(String.format(Locale.ROOT,
				"%d published activities (one session, one position each) over 8 units, one volunteer signed in; "
						+ "%d client threads; start-up %.1f s, set-up %.1f s.%n%n",
				activityCount, concurrency, startSeconds, setUpSeconds));
		report.append(
				"| run | requests | seconds | per second | p50 ms | p99 ms | outcomes |\n|---|---|---|---|---|---|---|\n");
		for (Run run : runs) {
			report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.1f | %.1f | %s |%n", run.name(),
					run.requests(), run.seconds(), run.perSecond(), run.percentile(0.50), run.percentile(0.99),
					run.outcomes()));
		}
		report.append(String.format(Locale.ROOT, "%nThe first page reaches %.0f %% of the liveness endpoint.%n%n",
				100 * runs.get(0).perSecond() / runs.get(3).perSecond()));
		report.append("What one `GET /activities` costs the database (PostgreSQL statistics over 50 sequential "
				+ "requests, divided; rounded to whole reads; Spring Session's own table included):\n\n");
		report.append("| counter | per request |\n|---|---|\n");
		perRequest
			.forEach((name, value) -> report.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		report.append("\nThe plan of the first page's query (`ActivityListing.statement`, no filter):\n\n```text\n");
		plan.forEach((line) -> report.append(line).append("\n"));
		report.append("```\n");
	}

	private interface Attempt {

		String run() throws Exception;

	}

	/**
	 * Transactions and table scans (sequential + index) per list request, from
	 * pg_stat_database and pg_stat_user_tables before and after sequential requests.
	 */
	private static Map<String, Long> databaseReads(JdbcClient jdbc, HttpClient http, int port, String session,
			int count) throws Exception {
		Map<String, Long> before = statistics(jdbc);
		for (int i = 0; i < count; i++) {
			http.send(get(port, "/activities", session), HttpResponse.BodyHandlers.discarding());
		}
		// backends report their statistics when idle, at most every 10 s
		Thread.sleep(11_000);
		Map<String, Long> after = statistics(jdbc);
		Map<String, Long> perRequest = new TreeMap<>();
		after.forEach((name, value) -> {
			long delta = Math.round((double) (value - before.getOrDefault(name, 0L)) / count);
			if (delta > 0) {
				perRequest.put(name, delta);
			}
		});
		return perRequest;
	}

	private static Map<String, Long> statistics(JdbcClient jdbc) {
		jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
		Map<String, Long> values = new TreeMap<>();
		values.put("transactions (commits)",
				jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
					.query(Long.class)
					.single());
		jdbc.sql("select relname, coalesce(seq_scan, 0) as seq, coalesce(idx_scan, 0) as idx from pg_stat_user_tables")
			.query((java.sql.ResultSet rs) -> {
				values.put("scans of " + rs.getString("relname") + " (seq)", rs.getLong("seq"));
				values.put("scans of " + rs.getString("relname") + " (index)", rs.getLong("idx"));
			});
		return values;
	}

}
