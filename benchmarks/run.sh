#!/usr/bin/env bash
# Tongxing benchmark: start-up time, and throughput of the unit-tree page (/units) against a
# trivial endpoint (/actuator/health/liveness) of the same server, in one run.
# Usage: benchmarks/run.sh        (see benchmarks/README.md for the knobs)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

port=${BENCH_PORT:-18080}
user=${BENCH_USER:-coordinator}
password=${BENCH_PASSWORD:-tongxing-demo-2026}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-5s}
work=benchmarks/work
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
	echo "Installing wrk (Debian package)"
	if [ "$(id -u)" = 0 ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	else
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	fi
fi
if curl -s -o /dev/null "$base/"; then
	echo "Port $port is in use; stop what runs there or set BENCH_PORT" >&2
	exit 1
fi

# Build the jar when it is missing or older than the sources.
jar=$(ls target/tongxing-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
	echo "Building the application jar"
	./mvnw -B -ntp -q -DskipTests package
	jar=$(ls target/tongxing-*.jar | grep -v -- '-plain' | head -1)
fi

# A fresh embedded database with the demo data.
rm -rf "$work"
mkdir -p "$work" benchmarks/results
unset TONGXING_DB_URL TONGXING_DB_USER TONGXING_DB_PASSWORD
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
start_ns=$(date +%s%N)
TONGXING_DATA_DIR="$root/$work/data" TONGXING_DEMO=true java -jar "$jar" --server.port="$port" \
	>"$work/app.log" 2>&1 &
app_pid=$!
stop_app() {
	if kill -0 "$app_pid" 2>/dev/null; then
		kill "$app_pid"
		for _ in $(seq 1 60); do
			kill -0 "$app_pid" 2>/dev/null || break
			sleep 0.5
		done
	fi
}
trap stop_app EXIT

echo "Starting the application on port $port (log: $work/app.log)"
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "The application stopped during start-up; see $work/app.log" >&2
		exit 1
	fi
	if [ $(( ($(date +%s%N) - start_ns) / 1000000000 )) -gt 300 ]; then
		echo "No healthy application after 300 s; see $work/app.log" >&2
		exit 1
	fi
	sleep 0.1
done
startup=$(awk -v ns=$(( $(date +%s%N) - start_ns )) 'BEGIN { printf "%.2f", ns / 1e9 }')
echo "Healthy after $startup s"

# Sign in with the form, as a browser would: the CSRF token comes from the sign-in page.
jarfile="$work/cookies.txt"
csrf=$(curl -s -c "$jarfile" -b "$jarfile" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
sign_in=$(curl -s -c "$jarfile" -b "$jarfile" -o /dev/null -w '%{http_code} %{redirect_url}' \
	--data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
	"$base/login")
session=$(awk '$6 == "SESSION" { print $7 }' "$jarfile" | tail -1)
case "$sign_in" in
	*error* | *login* | "") signed_in="no ($sign_in)" ;;
	*) signed_in="yes" ;;
esac
echo "Signed in as $user: $signed_in"

# One wrk run: prints "status|requests/s|p50|p75|p90|p99|non-2xx/3xx|requests"
measure() {
	local path=$1 status out
	status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$base$path")
	wrk -t"$threads" -c"$connections" -d"$warmup" -H "Cookie: SESSION=$session" "$base$path" >/dev/null
	out=$(wrk --latency -t"$threads" -c"$connections" -d"$duration" -H "Cookie: SESSION=$session" "$base$path")
	echo "$out" >"$work/wrk$(echo "$path" | tr '/' '-').txt"
	awk -v status="$status" '
		/^ +50%/ { p50 = $2 } /^ +75%/ { p75 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
		/Non-2xx or 3xx responses:/ { bad = $NF }
		/requests in/ { total = $1 }
		/^Requests\/sec:/ { rps = $2 }
		END { printf "%s|%s|%s|%s|%s|%s|%s|%s\n", status, rps, p50, p75, p90, p99, (bad == "" ? 0 : bad), total }
	' <<<"$out"
}
echo "Measuring /units and /actuator/health/liveness: $threads threads, $connections connections, $duration each (after $warmup warm-up)"
units=$(measure /units)
liveness=$(measure /actuator/health/liveness)

stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
result="benchmarks/results/$stamp.md"
row() {
	IFS='|' read -r status rps p50 p75 p90 p99 bad total <<<"$2"
	echo "| \`$1\` | $status | $rps | $p50 | $p75 | $p90 | $p99 | $total | $bad |"
}
{
	echo "# Tongxing benchmark $stamp"
	echo
	echo "## Machine"
	echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- CPUs (nproc): $(nproc)"
	echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "- java: $(java -version 2>&1 | head -1)"
	echo "- load average at start: $load_at_start (other work on the machine makes numbers noisy)"
	echo "- wrk: $threads threads, $connections connections, $duration per endpoint after a $warmup warm-up; database: fresh embedded PostgreSQL with the demo data"
	echo
	echo "## Start-up"
	echo "$startup s from process start to \`/actuator/health\` UP, including a fresh embedded database and the demo data"
	echo "(Spring Boot's own count: $(grep -o 'Started TongxingApplication in [0-9.]* seconds' "$work/app.log" | head -1 || echo 'not logged'))."
	echo
	echo "## Throughput (signed in as \`$user\`: $signed_in)"
	echo
	echo "| endpoint | HTTP status | requests/s | p50 | p75 | p90 | p99 | requests | non-2xx/3xx |"
	echo "|---|---|---|---|---|---|---|---|---|"
	row /units "$units"
	row /actuator/health/liveness "$liveness"
	echo
	echo "HTTP status is what one request with the session cookie got before the run: 302 means the sign-in failed (redirect to the sign-in page), 404 that the page does not exist in this build."
} >"$result"

stop_app
trap - EXIT
cat "$result"
echo
echo "Results written to $result"
