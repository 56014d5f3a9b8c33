#!/usr/bin/env bash
# Tongxing sign-up benchmark: 10,000 signed-in volunteers try to sign up at once over HTTP,
# spread over two application nodes on one PostgreSQL, for one position of 1,000 places;
# then the same sign-up transaction straight in-process (the ceiling); then the activity list
# page against the liveness endpoint. Throughput, p50/p99, and the overbooked count (must be 0)
# go to benchmarks/results/signup-<UTC>.md.
#
# Usage: benchmarks/signup/run.sh
#   BENCH_ATTEMPTS (default 10000), BENCH_PLACES (default 1000), BENCH_CONCURRENCY (default 64),
#   BENCH_HEAP (default 2g)
#   BENCH_LIST_ONLY=1: only the activity list against the liveness endpoint, without the
#   sign-ups (ActivityListBenchmark, one node, BENCH_LIST_ACTIVITIES published activities,
#   default 300; BENCH_LIST_REQUESTS per run, default 2000) -> results/activity-list-<UTC>.md
# Needs: the Maven wrapper (offline is fine once dependencies are cached) and a few minutes
# (registering and signing in 10,000 volunteers takes most of it).
set -euo pipefail
cd "$(dirname "$0")/../.."

attempts=${BENCH_ATTEMPTS:-10000}
places=${BENCH_PLACES:-1000}
concurrency=${BENCH_CONCURRENCY:-64}
heap=${BENCH_HEAP:-2g}
work=benchmarks/work/signup
rm -rf "$work"
mkdir -p "$work" benchmarks/results
unset TONGXING_DB_URL TONGXING_DB_USER TONGXING_DB_PASSWORD

echo "Compiling (main and test classes)"
./mvnw -q -B -ntp -DskipTests test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null

if [ "${BENCH_LIST_ONLY:-0}" = "1" ]; then
	result="benchmarks/results/activity-list-$(date -u +%Y-%m-%dT%H-%M-%SZ).md"
	echo "Running: the activity list alone, ${BENCH_LIST_ACTIVITIES:-300} activities, $concurrency client threads"
	java -Xmx"$heap" -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
		org.tongxing.activity.browse.ActivityListBenchmark "$result" "$work" "${BENCH_LIST_ACTIVITIES:-300}" \
		"$concurrency" "${BENCH_LIST_REQUESTS:-2000}"
	echo "Results: $result"
	exit 0
fi
result="benchmarks/results/signup-$(date -u +%Y-%m-%dT%H-%M-%SZ).md"
echo "Running: $attempts attempts for $places places, $concurrency client threads"
java -Xmx"$heap" -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
	org.tongxing.activity.SignUpBenchmark "$result" "$work" "$attempts" "$places" "$concurrency"
echo "Results: $result"
