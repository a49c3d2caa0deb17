#!/usr/bin/env bash
# The site while the newsroom works: 100 000 articles and 1 000 000 comments (dev.shimbun.bench.GrowthLoader),
# the jar with production settings and -Xmx256m, readers at 64 connections on a mix of pages (40 on the
# 200 newest articles, skewed towards the newest; 12 on the front page; 12 on the category pages, their
# first three pages), while an editor saves one of the 20 newest articles every second, comments arrive
# at 20 a second on the 200 newest articles and the rankings are recomputed every minute
# (dev.shimbun.bench.ChurnDriver; the instance believes X-Forwarded-For from loopback, so that each comment comes
# from its own client).
# Reports req/s, p50/p99 and the page cache's hit ratio per page kind
# (1 - pages rendered / pages served), the pages served stale, and the resident memory at the end.
# A separate command from the tests: bash bench/churn.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk curl java ss; do
  command -v "$tool" >/dev/null || { echo "bench/churn.sh needs $tool (Debian packages: wrk curl iproute2)" >&2; exit 2; }
done

ARTICLES=${BENCH_ARTICLES:-100000}
COMMENTS=${BENCH_COMMENTS:-1000000}
DURATION=${BENCH_DURATION:-75}
WARM=${BENCH_WARM:-20}
COMMENT_RATE=${BENCH_COMMENT_RATE:-20}
# requests per second that the readers offer together; empty: as many as the site answers
READER_RATE=${BENCH_READER_RATE:-}
if [[ -n $READER_RATE ]]; then READERS_PACE="offering $READER_RATE requests/s"; else READERS_PACE="as fast as answered"; fi
HOT=200
USER_NAME=churn-desk
PASSWORD=churn-bench-desk-passphrase

echo "Building the jar and the loader..."
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
JAR=$(ls target/shimbun-*.jar | head -n 1)
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

TMP=$(mktemp -d -t shimbun-bench-churn.XXXXXX)
LOGS=target/bench/churn-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

