# Shared by the benchmark scripts (sourced): start the app jar on a fresh database, and print a
# rate next to PostgreSQL's own single-row insert limit on this machine.

# A JDK >= 22 (the source launcher runs the multi-file benchmark programs): JAVA_HOME when it is one,
# else the newest under /usr/lib/jvm, so that nobody has to export anything.
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 22 ] 2>/dev/null; then
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 22 ] 2>/dev/null; then
      JAVA_HOME=${candidate%/}; break
    fi
  done
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# start_app DB PORT LOG JAR [APP_ARG...] — recreates DB, starts the jar on it (heap 512 MB, plus BENCH_JAVA_OPTS) with
# the extra application arguments (e.g. --serviceloop.surveys.max-per-address-per-minute=...), waits for health;
# sets $app to the app's pid and kills it when the script exits.
start_app() {
  local db=$1 port=$2 log=$3 jar=$4
  shift 4
  [ -f "$jar" ] || ./mvnw -q -B package -DskipTests
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS: extra JVM options, e.g. a flight recording, word-split on purpose
  SPRING_PROFILES_ACTIVE=postgres SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
  SPRING_DATASOURCE_USERNAME=$PGUSER "$JAVA" -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" "$@" >"$log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  # a loaded machine (a build beside it) can take well over a minute to start the app
  for _ in $(seq 1 240); do
    curl -sf "localhost:$port/actuator/health" >/dev/null && return 0
    kill -0 $app 2>/dev/null || { echo "the app did not start (needs JDK >= 22):"; tail -5 "$log"; exit 1; }
    sleep 1
  done
}

# stop_app — stops the app started by start_app (its pooled connections would count against
# PostgreSQL's max_connections while pg-limit.sh runs its own clients).
stop_app() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

# pg_limit_ratio CLIENTS RESULT_FILE LINE_PREFIX DESCRIPTION — runs ../shared/bench/pg-limit.sh and
# prints the rate found on the result line that starts with LINE_PREFIX as a ratio to it.
pg_limit_ratio() {
  local clients=$1 result=$2 prefix=$3 what=$4
  local script
  script=$(dirname "${BASH_SOURCE[0]}")/../../shared/bench/pg-limit.sh
  command -v pgbench >/dev/null && [ -f "$script" ] || return 0
  # captured and echoed rather than "tee /dev/stderr", which truncates output redirected to a file
  local line limit rate
  line=$(bash "$script" "$clients" 10) || { echo "pg-limit.sh failed"; return 0; }
  echo "$line"
  limit=$(echo "$line" | sed -n 's/.*tps=\([0-9.]*\).*/\1/p')
  rate=$(sed -n "s/^$prefix.*\(rows_per_s\|req_per_s\)=\([0-9]*\).*/\2/p" "$result")
  [ -n "$limit" ] && [ -n "$rate" ] && awk -v r="$rate" -v l="$limit" -v w="$what" \
    'BEGIN { printf "%s vs postgres single-row insert tps: %.2fx\n", w, r / l }'
}
