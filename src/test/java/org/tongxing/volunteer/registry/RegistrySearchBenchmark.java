package org.tongxing.volunteer.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.registry.VolunteerQuery.Columns;
import org.tongxing.volunteer.registry.VolunteerQuery.Sort;

/**
 * The registry search over a large registry (benchmarks/registry/run.sh runs it): starts
 * a fresh embedded PostgreSQL, migrates it with the application's migrations, fills it
 * with benchmarks/registry/fill.sql, then times the statements {@link VolunteerQuery}
 * builds — the count and the first page, as the registry page runs them — and writes
 * p50/p95 and the plans to a Markdown file.
 *
 * <p>
 * Arguments: the result file, the number of volunteers, the runs per case.
 */
public final class RegistrySearchBenchmark {

	private static final int WARM_UP = 5;

	private RegistrySearchBenchmark() {
	}

	record Case(String name, UnitScope scope, Function<VolunteerQuery, VolunteerQuery> filter) {
	}

	public static void main(String[] args) throws Exception {
		Path result = Path.of(args[0]);
		int volunteers = Integer.parseInt(args[1]);
		int runs = Integer.parseInt(args[2]);
		Path dataDir = Files.createTempDirectory("tongxing-registry-bench");
		StringBuilder report = new StringBuilder();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(true)
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.start()) {
			DataSource dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			long fillStart = System.nanoTime();
			fill(dataSource, volunteers);
			double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
			NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
			String version = jdbc.getJdbcTemplate().queryForObject("select version()", String.class);
			Long rows = jdbc.getJdbcTemplate().queryForObject("select count(*) from volunteer", Long.class);
			LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
			UnitScope coordinator = UnitScope.everything(true);
			// an admin of department 2 (10 % of the volunteers) and of two sub-units
			UnitScope departmentAdmin = UnitScope.subtrees(Set.of("/1/2/"));
			UnitScope branchAdmin = UnitScope.subtrees(Set.of("/1/3/22/", "/1/4/32/"));
			List<Case> cases = List.of(
					new Case("language fr ≥ 3 + skill law ≥ 2 + subtree of a department (coordinator)", coordinator,
							(q) -> q.language("fr", 3).skill("law", 2).subtree("/1/3/")),
					new Case("language en ≥ 2 + skill first-aid ≥ 1 + subtree of a sub-unit (department admin)",
							departmentAdmin, (q) -> q.language("en", 2).skill("first-aid", 1).subtree("/1/2/13/")),
					new Case("language fr ≥ 3 + skill law ≥ 2, whole scope (admin of two sub-units)", branchAdmin,
							(q) -> q.language("fr", 3).skill("law", 2)),
					new Case("language en ≥ 1 + skill it ≥ 1 + subtree of a department, by registration date desc",
							coordinator,
							(q) -> q.language("en", 1).skill("it", 1).subtree("/1/5/").sort(Sort.REGISTERED, true)),
					new Case("no filter, by name (coordinator's first page)", coordinator, (q) -> q),
					new Case("no filter, by name (department admin's first page)", departmentAdmin, (q) -> q),
					new Case("name text '王芳' (department admin)", departmentAdmin, (q) -> q.text("王芳")),
					new Case("status APPLICANT + age 18–35 + registered in the last year (coordinator)", coordinator,
							(q) -> q.status(org.tongxing.volunteer.VolunteerStatus.APPLICANT)
								.age(VolunteerQuery.AgeBand.FROM_18_TO_35, today)
								.registeredFrom(today.minusYears(1).atStartOfDay().atOffset(ZoneOffset.ofHours(8)))));
			report.append("# Registry search benchmark\n\n")
				.append("- when: ")
				.append(Instant.now())
				.append("\n- database: fresh embedded ")
				.append(version, 0, version.indexOf(" on "))
				.append(" (default settings), ")
				.append(rows)
				.append(" volunteers over 611 units, filled in ")
				.append(String.format("%.0f s", fillSeconds))
				.append("\n- machine: ")
				.append(Runtime.getRuntime().availableProcessors())
				.append(" cores (shared), load at start ")
				.append(loadAverage())
				.append("\n- each case: the count and the first page of 25, as GET /volunteers runs them, SQL built by ")
				.append("VolunteerQuery; ")
				.append(WARM_UP)
				.append(" warm-up runs, then ")
				.append(runs)
				.append(" timed runs\n\n")
				.append("| case | matches | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n");
			StringBuilder plans = new StringBuilder();
			for (Case c : cases) {
				VolunteerQuery query = c.filter().apply(VolunteerQuery.in(c.scope()));
				VolunteerQuery.Sql count = query.count();
				VolunteerQuery.Sql page = query.page(Columns.LIST, 0, 25);
				long matches = 0;
				for (int i = 0; i < WARM_UP; i++) {
					matches = jdbc.queryForObject(count.sql(), count.parameters(), Long.class);
					jdbc.queryForList(page.sql(), page.parameters());
				}
				double[] times = new double[runs];
				for (int i = 0; i < runs; i++) {
					long start = System.nanoTime();
					jdbc.queryForObject(count.sql(), count.parameters(), Long.class);
					jdbc.queryForList(page.sql(), page.parameters());
					times[i] = (System.nanoTime() - start) / 1e6;
				}
				Arrays.sort(times);
				report.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", c.name(), matches,
						percentile(times, 50), percentile(times, 95), times[times.length - 1]));
				plans.append("\n### ").append(c.name()).append("\n\n```sql\n").append(page.sql()).append("\n```\n\n");
				plans.append("Page plan:\n\n```\n").append(explain(jdbc, page)).append("```\n\n");
				plans.append("Count plan:\n\n```\n").append(explain(jdbc, count)).append("```\n");
				System.out.printf("%-100s %8d  p50 %.1f ms  p95 %.1f ms%n", c.name(), matches, percentile(times, 50),
						percentile(times, 95));
			}
			report.append("\n## Plans (EXPLAIN ANALYZE, BUFFERS)\n").append(plans);
		}
		finally {
			deleteRecursively(dataDir);
		}
		Files.createDirectories(result.toAbsolutePath().getParent());
		Files.writeString(result, report.toString());
	}

	private static void fill(DataSource dataSource, int volunteers) throws IOException {
		String script = Files.readString(Path.of("benchmarks/registry/fill.sql"))
			.replace(":volunteers", Integer.toString(volunteers));
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		StringBuilder statement = new StringBuilder();
		for (String line : script.split("\n")) {
			if (line.startsWith("--")) {
				continue;
			}
			statement.append(line).append('\n');
			if (line.endsWith(";")) {
				long start = System.nanoTime();
				String sql = statement.toString().strip();
				jdbc.getJdbcTemplate().execute(sql.substring(0, sql.length() - 1));
				System.out.printf("%6.1f s  %s%n", (System.nanoTime() - start) / 1e9,
						sql.lines().findFirst().orElse(""));
				statement.setLength(0);
			}
		}
	}

	private static String explain(NamedParameterJdbcTemplate jdbc, VolunteerQuery.Sql sql) {
		StringBuilder plan = new StringBuilder();
		jdbc.query("explain (analyze, buffers) " + sql.sql(), sql.parameters(),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> plan.append(rs.getString(1)).append('\n'));
		return plan.toString();
	}

	private static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			List<Path> all = new ArrayList<>(paths.toList());
			java.util.Collections.reverse(all);
			for (Path path : all) {
				Files.deleteIfExists(path);
			}
		}
	}

}
