#!/usr/bin/env bash
# Visit import benchmark (issue: >= 50,000 rows/s into PostgreSQL on a 2-core machine, flat memory).
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_bench" (heap capped at 512 MB),
# creates 10 outlets and 20,000 customers through the API, writes a CSV of 1,000,000 visits and
# uploads it through POST /api/v1/visits/import, then uploads it again (all duplicates). Prints
# rows/s and the app's resident memory before and at its peak during each import.
#
# usage: bench/import-visits.sh [rows=1000000] [customers=20000]
# env:   JAVA_HOME (JDK >= 22), PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8288)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}; customers=${2:-20000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8288}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=bench/out; mkdir -p "$work"

[ -f target/serviceloop.jar ] || ./mvnw -q -B package -DskipTests
psql -q -d postgres -c "DROP DATABASE IF EXISTS serviceloop_bench" -c "CREATE DATABASE serviceloop_bench"

SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/serviceloop_bench" \
SPRING_DATASOURCE_USERNAME=$PGUSER "$JAVA" -Xmx512m -jar target/serviceloop.jar --server.port="$port" \
  >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "localhost:$port/actuator/health" >/dev/null && break
  kill -0 $app 2>/dev/null || { echo "the app did not start (needs JDK >= 22):"; tail -5 "$work/app.log"; exit 1; }
  sleep 1
done

"$JAVA" bench/ImportBench.java "http://localhost:$port" "$app" "$rows" "$customers" "$work" | tee "$work/result.txt"
echo "java heap limit: 512 MB (-Xmx512m); the visit file is $(du -m "$work/visits.csv" | cut -f1) MB"

# Reference: PostgreSQL's own single-row insert limit on this machine (../shared/bench/pg-limit.sh),
# printed next to the import rate as a ratio. Rows in one COPY + INSERT ... SELECT are far cheaper
# than one transaction each, so the ratio is well above 1.
limit_script=$(dirname "$0")/../../shared/bench/pg-limit.sh
if command -v pgbench >/dev/null && [ -f "$limit_script" ]; then
  limit=$(bash "$limit_script" 50 10 | tee /dev/stderr | sed -n 's/.*tps=\([0-9.]*\).*/\1/p')
  rate=$(sed -n 's/^first import:.*rows_per_s=\([0-9]*\).*/\1/p' "$work/result.txt")
  [ -n "$limit" ] && [ -n "$rate" ] && awk -v r="$rate" -v l="$limit" \
    'BEGIN { printf "visit import rows/s vs postgres single-row insert tps: %.1fx\n", r / l }'
fi
