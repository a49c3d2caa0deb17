#!/usr/bin/env bash
# The article page through Varnish (deploy/varnish/shimbun.vcl) against nginx serving the same bytes as
# a static file: builds the jar, starts it with production settings (-Xmx256m, a fresh embedded database,
# shimbun.edge.caches pointing at the Varnish started here), starts varnishd in front of it and nginx
# beside it, checks that both answer the same bytes, and measures both with wrk at 64 connections,
# interleaved (nginx, Varnish, nginx, Varnish ...: BENCH_ROUNDS rounds of BENCH_DURATION s each).
# Prints requests/s and p99 of every run, the medians, and Varnish's hit ratio over the measured runs.
# Both backends of the VCL point at the one instance: on a hit (all but the first request) Varnish
# answers alone, so the number of instances behind it does not change what is measured.
# A separate command from the tests: bash bench/varnish.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk nginx curl java ss varnishd varnishstat; do
  command -v "$tool" >/dev/null || { echo "bench/varnish.sh needs $tool (Debian packages: wrk nginx curl iproute2 varnish varnish-modules)" >&2; exit 2; }
done

CONNECTIONS=64
DURATION=${BENCH_DURATION:-15}
WARM=${BENCH_WARM:-10}
ROUNDS=${BENCH_ROUNDS:-3}
SLUG=us-japan-extended-deterrence-dialogue-barksdale-b52
ARTICLE=/articles/$SLUG
READER=(-A "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" -H 'Accept: text/html')

echo "Building the jar..."
./mvnw -B -q -DskipTests package
JAR=$(ls target/shimbun-*.jar | head -n 1)

TMP=$(mktemp -d -t shimbun-bench-varnish.XXXXXX)
LOGS=target/bench/varnish-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

VARNISH_PID=
cleanup() {
  if [[ -n "$VARNISH_PID" ]] && kill -0 "$VARNISH_PID" 2>/dev/null; then
    kill -TERM "$VARNISH_PID"
    wait "$VARNISH_PID" 2>/dev/null || true
  fi
  stop_app
  stop_static_nginx
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- The application, and Varnish in front of it ---------------------------------------------
VARNISH_PORT=$(free_port)
start_app "$TMP/data" "$LOGS/app.log" --shimbun.edge.caches="http://127.0.0.1:$VARNISH_PORT"
echo "Shimbun started in ${APP_STARTUP:-?} s, -Xmx256m, port $APP_PORT"

# The deployed VCL with both backends on this instance's port.
sed -e "s/\.port = \"808[12]\";/.port = \"$APP_PORT\";/" deploy/varnish/shimbun.vcl >"$TMP/shimbun.vcl"
# -j none: started by root, the default jail would compile the VCL as another user, who cannot
# write to this temporary directory.
varnishd -F -j none -n "$TMP/varnish" -a "127.0.0.1:$VARNISH_PORT" -f "$TMP/shimbun.vcl" -s malloc,256m \
  >"$LOGS/varnishd.log" 2>&1 &
VARNISH_PID=$!
VARNISH=http://127.0.0.1:$VARNISH_PORT$ARTICLE
for _ in $(seq 100); do curl -sf -o /dev/null "${READER[@]}" "$VARNISH" && break; sleep 0.1; done
curl -sf "${READER[@]}" -D "$TMP/headers.txt" -o "$TMP/article.html" "$VARNISH" \
  || { echo "Varnish does not answer; its log ($LOGS/varnishd.log):" >&2; cat "$LOGS/varnishd.log" >&2; exit 1; }
CONTENT_TYPE=$(sed -n 's/^[Cc]ontent-[Tt]ype: *\([^\r]*\).*/\1/p' "$TMP/headers.txt")
echo "$(varnishd -V 2>&1 | head -n 1) on port $VARNISH_PORT"

# --- nginx with the same bytes ------------------------------------------------------------------
start_static_nginx "$TMP/article.html" "$ARTICLE" "$CONTENT_TYPE"
STATIC=http://localhost:$NGINX_PORT$ARTICLE
curl -sf "${READER[@]}" -o "$TMP/static-check.html" "$STATIC"
curl -sf "${READER[@]}" -o "$TMP/varnish-check.html" "$VARNISH"
cmp -s "$TMP/static-check.html" "$TMP/varnish-check.html" || { echo "nginx and Varnish do not serve the same bytes" >&2; exit 1; }
echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') serves the same page ($(wc -c <"$TMP/article.html") bytes, $CONTENT_TYPE) on port $NGINX_PORT"

# --- Measured, interleaved ----------------------------------------------------------------------
PAGE_LUA=bench/wrk/page.lua
echo "Warming up (${WARM} s each)..."
run_wrk warm-nginx "$CONNECTIONS" "$WARM" "$STATIC" "$PAGE_LUA" >/dev/null
run_wrk warm-varnish "$CONNECTIONS" "$WARM" "$VARNISH" "$PAGE_LUA" >/dev/null

stat_field() {
  varnishstat -n "$TMP/varnish" -1 -f "$1" | awk '{ print $2 }'
}
HITS_BEFORE=$(stat_field MAIN.cache_hit)
MISSES_BEFORE=$(stat_field MAIN.cache_miss)
declare -A RESULTS
for round in $(seq "$ROUNDS"); do
  for server in nginx varnish; do
    url=$STATIC
    [[ $server == varnish ]] && url=$VARNISH
    echo "Measuring $server, round $round of $ROUNDS ($CONNECTIONS connections, ${DURATION} s)..."
    RESULTS[$server-$round]=$(run_wrk "$server-r$round" "$CONNECTIONS" "$DURATION" "$url" "$PAGE_LUA")
  done
done
HITS=$(($(stat_field MAIN.cache_hit) - HITS_BEFORE))
MISSES=$(($(stat_field MAIN.cache_miss) - MISSES_BEFORE))

# --- Report -------------------------------------------------------------------------------------
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "== The article page through Varnish against nginx (wrk -t$WRK_THREADS -c$CONNECTIONS, ${DURATION} s per run, $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
printf '%-8s %6s %10s %9s %9s %7s\n' server round "req/s" "p50 ms" "p99 ms" errors
for round in $(seq "$ROUNDS"); do
  for server in nginx varnish; do
    r=${RESULTS[$server-$round]}
    printf '%-8s %6s %10s %9s %9s %7s\n' "$server" "$round" "$(metric "$r" rps)" "$(metric "$r" p50_ms)" \
      "$(metric "$r" p99_ms)" "$(errors "$r")"
  done
done
declare -A RPS P99
for server in nginx varnish; do
  RPS[$server]=$(for round in $(seq "$ROUNDS"); do metric "${RESULTS[$server-$round]}" rps; done | median)
  P99[$server]=$(for round in $(seq "$ROUNDS"); do metric "${RESULTS[$server-$round]}" p99_ms; done | median)
  printf 'median %-8s %10s req/s  p99 %s ms\n' "$server" "${RPS[$server]}" "${P99[$server]}"
done
echo "Varnish / nginx: $(ratio "${RPS[varnish]}" "${RPS[nginx]}")× the requests/s"
echo "Varnish during the measured runs: $HITS hits, $MISSES misses"
log_problems "$LOGS/app.log"
echo
echo "raw wrk outputs, the application's and varnishd's logs: $LOGS"
