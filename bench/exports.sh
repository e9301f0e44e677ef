#!/usr/bin/env bash
# Export benchmark (issue #15): the case list of 1,000,000 cases as Excel (xlsx) and as CSV through the API, with the
# app's memory flat (heap capped at 512 MB).
#
# usage: bench/exports.sh [cases=1000000]
# env:   JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (a JDK >= 22; found under /usr/lib/jvm when
#        unset), PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8292)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8292}
jar=${JAR:-target/serviceloop.jar}
db=serviceloop_exports_bench
work=bench/out; mkdir -p "$work"

. bench/lib.sh
start_app "$db" "$port" "$work/exports-app.log" "$jar"
"$JAVA" bench/ExportBench.java "http://localhost:$port" "$app" "$db" "$cases" | tee "$work/exports-result.txt"
stop_app
