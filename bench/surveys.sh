#!/usr/bin/env bash
# Survey benchmark (issue #5): (a) >= 2,000 responses/s through the public endpoint from 100
# concurrent respondents with p99 < 100 ms, every acknowledged response stored; (b) the outlet
# dashboard over 10,000,000 stored responses with p95 < 200 ms.
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_surveys_bench" (heap capped at
# 512 MB) and runs bench/SurveyBench.java against it; see bench/README.md.
#
# usage: bench/surveys.sh [total_responses=10000000]
# env:   JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (JDK >= 22),
#        PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8290),
#        BENCH_WARMUP (seconds of load before the 20 s measured, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-10000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8290}
jar=${JAR:-target/serviceloop.jar}
db=serviceloop_surveys_bench
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=bench/out; mkdir -p "$work"

[ -f "$jar" ] || ./mvnw -q -B package -DskipTests
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
SPRING_DATASOURCE_USERNAME=$PGUSER "$JAVA" -Xmx512m -jar "$jar" --server.port="$port" \
  >"$work/surveys-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "localhost:$port/actuator/health" >/dev/null && break
  kill -0 $app 2>/dev/null || { echo "the app did not start (needs JDK >= 22):"; tail -5 "$work/surveys-app.log"; exit 1; }
  sleep 1
done

"$JAVA" bench/SurveyBench.java "http://localhost:$port" "$app" "$db" "$total" "${BENCH_WARMUP:-10}" \
  | tee "$work/surveys-result.txt"

limit_script=$(dirname "$0")/../../shared/bench/pg-limit.sh
if command -v pgbench >/dev/null && [ -f "$limit_script" ]; then
  limit_line=$(bash "$limit_script" 100 10); echo "$limit_line"
  limit=$(echo "$limit_line" | sed -n 's/.*tps=\([0-9.]*\).*/\1/p')
  rate=$(sed -n 's/^survey submission:.*req_per_s=\([0-9]*\).*/\1/p' "$work/surveys-result.txt")
  [ -n "$limit" ] && [ -n "$rate" ] && awk -v r="$rate" -v l="$limit" \
    'BEGIN { printf "survey responses/s vs postgres single-row insert tps: %.2fx\n", r / l }'
fi
