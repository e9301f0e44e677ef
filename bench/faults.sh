#!/usr/bin/env bash
# Faults under load: what a crash of the app, a restart of PostgreSQL and a second instance do to
# acknowledged work. Runs on a PostgreSQL cluster of its own (initdb under /tmp, port 5499, trust
# auth), never the shared one, and removes it at the end; see bench/README.md.
#
#  (a) kill -9 of the app during the 100-client survey answer load, then a restart: every answer
#      acknowledged 201 is in the database, none twice (counted by submission key).
#  (b) PostgreSQL restarted (pg_ctl restart -m fast) and then stopped -m immediate for 10 s during
#      the same load: the app answers 503 meanwhile (no 500), /actuator/health says DOWN, and it
#      recovers without a restart; no acknowledged answer lost.
#  (c) two app instances on one database during the case load, with the clocks of one case in ten
#      moved past their deadline every second and both instances' sweeps also called at the same
#      moment: every breach escalates exactly once, no scheduled job runs on both at once.
# Exits non-zero if an acknowledged answer is lost, anything is stored twice, a 500 is seen or an
# escalation is duplicated.
#
# usage: bash bench/faults.sh
# env:   JAR (default target/serviceloop.jar, built if missing), JAVA_HOME (a JDK >= 22; found under
#        /usr/lib/jvm when unset), FAULTS_PGPORT (5499), FAULTS_SECONDS (load per scenario, 60),
#        PG_BIN (/usr/lib/postgresql/15/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=127.0.0.1 PGPORT=${FAULTS_PGPORT:-5499} PGUSER=postgres
export PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGDIR=/tmp/serviceloop-faults-pg
export JAR=${JAR:-target/serviceloop.jar}
export WORK=bench/out
seconds=${FAULTS_SECONDS:-60}
mkdir -p "$WORK"
. bench/lib.sh
export JAVA
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests

# PostgreSQL runs as its own user; pg_ctl refuses to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/postgres.log" "$@"; }

# start_instance NAME PORT DATABASE [app arguments…] — starts the jar in the background (pid in
# $WORK/faults-NAME.pid, log appended to $WORK/faults-NAME.log) and waits until it is healthy.
start_instance() {
  local name=$1 port=$2 db=$3; shift 3
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS: extra JVM options, word-split on purpose
  SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  SPRING_DATASOURCE_USERNAME=$PGUSER "$JAVA" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" "$@" \
    >>"$WORK/faults-$name.log" 2>&1 </dev/null &
  echo $! >"$WORK/faults-$name.pid"
  disown $! # a kill -9 on purpose is not news
  for _ in $(seq 1 240); do
    curl -sf "localhost:$port/actuator/health" >/dev/null && return 0
    kill -0 "$(cat "$WORK/faults-$name.pid")" 2>/dev/null || { echo "instance $name did not start:"; tail -5 "$WORK/faults-$name.log"; return 1; }
    sleep 0.5
  done
  echo "instance $name not healthy after 120 s"; return 1
}
stop_instance() {
  local pid; pid=$(cat "$WORK/faults-$1.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  rm -f "$WORK/faults-$1.pid"
}
export -f as_pg pg start_instance

cleanup() {
  for f in "$WORK"/faults-*.pid; do [ -f "$f" ] && { kill -9 "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
  pg stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT

# A cluster of our own: the shared PostgreSQL on 5432 is used by others and must not be restarted.
cleanup
mkdir -p "$PGDIR" && chown postgres "$PGDIR" 2>/dev/null || true
as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
pg -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200" -w start >/dev/null
rm -f "$WORK"/faults-*.log "$WORK/faults-survey-setup.txt" "$WORK"/faults-*-acknowledged.txt
fail=0

echo "== (a) kill -9 of the app during the survey load, then a restart"
psql -q -d postgres -c "CREATE DATABASE faults_surveys"
start_instance a 8391 faults_surveys
"$JAVA" bench/FaultBench.java http://localhost:8391 faults_surveys "$WORK" kill9 "$seconds" \
  15 "kill -9 \$(cat $WORK/faults-a.pid); echo 'app killed (-9)'; start_instance a 8391 faults_surveys && echo 'app restarted'" \
  | tee "$WORK/faults-result-a.txt" || fail=1

echo "== (b) PostgreSQL restarted, then stopped for 10 s, during the survey load (the app is not restarted)"
"$JAVA" bench/FaultBench.java http://localhost:8391 faults_surveys "$WORK" pgrestart "$seconds" \
  10 "pg -m fast -w restart >/dev/null && echo 'postgres restarted (-m fast)'" \
  25 "pg -m immediate stop >/dev/null && echo 'postgres stopped (-m immediate)'; sleep 10; pg -w start >/dev/null && echo 'postgres started'" \
  | tee "$WORK/faults-result-b.txt" || fail=1
grep -c "Database unreachable, answered 503" "$WORK/faults-a.log" | sed 's/^/  503 answers logged by the app: /'
stop_instance a

echo "== (c) two instances on one database during the case load"
psql -q -d postgres -c "CREATE DATABASE faults_cases"
jobs_opts=(--serviceloop.cases.sweep-interval=PT2S --logging.level.net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor=DEBUG)
start_instance c1 8393 faults_cases "${jobs_opts[@]}"
start_instance c2 8394 faults_cases "${jobs_opts[@]}"
"$JAVA" bench/FaultCaseBench.java http://localhost:8393,http://localhost:8394 faults_cases "$seconds" \
  "$WORK/faults-c1.log,$WORK/faults-c2.log" | tee "$WORK/faults-result-c.txt" || fail=1
stop_instance c1; stop_instance c2

if [ "$fail" != 0 ]; then echo "faults: FAILED (see the FAIL lines above)"; exit 1; fi
echo "faults: all checks passed"
