#!/usr/bin/env bash
# Audit benchmark (issue #11): (a) 20 auditors submitting 40-item audits with three 500 kB photos each at the same
# time: p99 of the submission < 500 ms, photos stored, memory flat; (b) the audit dashboard of a chain with 500
# outlets and 200,000 submitted audits (8,000,000 answers): p95 < 200 ms.
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_audits_bench" (heap capped at 512 MB, photos in
# bench/out/audit-objects) and runs bench/AuditBench.java against it; see bench/README.md.
#
# usage: bench/audits.sh [total_audits=200000]
# env:   JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (a JDK >= 22; found under /usr/lib/jvm when
#        unset), PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8291),
#        BENCH_WARMUP (seconds of auditing before the measured window, default 20), BENCH_MEASURE (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-200000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8291}
jar=${JAR:-target/serviceloop.jar}
db=serviceloop_audits_bench
work=bench/out; mkdir -p "$work"
objects=$work/audit-objects
rm -rf "$objects"

. bench/lib.sh
start_app "$db" "$port" "$work/audits-app.log" "$jar" --serviceloop.storage.directory="$objects"

"$JAVA" bench/AuditBench.java "http://localhost:$port" "$app" "$db" "$objects" "$total" "${BENCH_WARMUP:-20}" \
  "${BENCH_MEASURE:-60}" | tee "$work/audits-result.txt"
stop_app
pg_limit_ratio 20 "$work/audits-result.txt" "audit writes" "audit write requests/s"
