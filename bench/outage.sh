#!/usr/bin/env bash
# A PostgreSQL outage under a running jar (sourced by bench/faults.sh; runs on its own too: bash
# bench/outage.sh). Starts PostgreSQL from the embedded binaries the tests use
# (dev.shimbun.bench.PostgresServer), the jar on it with production settings, and a burst of comments
# (wrk, bench/wrk/comment.lua) that goes on before, through and after the outage. Then stops
# PostgreSQL for BENCH_OUTAGE seconds (20 by default) and, twice a second, asks for a cached article, a
# page never cached (a search), readiness and liveness, and posts a comment. Prints the answers seen
# and the slowest of each, how long readiness took to go DOWN and to come back, and whether every
# acknowledged comment of the burst is stored. Exits non-zero when one of the goals is missed: cached
# pages 200, uncached pages 503 within 2 s, readiness DOWN within 5 s of the stop and UP within 5 s of
# the start, nothing acknowledged lost.
#
# Expects (from bench/faults.sh): JAR, TMP, LOGS, TEST_CP (test classes and their dependencies) and
# bench/lib.sh sourced.

OUTAGE_SECONDS=${BENCH_OUTAGE:-20}
OUTAGE_ARTICLE=/articles/us-japan-extended-deterrence-dialogue-barksdale-b52
PG_PID=

# pg_command COMMAND ANSWER: sends a command to the PostgreSQL helper and waits for its answer line.
pg_command() {
  local answer=$2 before deadline=$((SECONDS + 180))
  before=$(grep -c "^$answer" "$LOGS/postgres.log" || true)
  echo "$1" >&7
  until (($(grep -c "^$answer" "$LOGS/postgres.log" || true) > before)); do
    if ((SECONDS > deadline)) || ! kill -0 "$PG_PID" 2>/dev/null; then
      echo "PostgreSQL did not answer '$1' with $answer; see $LOGS/postgres.log" >&2
      return 1
    fi
    sleep 0.1
  done
}

stop_postgres() {
  if [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null; then
    echo quit >&7 || true
    wait "$PG_PID" 2>/dev/null || true
  fi
  exec 7>&- 2>/dev/null || true
  PG_PID=
}

# now_ms: milliseconds since the epoch.
now_ms() {
  date +%s%3N
}

# sample NAME STATUS SECONDS: notes one answer.
declare -A SEEN SLOWEST
sample() {
  local name=$1 status=$2 seconds=$3 ms
  ms=$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')
  SEEN[$name]="${SEEN[$name]:-} $status"
  if ((ms > ${SLOWEST[$name]:-0})); then
    SLOWEST[$name]=$ms
  fi
}

# statuses NAME: "200×40" and the like, for the answers seen.
statuses() {
  tr ' ' '\n' <<<"${SEEN[$1]:-}" | sed '/^$/d' | sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? ", " : ""), $2, $1 }'
}

