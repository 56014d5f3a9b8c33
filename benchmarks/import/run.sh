#!/usr/bin/env bash
# Tongxing import benchmark: imports 100,000 volunteers from an xlsx and then 100,000 others from
# a CSV into a fresh embedded database, through the upload page as the demo coordinator, and
# records the time of each import and the peak heap of the server while it ran.
#
# Usage: benchmarks/import/run.sh            (one command, from anywhere)
#   BENCH_ROWS=100000     rows per file
#   BENCH_PORT=8092       port of the server
#   BENCH_HEAP=768m       -Xmx of the server (the import must fit in it)
#   BENCH_FORMATS="xlsx csv"
#
# How: generate.py writes the files (the xlsx laid out as Excel writes it: shared strings and a
# date-formatted birth-date column; the CSV as UTF-8 with BOM); smtp_sink.py receives the
# invitation emails over SMTP; the server runs from the jar with TONGXING_DATA_DIR on a fresh
# directory (embedded PostgreSQL, demo data) and GC logging; curl signs in with the form, uploads
# each file ("import the valid rows" mode) and polls the job page's htmx fragment until the job
# ends. Time = upload start to job end (including the invitations, sent as rows commit). Peak
# heap = the largest heap occupancy before a collection during the import (from -Xlog:gc), i.e.
# the most the heap held; the live heap after the import is the occupancy after the last GC.
# Results: benchmarks/results/import-<UTC>.md; raw logs in benchmarks/work/import/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

rows=${BENCH_ROWS:-100000}
port=${BENCH_PORT:-8092}
heap=${BENCH_HEAP:-768m}
formats=${BENCH_FORMATS:-xlsx csv}
smtp_port=$((port + 1000))
work=benchmarks/work/import
base="http://127.0.0.1:$port"

if curl -s -o /dev/null "$base/"; then
	echo "Port $port is in use; stop what runs there or set BENCH_PORT" >&2
	exit 1
fi

