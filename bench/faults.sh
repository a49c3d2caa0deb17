#!/usr/bin/env bash
# Faults: is everything a reader was told is saved still there after the process dies? Builds the jar,
# then BENCH_RUNS times (default 10): starts it with production settings (-Xmx256m, a fresh embedded H2
# database in files; only the comment rate limits raised), posts comments with wrk at BENCH_CONNECTIONS
# connections (default 16), kills the JVM with kill -9 once BENCH_KILL_AFTER comments (default 300, plus
# up to 200 at random) are acknowledged, with posts still arriving, starts it again on the same data,
# stops it gracefully and counts the acknowledged comments that are stored. Prints acknowledged, found
# and lost for each run and in all. Then a PostgreSQL outage (bench/outage.sh, BENCH_OUTAGE seconds,
# default 20): the answers seen during it, the recovery times, and whether every comment acknowledged
# through it is stored. BENCH_FAULTS=kill or =outage runs one of the two. Exits with 1 if anything
# acknowledged was lost or a goal was missed.
# A separate command from the tests: bash bench/faults.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk curl java unzip ss; do
  command -v "$tool" >/dev/null || { echo "bench/faults.sh needs $tool (Debian packages: wrk curl unzip iproute2)" >&2; exit 2; }
done

RUNS=${BENCH_RUNS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
KILL_AFTER=${BENCH_KILL_AFTER:-300}
SLUG=us-japan-extended-deterrence-dialogue-barksdale-b52
ARTICLE=/articles/$SLUG
# All the load comes from one address: the per-client limits (5 a minute, 50 a day) are raised.
RATE_LIMITS=(--shimbun.comments.per-minute=1000000000 --shimbun.comments.per-day=1000000000)

FAULTS=${BENCH_FAULTS:-all}
echo "Building the jar and the test classpath (for the PostgreSQL server)..."
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
JAR=$(ls target/shimbun-*.jar | head -n 1)
TEST_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

TMP=$(mktemp -d -t shimbun-bench-faults.XXXXXX)
LOGS=target/bench/faults-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh
# shellcheck source=bench/outage.sh
source bench/outage.sh

WRK_PID=
cleanup() {
  if [[ -n "$WRK_PID" ]]; then
    kill "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
  fi
  stop_app
  stop_postgres
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

unzip -p "$JAR" 'BOOT-INF/lib/h2-*.jar' >"$TMP/h2.jar"

# stored_ids DATA_DIR OUT: the ids of the benchmark's comments in the database of DATA_DIR, one a line,
# sorted; read with H2's own shell once the application has stopped.
stored_ids() {
  local data=$1 out=$2
  java -cp "$TMP/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$data/shimbun;IFEXISTS=TRUE" -user sa -password "" \
    -sql "CALL CSVWRITE('$out.csv', 'SELECT id FROM article_comment WHERE body LIKE ''bench-%''', 'writeColumnHeader=false')" \
    >"$out.log" 2>&1 || { cat "$out.log" >&2; return 1; }
  tr -d '"\r' <"$out.csv" | sort -u >"$out"
}

# acknowledged_count DIR: comments acknowledged so far (comment.lua writes one id a line as they come).
acknowledged_count() {
  cat "$1"/*.txt 2>/dev/null | wc -l
}

# --- kill -9 while comments are posted -----------------------------------------------------------
KILL_ACKED=0
KILL_FOUND=0
KILL_LOST=0
kill_runs() {
  local run data acked threshold started deadline open_at_kill seconds acknowledged found lost unacknowledged
  echo
  echo "== kill -9 while comments are posted ($RUNS runs, wrk -t$WRK_THREADS -c$CONNECTIONS, $(nproc) CPUs) =="
  printf '%-4s %12s %7s %6s %18s %22s %14s\n' run acknowledged found lost "killed after (s)" "open connections at kill" "unacknowledged"
  for run in $(seq "$RUNS"); do
    data=$TMP/kill-$run/data
    acked=$TMP/kill-$run/acked
    mkdir -p "$acked"
    start_app "$data" "$LOGS/kill-$run-app.log" "${RATE_LIMITS[@]}"
    local base=http://localhost:$APP_PORT
    threshold=$((KILL_AFTER + RANDOM % 201))
    # posts until it is stopped below; the duration only bounds a run that goes wrong
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d300s --timeout 30s -s bench/wrk/comment.lua "$base$ARTICLE/comments" \
      -- "k$run" "$ARTICLE/comments" "$base" "$acked" >"$LOGS/kill-$run-wrk.txt" 2>&1 &
    WRK_PID=$!
    started=$SECONDS
    deadline=$((SECONDS + 240))
    until (($(acknowledged_count "$acked") >= threshold)); do
      if ! kill -0 "$WRK_PID" 2>/dev/null || ((SECONDS > deadline)); then
        echo "run $run: wrk stopped, or $threshold comments were not acknowledged within 4 minutes; see $LOGS" >&2
        return 1
      fi
      sleep 0.05
    done
    open_at_kill=$(app_open_connections)
    kill -9 "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    seconds=$((SECONDS - started))
    kill "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
    WRK_PID=

    # started again on the same data: what it recovers is what survived the kill
    start_app "$data" "$LOGS/kill-$run-restart.log" "${RATE_LIMITS[@]}"
    stop_app
    stored_ids "$data" "$TMP/kill-$run/stored"
    cat "$acked"/*.txt | sort -u >"$TMP/kill-$run/acknowledged"
    acknowledged=$(wc -l <"$TMP/kill-$run/acknowledged")
    found=$(comm -12 "$TMP/kill-$run/acknowledged" "$TMP/kill-$run/stored" | wc -l)
    lost=$((acknowledged - found))
    # stored but never acknowledged: committed while the answer was on its way, which is allowed
    unacknowledged=$(comm -13 "$TMP/kill-$run/acknowledged" "$TMP/kill-$run/stored" | wc -l)
    printf '%-4s %12s %7s %6s %18s %22s %14s\n' "$run" "$acknowledged" "$found" "$lost" "$seconds" "$open_at_kill" "$unacknowledged"
    if ((lost > 0)); then
      comm -23 "$TMP/kill-$run/acknowledged" "$TMP/kill-$run/stored" >"$LOGS/kill-$run-lost-ids.txt"
    fi
    KILL_ACKED=$((KILL_ACKED + acknowledged))
    KILL_FOUND=$((KILL_FOUND + found))
    KILL_LOST=$((KILL_LOST + lost))
    rm -rf "$TMP/kill-$run/data"
  done
  local verdict=PASS
  ((KILL_LOST == 0)) || verdict=FAIL
  echo "kill -9: $RUNS runs, $KILL_ACKED comments acknowledged, $KILL_FOUND found after the restart, $KILL_LOST lost → $verdict"
  ((KILL_LOST == 0))
}

FAILED=0
if [[ "$FAULTS" != outage ]]; then
  kill_runs || FAILED=1
fi
if [[ "$FAULTS" != kill ]]; then
  outage_run || FAILED=1
fi
echo
echo "application logs, wrk outputs and the ids of lost comments (if any): $LOGS"
exit "$FAILED"