outage_run() {
  local pg_port pg_dir base data burst_seconds
  pg_port=$(free_port)
  pg_dir=$TMP/postgres
  data=$TMP/outage-data
  rm -f "$TMP/pg-commands"
  mkfifo "$TMP/pg-commands"
  echo "Starting PostgreSQL (embedded binaries) on port $pg_port..."
  java -cp "$TEST_CP" dev.shimbun.bench.PostgresServer "$pg_dir" "$pg_port" <"$TMP/pg-commands" \
    >"$LOGS/postgres.log" 2>&1 &
  PG_PID=$!
  exec 7>"$TMP/pg-commands"
  local deadline=$((SECONDS + 180))
  until grep -q '^READY' "$LOGS/postgres.log"; do
    if ((SECONDS > deadline)) || ! kill -0 "$PG_PID" 2>/dev/null; then
      echo "PostgreSQL did not start; see $LOGS/postgres.log" >&2
      return 1
    fi
    sleep 0.2
  done

  start_app "$data" "$LOGS/app-outage.log" \
    --spring.datasource.url="jdbc:postgresql://localhost:$pg_port/postgres" \
    --spring.datasource.username=postgres --spring.datasource.password= \
    --shimbun.comments.per-minute=1000000000 --shimbun.comments.per-day=1000000000
  base=http://localhost:$APP_PORT
  echo "Shimbun started in ${APP_STARTUP:-?} s on PostgreSQL"
  curl -s -o /dev/null "$base$OUTAGE_ARTICLE"
  curl -s -o /dev/null "$base/"

  mkdir -p "$TMP/acked-outage"
  burst_seconds=$((OUTAGE_SECONDS + 20))
  echo "Posting comments at 8 connections for $burst_seconds s; PostgreSQL stops after 5 s for $OUTAGE_SECONDS s..."
  wrk -t2 -c8 -d"${burst_seconds}s" --timeout 30s -s bench/wrk/comment.lua "$base$OUTAGE_ARTICLE/comments" \
    -- outage "$OUTAGE_ARTICLE/comments" "$base" "$TMP/acked-outage" >"$LOGS/outage-burst.txt" 2>&1 &
  local wrk_pid=$!
  sleep 5
  # the article is in the page cache (the burst drops it at every comment: ask for it again)
  curl -s -o /dev/null "$base$OUTAGE_ARTICLE"

  pg_command stop STOPPED
  local stopped down_ms= i=0 answer
  stopped=$(now_ms)
  while (($(now_ms) - stopped < OUTAGE_SECONDS * 1000)); do
    i=$((i + 1))
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -A 'Mozilla/5.0 faults' "$base/")
    sample front $answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -A 'Mozilla/5.0 faults' "$base$OUTAGE_ARTICLE")
    sample article $answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/search?q=outage$i")
    sample uncached $answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Origin: $base" \
      --data-urlencode nickname=faults --data-urlencode "body=outage-probe-$i" "$base$OUTAGE_ARTICLE/comments")
    sample comment $answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/actuator/health/liveness")
    sample liveness $answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/actuator/health/readiness")
    sample readiness $answer
    if [[ -z "$down_ms" && "${answer%% *}" == 503 ]]; then
      down_ms=$(($(now_ms) - stopped))
    fi
    sleep 0.5
  done

  pg_command start STARTED
  local started up_ms=
  started=$(now_ms)
  while (($(now_ms) - started < 60000)); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health/readiness")" == 200 ]]; then
      up_ms=$(($(now_ms) - started))
      break
    fi
    sleep 0.1
  done
  local after_status
  after_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/search?q=after")

  wait "$wrk_pid" || true
  settle outage-burst
  pg_command "ids bench-outage $TMP/stored-outage.txt" WRITTEN
  stop_app
  stop_postgres

  sort -u "$TMP/stored-outage.txt" >"$TMP/stored-outage-ids.txt"
  cat "$TMP"/acked-outage/*.txt 2>/dev/null | sort -u >"$TMP/acked-outage-ids.txt"
  local result acked found lost
  result=$(grep '^RESULT ' "$LOGS/outage-burst.txt" | tail -n 1)
  acked=$(wc -l <"$TMP/acked-outage-ids.txt")
  found=$(comm -12 "$TMP/acked-outage-ids.txt" "$TMP/stored-outage-ids.txt" | wc -l)
  lost=$((acked - found))

  echo
  echo "== PostgreSQL outage of $OUTAGE_SECONDS s under a running jar ($(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
  printf '%-34s %-28s %s\n' "during the outage" "answers" "slowest"
  printf '%-34s %-28s %s ms\n' "front page (cached)" "$(statuses front)" "${SLOWEST[front]:-?}"
  printf '%-34s %-28s %s ms\n' "article page (cached, dropped)" "$(statuses article)" "${SLOWEST[article]:-?}"
  printf '%-34s %-28s %s ms\n' "search (never cached)" "$(statuses uncached)" "${SLOWEST[uncached]:-?}"
  printf '%-34s %-28s %s ms\n' "comment form" "$(statuses comment)" "${SLOWEST[comment]:-?}"
  printf '%-34s %-28s %s ms\n' "liveness" "$(statuses liveness)" "${SLOWEST[liveness]:-?}"
  printf '%-34s %-28s %s ms\n' "readiness" "$(statuses readiness)" "${SLOWEST[readiness]:-?}"
  echo "readiness DOWN ${down_ms:-never} ms after PostgreSQL stopped; UP again ${up_ms:-never} ms after it started"
  echo "first search after the outage: $after_status"
  echo "comment burst through the outage: $(field "$result" acknowledged) acknowledged, $found of the $acked ids found, $lost lost ($(field "$result" other) other answers)"

  local failed=0
  [[ "$(statuses front)" =~ ^200×[0-9]+$ ]] || { echo "GOAL MISSED: the cached front page did not always answer 200"; failed=1; }
  [[ "$(statuses uncached)" =~ ^503×[0-9]+$ ]] || { echo "GOAL MISSED: a page never cached did not always get 503"; failed=1; }
  ((${SLOWEST[uncached]:-99999} < 2000)) || { echo "GOAL MISSED: a 503 took 2 s or more"; failed=1; }
  [[ "$(statuses comment)" =~ ^503×[0-9]+$ ]] || { echo "GOAL MISSED: a comment during the outage was not refused with 503"; failed=1; }
  [[ -n "$down_ms" ]] && ((down_ms <= 5000)) || { echo "GOAL MISSED: readiness not DOWN within 5 s"; failed=1; }
  [[ -n "$up_ms" ]] && ((up_ms <= 5000)) || { echo "GOAL MISSED: readiness not UP within 5 s of the database returning"; failed=1; }
  [[ "$(statuses liveness)" =~ ^200×[0-9]+$ ]] || { echo "GOAL MISSED: liveness was not always UP"; failed=1; }
  ((lost == 0)) || { echo "GOAL MISSED: $lost acknowledged comments lost"; failed=1; }
  return $failed
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  for tool in wrk curl java ss; do
    command -v "$tool" >/dev/null || { echo "bench/outage.sh needs $tool (Debian packages: wrk curl iproute2)" >&2; exit 2; }
  done
  echo "Building the jar and the test classpath..."
  ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
  JAR=$(ls target/shimbun-*.jar | head -n 1)
  TEST_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
  TMP=$(mktemp -d -t shimbun-bench-outage.XXXXXX)
  LOGS=target/bench/outage-$(date +%Y%m%d-%H%M%S)
  mkdir -p "$LOGS"
  # shellcheck source=bench/lib.sh
  source bench/lib.sh
  trap 'stop_app; stop_postgres; rm -rf "$TMP"' EXIT
  trap 'exit 130' INT TERM
  outage_run
fi
