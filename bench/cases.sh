#!/usr/bin/env bash
# Case benchmark (issue #4: SLA sweep under 1 s on 1,000,000 cases; >= 1,000 cases recorded per
# second through the API with p99 < 100 ms).
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_cases_bench" (heap capped at
# 512 MB), creates a chain, 2 regions, 20 outlets and a staff member with an API token through the
# API, loads 1,000,000 cases (200,000 open) with their SLA clocks and history straight into
# PostgreSQL with set-based SQL, times the SLA sweep's two queries and the case search (GET
# /api/v1/cases?q=, chain-wide, with and without its trigram indexes), then has 50 concurrent clients
# record cases through POST /api/v1/cases for 20 s (after 5 s of warm-up) and prints requests/s,
# latency percentiles and a check that every 201 answer left exactly one case in the database.
#
# usage: bench/cases.sh [cases=1000000] [open=200000]
# env:   JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (a JDK >= 22; found under /usr/lib/jvm when unset),
#        PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8289),
#        BENCH_WARMUP (seconds of load before the 20 s measured, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}; open=${2:-200000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8289}
warmup=${BENCH_WARMUP:-30}
jar=${JAR:-target/serviceloop.jar}
db=serviceloop_cases_bench
work=bench/out; mkdir -p "$work"

. bench/lib.sh
start_app "$db" "$port" "$work/cases-app.log" "$jar"

"$JAVA" bench/CaseBench.java "http://localhost:$port" "$app" "$db" "$cases" "$open" "$work" "$warmup" | tee "$work/cases-result.txt"
echo "java heap limit: 512 MB (-Xmx512m); connection pool: ${DB_POOL_SIZE:-20} (DB_POOL_SIZE); plans in $work/cases-plan-*.txt"

# Reference: PostgreSQL's own single-row insert limit on this machine (../shared/bench/pg-limit.sh).
# Recording a case takes 8 statements, so the ratio is well below 1 (printed with two decimals).
stop_app
pg_limit_ratio 50 "$work/cases-result.txt" "case creation:" "case creation req/s"