DRIVER=
cleanup() {
  if [[ -n "$DRIVER" ]]; then kill "$DRIVER" 2>/dev/null || true; fi
  stop_app
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The load takes 8-10 minutes at full size: with BENCH_DATA=DIR the loaded data is kept in DIR (one
# subdirectory per size) and copied from there by the next runs, which then measure the same data.
SAVED=${BENCH_DATA:+$BENCH_DATA/churn-$ARTICLES-$COMMENTS}
if [[ -n "$SAVED" && -f "$SAVED/data/shimbun.mv.db" ]]; then
  echo "Copying the $ARTICLES articles and $COMMENTS comments loaded before from $SAVED..."
  cp -r "$SAVED/data" "$TMP/data"
  cp "$SAVED/load.txt" "$LOGS/load.txt"
else
  echo "Loading $ARTICLES articles and $COMMENTS comments (application stopped)..."
  java -Xmx1g -Dshimbun.admin.username=$USER_NAME -Dshimbun.admin.password=$PASSWORD -cp "$CP" dev.shimbun.bench.GrowthLoader "$TMP/data" "$ARTICLES" "$COMMENTS" 5000 \
    >"$LOGS/load.txt" 2>&1 || { cat "$LOGS/load.txt" >&2; exit 1; }
  if [[ -n "$SAVED" ]]; then
    mkdir -p "$SAVED"
    rm -rf "$SAVED/data"
    cp -r "$TMP/data" "$SAVED/data"
    cp "$LOGS/load.txt" "$SAVED/load.txt"
  fi
fi
grep -E '^(inserted|indexed)' "$LOGS/load.txt" || true

start_app "$TMP/data" "$LOGS/app.log" --shimbun.admin.username=$USER_NAME --shimbun.admin.password=$PASSWORD \
  --shimbun.views.ranking-interval=60s --server.forward-headers-strategy=native
base=http://localhost:$APP_PORT
echo "Shimbun started in ${APP_STARTUP:-?} s"

for ((i = 1; i <= HOT; i++)); do echo "/articles/bench-$i"; done >"$TMP/article.paths"
echo / >"$TMP/front.paths"
curl -s "$base/" | grep -o 'href="/categories/[a-z0-9-]*"' | sed 's/href="//; s/"$//' | sort -u >"$TMP/categories"
[[ -s "$TMP/categories" ]] || { echo "no category links on the front page" >&2; exit 1; }
while read -r category; do
  echo "$category"
  echo "$category?page=2"
  echo "$category?page=3"
done <"$TMP/categories" >"$TMP/category.paths"
echo "categories: $(wc -l <"$TMP/categories"), category pages read: $(wc -l <"$TMP/category.paths")"

KINDS=(article front category)
declare -A CONNECTIONS=([article]=40 [front]=12 [category]=12)
declare -A MODE=([article]=skewed [front]=even [category]=even)
declare -A METRIC=([article]=article [front]=front [category]=other)
declare -A RESULTS

# wrk_kind NAME KIND SECONDS: one wrk for one kind of page, its RESULT line into $LOGS/NAME-KIND.txt
# (with BENCH_READER_RATE, each of the 64 connections pauses 64 000 / rate ms on average between requests)
wrk_kind() {
  local script=bench/wrk/mix.lua pace=()
  if [[ -n $READER_RATE ]]; then
    script=bench/wrk/paced.lua
    pace=("$((64000 / READER_RATE))")
  fi
  wrk -t1 -c"${CONNECTIONS[$2]}" -d"${3}s" --timeout 30s --latency -s "$script" "$base" \
    -- "$TMP/$2.paths" "${MODE[$2]}" "${pace[@]}" >"$LOGS/$1-$2.txt" 2>&1
}

renders() {
  curl -s -u "$USER_NAME:$PASSWORD" "$base/actuator/prometheus" | awk -v page="$1" \
    '$1 ~ /^shimbun_pages_renders_total/ && $1 ~ "page=\"" page "\"" { print int($2) }'
}

stale() {
  curl -s -u "$USER_NAME:$PASSWORD" "$base/actuator/prometheus" | awk '$1 ~ /^shimbun_pages_stale_total/ { print int($2) }'
}

# Every page once, one at a time, so that the warm-up below starts with each page kept once and
# a JIT that has compiled the renderings, as on a site that has been up for a while.
echo "Rendering each of the $(cat "$TMP"/{article,front,category}.paths | wc -l) pages once..."
while read -r path; do
  curl -s -o /dev/null --max-time 60 "$base$path" || true
done < <(cat "$TMP"/{article,front,category}.paths)
# The newsroom driver signs in and finds its edit pages now; it starts working when $TMP/go exists.
java -cp "$CP" dev.shimbun.bench.ChurnDriver "$APP_PORT" "$USER_NAME" "$PASSWORD" "$DURATION" "$COMMENT_RATE" "$HOT" \
  "$TMP/go" >"$LOGS/newsroom.txt" 2>&1 &
DRIVER=$!
until grep -q '^edit pages found' "$LOGS/newsroom.txt" 2>/dev/null; do
  kill -0 "$DRIVER" 2>/dev/null || { cat "$LOGS/newsroom.txt" >&2; exit 1; }
  sleep 0.2
done
echo "Warming up (${WARM} s, readers only)..."
# (wait for the readers by pid: a plain wait would wait for the application too)
READERS=()
for kind in "${KINDS[@]}"; do
  wrk_kind warm "$kind" "$WARM" &
  READERS+=($!)
done
wait "${READERS[@]}"
settle warm

declare -A BEFORE
for kind in "${KINDS[@]}"; do BEFORE[$kind]=$(renders "${METRIC[$kind]}"); done
STALE_BEFORE=$(stale)
echo "Measuring ${DURATION} s: readers at 64 connections${READER_RATE:+, offering $READER_RATE requests/s together}; an editor saves every second, $COMMENT_RATE comments a second, rankings every minute..."
touch "$TMP/go"
READERS=()
for kind in "${KINDS[@]}"; do
  wrk_kind churn "$kind" "$DURATION" &
  READERS+=($!)
done
wait "$DRIVER" || { cat "$LOGS/newsroom.txt" >&2; exit 1; }
wait "${READERS[@]}"
for kind in "${KINDS[@]}"; do RESULTS[$kind]=$(grep '^RESULT ' "$LOGS/churn-$kind.txt" | tail -n 1); done
settle churn
RSS_MB=$(($(ps -o rss= -p "$APP_PID") / 1024))
STALE=$(($(stale) - STALE_BEFORE))
NEWSROOM=$(grep '^RESULT ' "$LOGS/newsroom.txt" | tail -n 1)

echo
echo "== Under churn ($ARTICLES articles, $COMMENTS comments; ${DURATION} s; readers $READERS_PACE; $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
echo "newsroom: $(field "$NEWSROOM" saves) saves ($(field "$NEWSROOM" save_failures) failed), $(field "$NEWSROOM" comments) comments ($(field "$NEWSROOM" comment_failures) failed)"
printf '%-14s %6s %10s %9s %9s %10s %7s\n' page conns "req/s" "p50 ms" "p99 ms" "hit ratio" errors
FAILED=0
for kind in "${KINDS[@]}"; do
  r=${RESULTS[$kind]}
  rendered=$(($(renders "${METRIC[$kind]}") - BEFORE[$kind]))
  hit=$(awk -v n="$(field "$r" requests)" -v m="$rendered" 'BEGIN { if (n == 0) print "-"; else printf "%.1f %%", 100 * (1 - m / n) }')
  printf '%-14s %6s %10s %9s %9s %10s %7s\n' "$kind" "${CONNECTIONS[$kind]}" "$(metric "$r" rps)" "$(metric "$r" p50_ms)" \
    "$(metric "$r" p99_ms)" "$hit" "$(errors "$r")"
  [[ $(verdict "$(metric "$r" p99_ms)" "<" 25) == PASS ]] || FAILED=1
  [[ $(errors "$r") == 0 ]] || FAILED=1
  awk -v n="$(field "$r" requests)" -v m="$rendered" 'BEGIN { exit !(n > 0 && 1 - m / n > 0.95) }' || FAILED=1
done
echo "pages served stale while rendered again: $STALE"
echo "resident memory at the end (-Xmx256m): $RSS_MB MB"
log_problems "$LOGS/app.log"
echo "target: p99 under 25 ms and hit ratio over 95 % for every kind, no errors → $([[ $FAILED == 0 ]] && echo PASS || echo FAIL)"
echo
echo "raw wrk outputs, newsroom output and application log: $LOGS"
exit "$FAILED"
