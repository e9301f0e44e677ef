#!/usr/bin/env bash
# Visit import benchmark (issue: >= 50,000 rows/s into PostgreSQL on a 2-core machine, flat memory).
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_bench" (heap capped at 512 MB),
# creates 10 outlets and 20,000 customers through the API, writes a CSV of 1,000,000 visits and
# uploads it through POST /api/v1/visits/import, then uploads it again (all duplicates). Prints
# rows/s and the app's resident memory before and at its peak during each import.
#
# usage: bench/import-visits.sh [rows=1000000] [customers=20000]
# env:   JAVA_HOME (a JDK >= 22; found under /usr/lib/jvm when unset), PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8288)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}; customers=${2:-20000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8288}
work=bench/out; mkdir -p "$work"

. bench/lib.sh
start_app serviceloop_bench "$port" "$work/app.log" target/serviceloop.jar

"$JAVA" bench/ImportBench.java "http://localhost:$port" "$app" "$rows" "$customers" "$work" | tee "$work/result.txt"
echo "java heap limit: 512 MB (-Xmx512m); the visit file is $(du -m "$work/visits.csv" | cut -f1) MB"

# Reference: PostgreSQL's own single-row insert limit on this machine (../shared/bench/pg-limit.sh).
# Rows in one COPY + INSERT ... SELECT are far cheaper than one transaction each, so the ratio is above 1.
stop_app
pg_limit_ratio 50 "$work/result.txt" "first import:" "visit import rows/s"
