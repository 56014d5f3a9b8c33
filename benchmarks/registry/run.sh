#!/usr/bin/env bash
# Tongxing registry search benchmark: fills a fresh embedded PostgreSQL with 1,000,000
# volunteers (accounts, skills, languages, memberships) over a tree of 611 units with SQL
# generate_series (benchmarks/registry/fill.sql), then times the registry's search - the
# count and first page that GET /volunteers runs, with the SQL VolunteerQuery builds - for
# language + skill + subtree filters and a few others; p50/p95 and the EXPLAIN ANALYZE
# plans go to benchmarks/results/registry-<UTC>.md.
#
# Usage: benchmarks/registry/run.sh
#   BENCH_VOLUNTEERS (default 1000000), BENCH_RUNS per case (default 50)
# Needs: the Maven wrapper (offline is fine once dependencies are cached), about 3 GB of
# free disk and a few minutes (filling takes most of it).
set -euo pipefail
cd "$(dirname "$0")/../.."

volunteers=${BENCH_VOLUNTEERS:-1000000}
runs=${BENCH_RUNS:-50}
work=benchmarks/work/registry
mkdir -p "$work" benchmarks/results

echo "Compiling (main and test classes)"
./mvnw -q -B -ntp -DskipTests test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null

result="benchmarks/results/registry-$(date -u +%Y-%m-%dT%H-%M-%SZ).md"
echo "Running with $volunteers volunteers, $runs runs per case"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
	org.tongxing.volunteer.registry.RegistrySearchBenchmark "$result" "$volunteers" "$runs"
echo "Results: $result"
