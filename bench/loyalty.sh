#!/usr/bin/env bash
# Loyal-customer roster and segment insight benchmark (issue #16): the roster of an outlet with
# 200,000 customers and 10,000,000 visits in the database with p95 < 200 ms, and the segment insight
# of a chain of 500 outlets and 5,000,000 customers under 1 s.
#
# Starts ServiceLoop on a fresh PostgreSQL database "serviceloop_loyalty_bench" (heap capped at
# 512 MB), creates the chain's regions and outlets through the API, loads customers, visits,
# complaints and survey answers with server-side SQL (generate_series), runs the full customer-stats
# refresh (POST /api/v1/customer-stats/refresh, timed), then times the roster (varied group, order
# and page) and the segment insight of the chain; see bench/README.md.
#
# usage: bench/loyalty.sh
# env:   LOYALTY_OUTLETS (500), LOYALTY_CUSTOMERS (5000000), LOYALTY_BIG_OUTLET (200000 customers at the
#        first outlet), LOYALTY_VISITS (10000000), LOYALTY_REQUESTS (200 roster requests measured);
#        LOYALTY_REUSE=1 keeps the database of an earlier run (skips the load);
#        a quick check: LOYALTY_OUTLETS=4 LOYALTY_CUSTOMERS=5000 LOYALTY_BIG_OUTLET=2000 LOYALTY_VISITS=20000
#        JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (a JDK >= 22; found under /usr/lib/jvm
#        when unset), PGHOST/PGPORT/PGUSER (default 127.0.0.1 / 5432 / postgres), BENCH_PORT (8291)
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${BENCH_PORT:-8291}
jar=${JAR:-target/serviceloop.jar}
db=serviceloop_loyalty_bench
work=bench/out; mkdir -p "$work"

. bench/lib.sh
# the nightly and settings-check refreshes stay off: the benchmark runs the full refresh itself, once, timed
if [ "${LOYALTY_REUSE:-0}" = 1 ]; then
  # keep the database of an earlier run: start the app on it without dropping it
  SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  SPRING_DATASOURCE_USERNAME=$PGUSER "$JAVA" -Xmx512m -jar "$jar" --server.port="$port" \
    --serviceloop.customers.stats-cron=- --serviceloop.customers.stats-check-delay=PT24H >"$work/loyalty-app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
else
  start_app "$db" "$port" "$work/loyalty-app.log" "$jar" \
    --serviceloop.customers.stats-cron=- --serviceloop.customers.stats-check-delay=PT24H
fi
# start_app gives up waiting after 60 s; on a busy machine the app may need longer
for _ in $(seq 1 240); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

"$JAVA" bench/LoyaltyBench.java "http://localhost:$port" "$app" "$db" "${LOYALTY_OUTLETS:-500}" \
  "${LOYALTY_CUSTOMERS:-5000000}" "${LOYALTY_BIG_OUTLET:-200000}" "${LOYALTY_VISITS:-10000000}" \
  "${LOYALTY_REQUESTS:-200}" | tee "$work/loyalty-result.txt"
grep "Customer stats refreshed" "$work/loyalty-app.log" | tail -1 || true
echo "java heap limit: 512 MB (-Xmx512m); refresh chunk: 100000 customer ids (serviceloop.customers.stats-chunk)"
stop_app
