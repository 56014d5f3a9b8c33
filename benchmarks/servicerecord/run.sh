#!/usr/bin/env bash
# Tongxing service-record benchmark: 500 signed-in volunteers with a place in one session scan the
# check-in screen's QR code and submit at once over HTTP, each twice (a retry), spread over two
# application nodes on one PostgreSQL - throughput, p50/p99 and duplicates (must be 0); then the
# time to issue a certificate of 60 services; then a volunteer's total over 10,000 confirmed
# entries, in-process and as the card page, against the liveness endpoint. Results go to
# benchmarks/results/servicerecord-<UTC>.md.
#
# Usage: benchmarks/servicerecord/run.sh
#   BENCH_VOLUNTEERS (default 500), BENCH_CONCURRENCY (default 64), BENCH_ENTRIES (default 10000),
#   BENCH_HEAP (default 2g)
# Needs: the Maven wrapper (offline is fine once dependencies are cached) and a few minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."

volunteers=${BENCH_VOLUNTEERS:-500}
concurrency=${BENCH_CONCURRENCY:-64}
entries=${BENCH_ENTRIES:-10000}
heap=${BENCH_HEAP:-2g}
work=benchmarks/work/servicerecord
rm -rf "$work"
mkdir -p "$work" benchmarks/results
unset TONGXING_DB_URL TONGXING_DB_USER TONGXING_DB_PASSWORD

echo "Compiling (main and test classes)"
./mvnw -q -B -ntp -DskipTests test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null

result="benchmarks/results/servicerecord-$(date -u +%Y-%m-%dT%H-%M-%SZ).md"
echo "Running: $volunteers volunteers checking in, $concurrency client threads, a total over $entries entries"
java -Xmx"$heap" -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
	org.tongxing.servicerecord.ServiceRecordBenchmark "$result" "$work" "$volunteers" "$concurrency" "$entries"
echo "Results: $result"