jar=$(ls target/tongxing-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
	echo "Building the application jar"
	./mvnw -B -ntp -q -DskipTests package
	jar=$(ls target/tongxing-*.jar | grep -v -- '-plain' | head -1)
fi

rm -rf "$work"
mkdir -p "$work" benchmarks/results
# run a copy: a build during the run must not rewrite the jar under the server
cp "$jar" "$work/tongxing.jar"
jar="$work/tongxing.jar"
first=0
for format in $formats; do
	echo "Generating $rows rows as $format"
	python3 benchmarks/import/generate.py "$format" "$rows" "$first" "$work/volunteers.$format"
	first=$((first + rows))
done

python3 benchmarks/import/smtp_sink.py "$smtp_port" "$work/mails.txt" &
sink_pid=$!
unset TONGXING_DB_URL TONGXING_DB_USER TONGXING_DB_PASSWORD
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
TONGXING_DATA_DIR="$root/$work/data" TONGXING_DEMO=true java -Xmx"$heap" -Xlog:gc:file="$work/gc.log":uptime \
	-jar "$jar" --server.port="$port" --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
	--spring.servlet.multipart.max-file-size=60MB --spring.servlet.multipart.max-request-size=60MB \
	>"$work/app.log" 2>&1 &
app_pid=$!
stop_all() {
	kill "$app_pid" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.5
	done
	kill "$sink_pid" 2>/dev/null || true
}
trap stop_all EXIT

echo "Starting the application on port $port (log: $work/app.log)"
start_s=$(date +%s)
until curl -fs "$base/actuator/health" 2>/dev/null | grep -q '"UP"'; do
	kill -0 "$app_pid" 2>/dev/null || { echo "The application stopped; see $work/app.log" >&2; exit 1; }
	[ $(($(date +%s) - start_s)) -lt 300 ] || { echo "Not healthy after 300 s" >&2; exit 1; }
	sleep 0.5
done

cookies="$work/cookies.txt"
csrf=$(curl -s -c "$cookies" -b "$cookies" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "username=coordinator" \
	--data-urlencode "password=tongxing-demo-2026" --data-urlencode "_csrf=$csrf" "$base/login"
form=$(curl -s -c "$cookies" -b "$cookies" "$base/volunteers/import")
csrf=$(sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
# the first unit of the list: the root of the demo tree
unit=$(grep -o '<option value="[0-9][0-9]*"' <<<"$form" | head -1 | grep -o '[0-9][0-9]*')
[ -n "$unit" ] || { echo "Not signed in, or no unit to import into" >&2; exit 1; }

uptime_s() {
	jcmd "$app_pid" VM.uptime | awk '/s$/ { print $1 }' | tail -1
}
value() {
	sed -n "s/.*id=\"$1\"[^>]*>\([^<]*\)<.*/\1/p" <<<"$2" | head -1
}
results=()
for format in $formats; do
	file="$work/volunteers.$format"
	echo "Importing $file"
	up_start=$(uptime_s)
	t0=$(date +%s%N)
	location=$(curl -s -c "$cookies" -b "$cookies" -o /dev/null -w '%{redirect_url}' -F "unitId=$unit" \
		-F "mode=VALID_ROWS" -F "consentConfirmed=true" -F "_csrf=$csrf" -F "file=@$file" "$base/volunteers/import")
	uploaded=$(( ($(date +%s%N) - t0) / 1000000 ))
	case "$location" in
		*/volunteers/import/[0-9]*) ;;
		*) echo "The upload was not accepted (redirect: '$location')" >&2; exit 1 ;;
	esac
	while true; do
		status=$(curl -s -b "$cookies" -H "HX-Request: true" "$location")
		if ! grep -q 'hx-trigger' <<<"$status"; then
			break
		fi
		sleep 1
	done
	elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
	up_end=$(uptime_s)
	peak=$(awk -v from="$up_start" -v to="$up_end" '
		{ t = $1; gsub(/[\[\]s]/, "", t) }
		t + 0 >= from + 0 && t + 0 <= to + 0 && match($0, /[0-9]+M->[0-9]+M/) {
			split(substr($0, RSTART, RLENGTH), m, "->"); b = m[1]; sub("M", "", b); a = m[2]; sub("M", "", a)
			if (b + 0 > max) max = b + 0; last = a; gcs++
		}
		END { printf "%d|%s|%d", max, last, gcs }' "$work/gc.log")
	results+=("$format|$(stat -c %s "$file")|$uploaded|$elapsed|$peak|$(value import-state "$status")|$(value import-total "$status")|$(value import-imported "$status")|$(value import-skipped "$status")|$(value import-errors "$status")|$(value import-invitations "$status")")
	echo "  done in $((elapsed / 1000)) s"
done
heap_info=$(jcmd "$app_pid" GC.heap_info | sed 1d)

stamp=$(date -u +%Y-%m-%dT%H-%M-%SZ)
result="benchmarks/results/import-$stamp.md"
{
	echo "# Tongxing import benchmark $stamp"
	echo
	echo "## Machine"
	echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- CPUs (nproc): $(nproc); memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average at start: $load_at_start"
	echo "- java: $(java -version 2>&1 | head -1); server heap -Xmx$heap (G1); fresh embedded PostgreSQL with the demo data, on the same machine"
	echo "- $rows rows per file, every row valid; mode \"import the valid rows\" (batches of 200 rows, one transaction each); invitations sent over SMTP to a local sink as the rows commit"
	echo
	echo "## Results"
	echo
	echo "| file | size (bytes) | upload (ms) | total time (s) | rows/s | peak heap during import (MiB) | heap after last GC (MiB) | GCs | status | rows | imported | skipped | errors | invitations |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	for line in "${results[@]}"; do
		IFS='|' read -r format size uploaded elapsed peak last gcs state total imported skipped errors invitations <<<"$line"
		rate=$(awk -v r="${imported:-0}" -v ms="$elapsed" 'BEGIN { printf "%.0f", r / (ms / 1000) }')
		echo "| $format | $size | $uploaded | $(awk -v ms="$elapsed" 'BEGIN { printf "%.1f", ms / 1000 }') | $rate | $peak | $last | $gcs | $state | $total | $imported | $skipped | $errors | $invitations |"
	done
	echo
	echo "Total time runs from the start of the upload to the end of the job as its page reports it (checking pass, import pass, invitations)."
	echo "Peak heap is the largest occupancy before a GC while the import ran (the whole server: sessions, caches, Hibernate, the import), against -Xmx$heap."
	echo
	echo "## Heap at the end (jcmd GC.heap_info)"
	echo
	echo '```'
	echo "$heap_info"
	echo '```'
	echo
	echo "SMTP sink received $(cat "$work/mails.txt" 2>/dev/null || echo 0) messages."
} >"$result"

stop_all
trap - EXIT
cat "$result"
echo
echo "Results written to $result"
