#!/usr/bin/env bash
# Live comment streams: does one instance at -Xmx256m hold 2 000 open Server-Sent Events streams
# (readers with the article open) without slowing page serving? Builds the jar, starts it as in
# production (-Xmx256m, a fresh embedded database), measures the article page with wrk at 64
# connections, opens BENCH_STREAMS (2000) streams to the article (bench/sse_readers.py), measures the
# page again with the streams open, posts one comment and measures how long every stream takes to be
# told, and reports the heap after a full GC and the process's RSS.
# A separate command from the tests: bash bench/live.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk curl java jcmd python3 ss; do
  command -v "$tool" >/dev/null || { echo "bench/live.sh needs $tool (Debian packages: wrk curl python3 iproute2, a JDK 17)" >&2; exit 2; }
done

STREAMS=${BENCH_STREAMS:-2000}
DURATION=${BENCH_DURATION:-15}
WARM=${BENCH_WARM:-30}
STREAM_WARM=${BENCH_STREAM_WARM:-10}
SLUG=us-japan-extended-deterrence-dialogue-barksdale-b52
ARTICLE=/articles/$SLUG
# every stream is a socket on each side
ulimit -n $((STREAMS * 2 + 4096)) 2>/dev/null || { echo "cannot raise the open-file limit to $((STREAMS * 2 + 4096))" >&2; exit 2; }

echo "Building the jar..."
./mvnw -B -q -DskipTests package
JAR=$(ls target/shimbun-*.jar | head -n 1)

TMP=$(mktemp -d -t shimbun-bench-live.XXXXXX)
LOGS=target/bench/live-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

READERS_PID=
cleanup() {
  touch "$TMP/control/STOP" 2>/dev/null || true
  [[ -n "$READERS_PID" ]] && { kill "$READERS_PID" 2>/dev/null || true; wait "$READERS_PID" 2>/dev/null || true; }
  stop_app
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# BENCH_LIVE_STREAMS sets shimbun.comments.live-streams (by default the application sizes it by its heap)
start_app "$TMP/data" "$LOGS/app.log" ${BENCH_LIVE_STREAMS:+--shimbun.comments.live-streams=$BENCH_LIVE_STREAMS}
BASE=http://localhost:$APP_PORT
echo "Shimbun started in ${APP_STARTUP:-?} s, -Xmx256m, port $APP_PORT"
echo "  $(grep -o 'Live comment streams: at most [0-9]* open' "$LOGS/app.log" | head -n 1)"

PAGE_LUA=bench/wrk/page.lua
echo "Warming up (${WARM} s)..."
run_wrk warm-article 64 "$WARM" "$BASE$ARTICLE" "$PAGE_LUA" >/dev/null
echo "Measuring the article page at 64 connections, no streams open (${DURATION} s)..."
BEFORE=$(run_wrk article-before 64 "$DURATION" "$BASE$ARTICLE" "$PAGE_LUA")

heap_and_rss() {
  jcmd "$APP_PID" GC.run >/dev/null
  local heap rss
  heap=$(jcmd "$APP_PID" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1)
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status")
  echo "heap_used_mb=$((heap / 1024)) rss_mb=$((rss / 1024))"
}
IDLE_MEMORY=$(heap_and_rss)

echo "Opening $STREAMS streams to $ARTICLE/comments/stream..."
mkdir -p "$TMP/control"
python3 bench/sse_readers.py localhost "$APP_PORT" "$SLUG" "$STREAMS" "$TMP/control" >"$LOGS/readers.txt" 2>&1 &
READERS_PID=$!
for _ in $(seq 1800); do [[ -f "$TMP/control/READY" ]] && break; sleep 0.1; done
[[ -f "$TMP/control/READY" ]] || { echo "the streams were not open within 3 minutes" >&2; cat "$LOGS/readers.txt" >&2; exit 1; }
OPENED=$(cat "$TMP/control/READY")
echo "  $OPENED; connections to the application: $(app_open_connections)"
STREAM_MEMORY=$(heap_and_rss)

# as before the first measurement: a warm-up at the same load, here with the streams open (the
# objects of 2 000 new streams move to the old generation; new code paths are compiled)
echo "Warming up with the streams open (${STREAM_WARM} s)..."
run_wrk warm-with-streams 64 "$STREAM_WARM" "$BASE$ARTICLE" "$PAGE_LUA" >/dev/null
echo "Measuring the article page at 64 connections with the streams open (${DURATION} s)..."
# settle waits for the application to have no connection left; the streams stay, so not here
AFTER_OUT="$LOGS/article-with-streams.txt"
wrk -t"$WRK_THREADS" -c64 -d"${DURATION}s" --timeout 30s --latency -s "$PAGE_LUA" "$BASE$ARTICLE" >"$AFTER_OUT" 2>&1
AFTER=$(grep '^RESULT ' "$AFTER_OUT" | tail -n 1)

echo "Posting one comment and waiting for every stream to be told..."
touch "$TMP/control/POST"
for _ in $(seq 900); do [[ -f "$TMP/control/RESULT" ]] && break; sleep 0.1; done
FANOUT=$(cat "$TMP/control/RESULT" 2>/dev/null || echo "RESULT received=0")

echo
echo "Live comment streams, one instance at -Xmx256m ($LOGS)"
printf '%-44s %10s %8s %8s\n' "article page, 64 connections" "req/s" "p50" "p99"
for row in "no streams open:$BEFORE" "with $STREAMS streams open:$AFTER"; do
  label=${row%%:*}
  line=${row#*:}
  printf '%-44s %10s %8s %8s\n' "  $label" "$(metric "$line" rps)" "$(metric "$line" p50_ms) ms" "$(metric "$line" p99_ms) ms"
done
echo "memory after a full GC, no streams:           $IDLE_MEMORY"
echo "memory after a full GC, $STREAMS streams:        $STREAM_MEMORY"
echo "streams: $OPENED"
echo "one comment told to every stream:             $(sed 's/^RESULT //' <<<"$FANOUT")"
RATIO=$(ratio "$(metric "$AFTER" rps)" "$(metric "$BEFORE" rps)")
RECEIVED=$(field "$FANOUT" received)
OPEN_COUNT=$(sed -n 's/.*opened=\([0-9]*\).*/\1/p' <<<"$OPENED")
echo "$(verdict "$OPEN_COUNT" '>=' "$STREAMS") every stream opened ($OPEN_COUNT of $STREAMS)"
echo "$(verdict "${RECEIVED:-0}" '>=' "$STREAMS") every stream told of the new comment (${RECEIVED:-0} of $STREAMS)"
echo "$(verdict "$RATIO" '>=' 0.9) page serving with the streams open at least 0.9x of without ($RATIO)"
log_problems "$LOGS/app.log"
[[ "$OPEN_COUNT" -ge "$STREAMS" && "${RECEIVED:-0}" -ge "$STREAMS" ]] && awk "BEGIN { exit !($RATIO >= 0.9) }"
